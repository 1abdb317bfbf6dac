package nl.regiomonitor.indicator;

import nl.regiomonitor.web.Refusal;

/** A figure asked for in a way that cannot be answered; the message is for people. */
public class InvalidFigureRequest extends Refusal {

    public InvalidFigureRequest(String message) {
        super(Kind.INVALID, message);
    }
}
