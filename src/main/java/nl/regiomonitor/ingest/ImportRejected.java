package nl.regiomonitor.ingest;

/** The file as a whole cannot be read as an import (empty, not UTF-8, no usable header, …). */
public class ImportRejected extends Exception {

    private final transient ImportError error;

    ImportRejected(ImportError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ImportRejected(Integer line, String message) {
        this(new ImportError(line, null, null, message));
    }

    ImportError error() {
        return error;
    }
}
