package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.regiomonitor.IntegrationTest;

/** The first visitor after a (re)start finds the busiest pages already asked once, before the port opened. */
class WarmUpTest extends IntegrationTest {

    @Autowired
    WarmUp warmUp;

    @Test
    void theBusiestPagesAnsweredOverTheLoopbackConnectorBeforeThePortOpened() {
        assertThat(warmUp.answers())
                .containsEntry("/instroom", 200)
                .containsEntry("/", 200)
                .containsEntry("/regions/ZK10", 200)
                .containsEntry("/api/v1/trend/influx?region=NL", 200);
    }
}
