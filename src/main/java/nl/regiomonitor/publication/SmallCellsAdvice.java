package nl.regiomonitor.publication;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import nl.regiomonitor.disclosure.CellSuppression;
import nl.regiomonitor.disclosure.SmallCells;

/** Every page may explain {@code <5} and {@code x}: it gets the words for the threshold in force as {@code small}. */
@ControllerAdvice(annotations = Controller.class)
class SmallCellsAdvice {

    private final SmallCells small;

    SmallCellsAdvice(CellSuppression suppression) {
        this.small = suppression.smallCells();
    }

    @ModelAttribute("small")
    SmallCells small() {
        return small;
    }
}
