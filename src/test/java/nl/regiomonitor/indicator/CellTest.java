package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import nl.regiomonitor.disclosure.ProtectionPattern;
import org.junit.jupiter.api.Test;

class CellTest {

    @Test
    void aHiddenCellSaysTheThresholdInUseAndNeverItsValue() {
        assertThat(Cell.ofClients(3, ProtectionPattern.Mark.PRIMARY, 5)).isEqualTo(new Cell(null, true, "<5"));
        assertThat(Cell.ofClients(7, ProtectionPattern.Mark.PRIMARY, 10)).isEqualTo(new Cell(null, true, "<10"));
        assertThat(Cell.ofClients(40, ProtectionPattern.Mark.SECONDARY, 10)).isEqualTo(new Cell(null, true, "x"));
        assertThat(Cell.ofClients(1234, ProtectionPattern.Mark.SHOWN, 5)).isEqualTo(new Cell(1234L, false, "1.234"));
    }
}
