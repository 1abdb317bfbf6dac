package nl.regiomonitor.indicator;

/** A figure asked for in a way that cannot be answered; the message is for people. */
public class InvalidFigureRequest extends IllegalArgumentException {

    public InvalidFigureRequest(String message) {
        super(message);
    }
}
