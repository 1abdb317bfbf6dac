package nl.regiomonitor.web;

/**
 * What is wrong, in Dutch, and where: the form field or a path into a JSON body such as
 * {@code actions[2].owner}; {@code null} when it is about the request as a whole.
 */
public record Problem(String field, String message) {

    /** A problem with the request as a whole, in no one field. */
    public static Problem general(String message) {
        return new Problem(null, message);
    }
}
