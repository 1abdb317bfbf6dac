package nl.regiomonitor.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the audit trail keeps of a plan before and after a change: its workflow, and its content when that changed. */
final class PlanAuditValues {

    private PlanAuditValues() {}

    /** What the audit trail keeps of a plan's content, with Dutch names. */
    static Map<String, Object> of(ActionPlan p) {
        Map<String, Object> values = workflow(p);
        values.put("titel", p.title());
        values.put("regio's", p.regions());
        Map<String, String> texts = new LinkedHashMap<>();
        p.sections().forEach((section, value) -> {
            if (!PlanContent.blank(value.text())) {
                texts.put(section.title(), value.text());
            }
        });
        values.put("onderdelen", texts);
        values.put(
                "doelstellingen",
                p.objectives().stream()
                        .map(o -> String.join(
                                " | ",
                                nonNull(
                                        o.description(),
                                        o.figureLabel(),
                                        o.profileCode(),
                                        o.directionLabel(),
                                        o.targetValue() == null
                                                ? null
                                                : o.targetValue().toPlainString(),
                                        o.targetDate() == null
                                                ? null
                                                : o.targetDate().toString())))
                        .toList());
        values.put(
                "acties",
                p.actions().stream()
                        .map(a -> String.join(
                                " | ",
                                nonNull(
                                        a.paragraph(),
                                        a.description(),
                                        a.owner(),
                                        a.ownerRole(),
                                        a.timeline(),
                                        a.statusLabel())))
                        .toList());
        values.put(
                "mijlpalen",
                p.milestones().stream()
                        .map(m -> String.join(
                                " | ",
                                nonNull(
                                        m.activity(),
                                        m.milestone(),
                                        m.dueDate() == null ? null : m.dueDate().toString(),
                                        Boolean.TRUE.equals(m.done()) ? "gereed" : "open")))
                        .toList());
        return values;
    }

    static Map<String, Object> workflow(ActionPlan p) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", p.statusLabel());
        values.put("versie", p.versionNumber());
        values.put("te laat", p.late());
        values.put("toelichting beoordeling", p.reviewComment());
        return values;
    }

    private static List<String> nonNull(String... values) {
        List<String> kept = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                kept.add(v);
            }
        }
        return kept;
    }
}
