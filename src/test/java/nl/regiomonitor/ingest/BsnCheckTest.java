package nl.regiomonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A BSN is a run of exactly nine digits that passes the elfproef, wherever it stands in a value. */
class BsnCheckTest {

    @Test
    void nineDigitsThatPassTheElfproefAreABsn() {
        assertThat(BsnCheck.containsBsn("111222333")).isTrue();
        assertThat(BsnCheck.containsBsn("client 111222333")).isTrue();
        assertThat(BsnCheck.containsBsn("111222334")).isFalse();
    }

    @Test
    void aShorterOrLongerRunIsNot() {
        assertThat(BsnCheck.containsBsn("11122233")).isFalse();
        assertThat(BsnCheck.containsBsn("1112223330")).isFalse();
        assertThat(BsnCheck.containsBsn("")).isFalse();
    }
}
