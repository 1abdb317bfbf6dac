package nl.regiomonitor.security;

import static nl.regiomonitor.security.AccessMatrix.CARE_OFFICE_OR_ADMIN;
import static nl.regiomonitor.security.AccessMatrix.REGION;
import static nl.regiomonitor.security.AccessMatrix.REGION_OR_NATIONAL;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import nl.regiomonitor.security.AccessMatrix.Actor;
import nl.regiomonitor.security.AccessMatrix.Case;
import nl.regiomonitor.signal.EntryInput;
import nl.regiomonitor.signal.SignalRegister;

/** The lines of the {@link AccessMatrix} for the register of signals, and the entries they act on. */
final class RegisterAccessCases {

    private final SignalRegister register;
    private final AtomicInteger counter;

    /** The counter is the matrix's; it varies the date an update of the entry writes. */
    RegisterAccessCases(SignalRegister register, AtomicInteger counter) {
        this.register = register;
        this.counter = counter;
    }

    /** The register of a region: read by every role there and nationally, kept by the care office (and the administrator). */
    List<Case> cases() {
        String base = "/regions/" + REGION + "/register";
        long target = register.create(REGION, new EntryInput("CLIENT_SIGNAL", "2024-02-01", "OVERIG", "", "", "matrix"))
                .id();
        // every actor deletes an entry of its own, so an allowed delete never takes away another actor's target
        Map<Actor, Long> doomed = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
            doomed.put(
                    actor,
                    register.create(REGION, new EntryInput("REGIONAL_MEETING", "2024-03-01", "", "", "", ""))
                            .id());
        }
        String row = "kind;date;category;name;location_kind;description\nOCO_SIGNAL;2024-04-01;ORGANISATIE;;;\n";
        return List.of(
                new Case(
                        "GET /regions/{region}/register",
                        "",
                        REGION_OR_NATIONAL,
                        c -> c.page().get(base + "?year=2024")),
                new Case(
                        "GET /regions/{region}/register/new",
                        "",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.page().get(base + "/new")),
                new Case(
                        "POST /regions/{region}/register/new",
                        "",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.page()
                                .postForm(base + "/new", Map.of("kind", "REGIONAL_MEETING", "date", "2024-05-01"))),
                new Case(
                        "GET /regions/{region}/register/{id}",
                        "",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.page().get(base + "/" + target)),
                new Case(
                        "POST /regions/{region}/register/{id}",
                        "",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.page()
                                .postForm(
                                        base + "/" + target,
                                        Map.of(
                                                "version",
                                                String.valueOf(register.find(REGION, target)
                                                        .orElseThrow()
                                                        .version()),
                                                "kind",
                                                "CLIENT_SIGNAL",
                                                "date",
                                                "2024-02-0" + (1 + counter.incrementAndGet() % 9),
                                                "category",
                                                "OVERIG"))),
                new Case(
                        "POST /regions/{region}/register/{id}/delete",
                        "",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.page()
                                .postForm(
                                        base + "/" + doomed.get(c.actor()) + "/delete",
                                        Map.of("version", "0", "confirm", "true"))),
                new Case(
                        "GET /regions/{region}/register/import",
                        "",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.page().get(base + "/import")),
                new Case(
                        "POST /regions/{region}/register/import",
                        "",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.page().postFile(base + "/import", Map.of(), "matrix-register.csv", row)));
    }
}
