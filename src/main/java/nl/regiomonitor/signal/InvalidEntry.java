package nl.regiomonitor.signal;

import java.util.List;

import nl.regiomonitor.ingest.ImportError;
import nl.regiomonitor.web.Problem;
import nl.regiomonitor.web.Refusal;

/** An entry, a change or an import the register refuses; every reason is in Dutch (field null: the entry as a whole). */
public class InvalidEntry extends Refusal {

    InvalidEntry(List<Problem> problems) {
        super(Kind.UNACCEPTABLE, problems.get(0).message(), problems);
    }

    InvalidEntry(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    /** A refusal of the entry or file as a whole, in no one field. */
    static InvalidEntry general(String message) {
        return new InvalidEntry(List.of(Problem.general(message)));
    }

    /** A refused import file: each error of its rows, worded as the indications import words it ("Regel 3, kolom date: …"). */
    static InvalidEntry ofImport(List<ImportError> errors) {
        return new InvalidEntry(
                errors.stream().map(e -> Problem.general(e.text())).toList());
    }
}
