package nl.regiomonitor.indicator;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;

import nl.regiomonitor.EmptyDatabaseTest;
import nl.regiomonitor.ingest.ImportService;
import nl.regiomonitor.publication.PublicationService;

/** Base of the tests whose figures are worked out by hand: the empty database with {@link HandData} loaded. */
abstract class HandDataTest extends EmptyDatabaseTest {

    @BeforeAll
    static void load(@Autowired ImportService imports, @Autowired PublicationService publications) throws Exception {
        HandData.load(imports, publications);
    }
}
