package nl.regiomonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.regiomonitor.disclosure.ProtectionPattern;

class CellTest {

    @Test
    void aHiddenCellSaysTheThresholdInUseAndNeverItsValue() {
        assertThat(Cell.ofClients(3, ProtectionPattern.Mark.PRIMARY, 5)).isEqualTo(new Cell(null, true, "<5"));
        assertThat(Cell.ofClients(7, ProtectionPattern.Mark.PRIMARY, 10)).isEqualTo(new Cell(null, true, "<10"));
        assertThat(Cell.ofClients(40, ProtectionPattern.Mark.SECONDARY, 10)).isEqualTo(new Cell(null, true, "x"));
        assertThat(Cell.ofClients(1234, ProtectionPattern.Mark.SHOWN, 5)).isEqualTo(new Cell(1234L, false, "1.234"));
    }

    @Test
    void aSumIsShownOnlyWhenEveryPartIsAndThenNeverSaysHowSmall() {
        Cell small = Cell.ofClients(3, ProtectionPattern.Mark.PRIMARY, 5);
        Cell hidden = Cell.ofClients(0, ProtectionPattern.Mark.SECONDARY, 5);
        assertThat(Cell.ofSum(32, List.of(Cell.ofCount(20), Cell.ofCount(12)))).isEqualTo(new Cell(32L, false, "32"));
        assertThat(Cell.ofSum(23, List.of(small, Cell.ofCount(20)))).isEqualTo(new Cell(null, true, "x"));
        // 3 + 0: a "<5" here would tell that the x is 0
        assertThat(Cell.ofSum(3, List.of(small, hidden))).isEqualTo(new Cell(null, true, "x"));
        assertThat(Cell.ofSum(3, List.of(small))).isEqualTo(small);
    }
}
