package nl.regiomonitor.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The notes under tables and charts name the threshold in force, not a fixed 5. */
class SmallCellsTest {

    @Test
    void theWordsFollowTheThreshold() {
        assertThat(new CellSuppression(5).smallCells().label()).isEqualTo("<5");
        assertThat(new CellSuppression(5).smallCells().range()).isEqualTo("1 tot 4");
        assertThat(new CellSuppression(10).smallCells().label()).isEqualTo("<10");
        assertThat(new CellSuppression(10).smallCells().range()).isEqualTo("1 tot 9");
        assertThat(new CellSuppression(2).smallCells().range()).isEqualTo("1");
    }
}
