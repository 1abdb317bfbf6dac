package nl.regiomonitor.ingest;

/** The file as a whole cannot be read as an import (empty, not UTF-8, no usable header, …). */
public class ImportRejected extends Exception {

    private final transient ImportError error;

    ImportRejected(ImportError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ImportRejected(int line, String message) {
        this(ImportError.atLine(line, message));
    }

    /** A refusal of the file as a whole, at no line. */
    static ImportRejected ofFile(String message) {
        return new ImportRejected(ImportError.ofFile(message));
    }

    ImportError error() {
        return error;
    }
}
