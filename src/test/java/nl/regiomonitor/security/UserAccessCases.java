package nl.regiomonitor.security;

import static nl.regiomonitor.security.AccessMatrix.ADMIN;
import static nl.regiomonitor.security.AccessMatrix.PASSWORD;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import nl.regiomonitor.security.AccessMatrix.Case;

/** The lines of the {@link AccessMatrix} for the administration of users, and the users they act on. */
final class UserAccessCases {

    private final UserService users;
    private final AtomicInteger counter;

    /** The counter is the matrix's, so every user name and display name it makes is new. */
    UserAccessCases(UserService users, AtomicInteger counter) {
        this.users = users;
        this.counter = counter;
    }

    /** The national administration of users: the administrator's alone. */
    List<Case> cases() {
        long target = users.find("matrix.doel")
                .orElseGet(() -> users.create(
                        "matrix.doel", "Matrix doel", null, PASSWORD, List.of(Grant.national(Role.LANDELIJK))))
                .id();
        // BEHEERDER comes last in the walk, so every refused actor tries this user before it is deleted
        long doomed = users.find("matrix.weg")
                .orElseGet(() -> users.create(
                        "matrix.weg", "Matrix weg", null, PASSWORD, List.of(Grant.national(Role.LANDELIJK))))
                .id();
        return List.of(
                new Case("GET /admin/users", "", ADMIN, c -> c.page().get("/admin/users")),
                new Case(
                        "POST /admin/users",
                        "",
                        ADMIN,
                        c -> c.page()
                                .postForm(
                                        "/admin/users",
                                        Map.of(
                                                "username",
                                                "matrix.nieuw." + counter.incrementAndGet(),
                                                "displayName",
                                                "Matrix nieuw",
                                                "password",
                                                PASSWORD,
                                                "grants",
                                                "LANDELIJK"))),
                new Case("GET /admin/users/{id}", "", ADMIN, c -> c.page().get("/admin/users/" + target)),
                new Case(
                        "POST /admin/users/{id}",
                        "",
                        ADMIN,
                        c -> c.page()
                                .postForm(
                                        "/admin/users/" + target,
                                        Map.of(
                                                "displayName",
                                                "Matrix doel " + counter.incrementAndGet(),
                                                "enabled",
                                                "true",
                                                "grants",
                                                "LANDELIJK"))),
                new Case(
                        "POST /admin/users/{id}/password",
                        "",
                        ADMIN,
                        c -> c.page().postForm("/admin/users/" + target + "/password", Map.of("password", PASSWORD))),
                new Case(
                        "POST /admin/users/{id}/delete",
                        "",
                        ADMIN,
                        c -> c.page().postForm("/admin/users/" + doomed + "/delete", Map.of("confirm", "true"))));
    }
}
