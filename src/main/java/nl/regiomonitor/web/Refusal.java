package nl.regiomonitor.web;

import java.util.List;

/**
 * A request the application refuses, with a message for people in Dutch and the problems per
 * field. Capabilities throw it (or a subclass naming their case); only {@link ErrorAnswers}
 * turns the kind into an HTTP status, so a capability knows nothing of HTTP.
 */
public class Refusal extends RuntimeException {

    /** Why a request is refused. */
    public enum Kind {
        /** The request itself is wrong: a value that is none, a missing part. */
        INVALID,
        /** What it asks for is not there (or not for this user to know of). */
        NOT_FOUND,
        /** It is there, but not this user's to do. */
        FORBIDDEN,
        /** It cannot be done in the state the thing is in. */
        WRONG_STATE,
        /** It was based on a version someone else has changed since. */
        STALE,
        /** The content is readable, but fails the rules; see the problems. */
        UNACCEPTABLE
    }

    private final Kind kind;
    private final transient List<Problem> problems;

    public Refusal(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public Refusal(Kind kind, String message, List<Problem> problems) {
        super(message, null, false, false);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}
