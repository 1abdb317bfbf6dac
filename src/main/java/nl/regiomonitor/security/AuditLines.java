package nl.regiomonitor.security;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Audit events in words for the trail page: region names rather than codes, "ja"/"nee" rather than
 * true/false, and the values of a change as lines such as "status: Ingediend → Teruggestuurd". The
 * stored event and its CSV keep the values exactly as recorded.
 */
final class AuditLines {

    /** One event on the page; {@code values} are the lines under it: what changed, or what was made or removed. */
    record Line(AuditEvent event, String regions, List<String> values) {}

    /** Longer texts (a plan's chapter) are cut on the page; the CSV holds them whole. */
    private static final int LONGEST = 240;

    private static final Pattern REGION_CODE = Pattern.compile("\\bZK\\d{2}\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Map<String, String> regionNames;

    AuditLines(Map<String, String> regionNames) {
        this.regionNames = regionNames;
    }

    Line line(AuditEvent e) {
        return new Line(
                e, e.region() == null ? null : names(e.region().replace(",", ", ")), values(e.before(), e.after()));
    }

    private List<String> values(JsonNode before, JsonNode after) {
        Map<String, String> was = flat(before);
        Map<String, String> is = flat(after);
        List<String> lines = new ArrayList<>();
        if (before == null || after == null) {
            (before == null ? is : was).forEach((key, value) -> lines.add(key + ": " + value));
            return lines;
        }
        Set<String> keys = new LinkedHashSet<>(is.keySet());
        keys.addAll(was.keySet());
        for (String key : keys) {
            String old = was.getOrDefault(key, "(leeg)");
            String now = is.getOrDefault(key, "(leeg)");
            if (!Objects.equals(old, now)) {
                lines.add(key + ": " + old + " → " + now);
            }
        }
        return lines;
    }

    /** The fields of a recorded value, a nested object's fields as "onderdelen — Aanleiding". */
    private Map<String, String> flat(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return fields;
        }
        node.properties().forEach(field -> {
            if (field.getValue().isObject()) {
                field.getValue()
                        .properties()
                        .forEach(inner -> fields.put(field.getKey() + " — " + inner.getKey(), text(inner.getValue())));
            } else {
                fields.put(field.getKey(), text(field.getValue()));
            }
        });
        return fields;
    }

    private String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "(leeg)";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "ja" : "nee";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return items.isEmpty() ? "(geen)" : String.join("; ", items);
        }
        if (value.isObject()) {
            return value.toString();
        }
        String text = value.asText();
        if (text.isBlank()) {
            return "(leeg)";
        }
        if (ISO_DATE.matcher(text).matches()) {
            try {
                // a date as people here write it
                return LocalDate.parse(text).format(DAY);
            } catch (DateTimeParseException e) {
                // text that only looks like a date stays as recorded
            }
        }
        String named = names(roleName(text));
        return named.length() > LONGEST ? named.substring(0, LONGEST).strip() + "… (volledig in de CSV)" : named;
    }

    /** A role recorded by its code ("ZORGKANTOOR") as its Dutch name. */
    private static String roleName(String text) {
        return Arrays.stream(Role.values())
                .filter(r -> r.name().equals(text))
                .map(Role::dutch)
                .findFirst()
                .orElse(text);
    }

    /** Every region code in a text as the region's name. */
    private String names(String text) {
        Matcher m = REGION_CODE.matcher(text);
        return m.replaceAll(found -> Matcher.quoteReplacement(regionNames.getOrDefault(found.group(), found.group())));
    }

    /** The regions of the trail's own region filter, for the heading. */
    String regionName(String code) {
        return code == null ? null : regionNames.getOrDefault(code, code);
    }
}
