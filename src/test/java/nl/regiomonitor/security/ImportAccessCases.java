package nl.regiomonitor.security;

import static nl.regiomonitor.security.AccessMatrix.ADMIN;
import static nl.regiomonitor.security.AccessMatrix.CARE_OFFICE_OR_ADMIN;
import static nl.regiomonitor.security.AccessMatrix.REGION;
import static nl.regiomonitor.security.AccessMatrix.waitlist;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import nl.regiomonitor.security.AccessMatrix.Case;

/** The lines of the {@link AccessMatrix} for the imports of a region and the national ones, through the pages and the API. */
final class ImportAccessCases {

    private final long regionImport;
    private final long nationalImport;
    private final Supplier<String> fresh;

    /** The imports are the test's, read by the lines that show one; {@code fresh} names a client no upload had before. */
    ImportAccessCases(long regionImport, long nationalImport, Supplier<String> fresh) {
        this.regionImport = regionImport;
        this.nationalImport = nationalImport;
        this.fresh = fresh;
    }

    List<Case> cases() {
        return List.of(
                new Case(
                        "GET /imports",
                        "regio",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.page().get("/imports?region=" + REGION)),
                new Case("GET /imports", "landelijk", ADMIN, c -> c.page().get("/imports")),
                new Case(
                        "GET /imports/{id}",
                        "regio",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.page().get("/imports/" + regionImport + "?region=" + REGION)),
                new Case("GET /imports/{id}", "landelijk", ADMIN, c -> c.page().get("/imports/" + nationalImport)),
                new Case(
                        "POST /imports",
                        "regio",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.page()
                                .postFile(
                                        "/imports?region=" + REGION,
                                        Map.of("type", "waitlist"),
                                        "matrix-upload.csv",
                                        waitlist(fresh.get()))),
                new Case(
                        "POST /imports",
                        "landelijk",
                        ADMIN,
                        c -> c.page()
                                .postFile(
                                        "/imports",
                                        Map.of("type", "waitlist"),
                                        "matrix-upload.csv",
                                        waitlist(fresh.get()))),
                new Case(
                        "GET /api/v1/imports",
                        "regio",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.api().getJson("/api/v1/imports?region=" + REGION)),
                new Case("GET /api/v1/imports", "landelijk", ADMIN, c -> c.api().getJson("/api/v1/imports")),
                new Case(
                        "GET /api/v1/imports/{id}",
                        "regio",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.api().getJson("/api/v1/imports/" + regionImport + "?region=" + REGION)),
                new Case(
                        "GET /api/v1/imports/{id}",
                        "landelijk",
                        ADMIN,
                        c -> c.api().getJson("/api/v1/imports/" + nationalImport)),
                new Case(
                        "POST /api/v1/imports",
                        "regio",
                        CARE_OFFICE_OR_ADMIN,
                        c -> c.api()
                                .postFile(
                                        "/api/v1/imports?region=" + REGION,
                                        Map.of("type", "waitlist"),
                                        "matrix-api.csv",
                                        waitlist(fresh.get()))),
                new Case(
                        "POST /api/v1/imports",
                        "landelijk",
                        ADMIN,
                        c -> c.api()
                                .postFile(
                                        "/api/v1/imports",
                                        Map.of("type", "waitlist"),
                                        "matrix-api.csv",
                                        waitlist(fresh.get()))));
    }
}
