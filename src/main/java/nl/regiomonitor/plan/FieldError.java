package nl.regiomonitor.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;

import nl.regiomonitor.web.Problem;

/** A problem on a plan page and the HTML id of its field to link to (null: about the plan as a whole). */
record FieldError(String id, String message) {

    /** A problem about the plan as a whole, shown in the box at the top only. */
    static FieldError general(String message) {
        return new FieldError(null, message);
    }

    /** The service's problems, each at the field of the edit form it is about. */
    static List<FieldError> of(List<Problem> problems) {
        return problems.stream()
                .map(p -> new FieldError(p.field() == null ? null : PlanForm.fieldId(p.field()), p.message()))
                .toList();
    }

    /** All problems for the box at the top, and the first per field id to show beside it. */
    static void addTo(Model model, List<FieldError> problems) {
        Map<String, String> byId = new LinkedHashMap<>();
        problems.stream().filter(p -> p.id() != null).forEach(p -> byId.putIfAbsent(p.id(), p.message()));
        model.addAttribute("problems", problems);
        model.addAttribute("errors", byId);
    }
}
