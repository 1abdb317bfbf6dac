package nl.regiomonitor.signal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.regiomonitor.web.Problem;

/** The check of a register entry, field by field with a Dutch reason per wrong field, for the form and the import alike. */
final class EntryCheck {

    private static final int FIRST_YEAR = 2000;

    private EntryCheck() {}

    /** A checked entry, ready to store. */
    record Checked(
            RegisterKind kind,
            LocalDate date,
            SignalCategory category,
            String name,
            LocationKind locationKind,
            String description) {}

    /** Checks every field, adding a Dutch reason per wrong field to {@code problems}; the entry when all is well. */
    static Optional<Checked> check(EntryInput input, List<SignalCategory> categories, List<Problem> problems) {
        RegisterKind kind = code(
                RegisterKind.class, input.kind(), "kind", "Kies wat u registreert.", "soort registratie", problems);
        LocalDate date = date(input.date(), problems);
        SignalCategory category = null;
        LocationKind locationKind = null;
        String name = blankToNull(input.name());
        String description = blankToNull(input.description());
        if (kind != null && kind.signal()) {
            category = category(input.category(), categories, problems);
        } else if (blankToNull(input.category()) != null && kind != null) {
            problems.add(new Problem("category", "Alleen een klantsignaal of OCO-signaal heeft een categorie."));
        }
        if (kind != null && kind.needsLocationKind()) {
            locationKind = code(
                    LocationKind.class,
                    input.locationKind(),
                    "locationKind",
                    "Kies de soort locatie die u bezocht.",
                    "soort locatie",
                    problems);
        } else if (blankToNull(input.locationKind()) != null && kind != null) {
            problems.add(new Problem("locationKind", "Alleen een locatiebezoek heeft een soort locatie."));
        }
        if (name != null && name.length() > SignalRegister.MAX_NAME) {
            problems.add(new Problem("name", "De naam is langer dan " + SignalRegister.MAX_NAME + " tekens."));
        } else if (name == null && kind != null && kind.requiredName() != null) {
            problems.add(new Problem(
                    "name",
                    "Vul de naam in: " + kind.requiredName().toLowerCase(Locale.ROOT) + " (bij een "
                            + kind.dutch().toLowerCase(Locale.ROOT) + " verplicht)."));
        }
        if (description != null && description.length() > SignalRegister.MAX_DESCRIPTION) {
            problems.add(new Problem(
                    "description",
                    "De omschrijving is " + description.length() + " tekens; dat mogen er hoogstens "
                            + SignalRegister.MAX_DESCRIPTION + " zijn."));
        } else if (description == null && kind != null && kind.needsDescription()) {
            problems.add(new Problem("description", "Geef een korte omschrijving van het project."));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(kind, date, category, name, locationKind, description));
    }

    /** A code of {@code type}, in any case; a missing or unknown code adds a reason for {@code field}. */
    private static <E extends Enum<E>> E code(
            Class<E> type, String raw, String field, String missing, String what, List<Problem> problems) {
        String code = blankToNull(raw);
        if (code == null) {
            problems.add(new Problem(field, missing));
            return null;
        }
        try {
            return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(
                    field,
                    "'" + code + "' is geen " + what + "; kies uit "
                            + String.join(
                                    ", ",
                                    Arrays.stream(type.getEnumConstants())
                                            .map(Enum::name)
                                            .toList()) + "."));
            return null;
        }
    }

    private static LocalDate date(String raw, List<Problem> problems) {
        String text = blankToNull(raw);
        if (text == null) {
            problems.add(new Problem("date", "Vul de datum in."));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem("date", "'" + text + "' is geen bestaande datum in de vorm jjjj-mm-dd."));
            return null;
        }
        int lastYear = LocalDate.now().getYear() + 1;
        if (date.getYear() < FIRST_YEAR || date.getYear() > lastYear) {
            problems.add(new Problem(
                    "date", "De datum moet liggen in de jaren " + FIRST_YEAR + " tot en met " + lastYear + "."));
            return null;
        }
        return date;
    }

    /** A category by its code or its name, as a spreadsheet user would type it. */
    private static SignalCategory category(String raw, List<SignalCategory> all, List<Problem> problems) {
        String text = blankToNull(raw);
        if (text == null) {
            problems.add(new Problem("category", "Kies de categorie van het signaal."));
            return null;
        }
        return all.stream()
                .filter(c -> c.code().equalsIgnoreCase(text) || c.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseGet(() -> {
                    problems.add(new Problem(
                            "category",
                            "'" + text + "' is geen categorie; kies uit "
                                    + String.join(
                                            ", ",
                                            all.stream()
                                                    .map(SignalCategory::code)
                                                    .toList()) + "."));
                    return null;
                });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
