package nl.regiomonitor.security;

import java.util.List;

/** What the security tests share: the password of the users they create, and how they read one actor's trail. */
final class SecurityFixtures {

    static final String PASSWORD = "een-lang-test-wachtwoord";

    private SecurityFixtures() {}

    static List<AuditEvent> trailOf(AuditService audit, String actor) {
        return audit.search(AuditFilter.all().byActor(actor), 100);
    }
}
