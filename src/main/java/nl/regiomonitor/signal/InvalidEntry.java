package nl.regiomonitor.signal;

import java.util.List;

/** An entry, a change or an import the register refuses; every reason is in Dutch. */
public class InvalidEntry extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidEntry(List<FieldProblem> problems) {
        super(problems.get(0).message(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    InvalidEntry(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
