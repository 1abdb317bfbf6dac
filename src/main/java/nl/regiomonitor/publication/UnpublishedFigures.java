package nl.regiomonitor.publication;

import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.regiomonitor.ingest.DataLoaded;

/** On the command line there is no publication: figures read after an import are worked out again from the data as they are. */
@Component
@ConditionalOnNotWebApplication
class UnpublishedFigures {

    private final Generations generations;

    UnpublishedFigures(Generations generations) {
        this.generations = generations;
    }

    @EventListener
    void loaded(DataLoaded event) {
        generations.advanceUnpublished();
    }
}
