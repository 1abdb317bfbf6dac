package nl.regiomonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The access table as a rule, without the application: which rule a request meets and whom its access lets through.
 * {@code AccessMatrixTest} checks every endpoint of the started application against it.
 */
class AccessRulesTest {

    private final AccessRules rules = new AccessRules(null, null);

    @Test
    void theFirstRuleThatCoversMethodAndPathDecides() {
        assertThat(rules.ruleFor("GET", "/regions/ZK10/register"))
                .map(AccessRules.Rule::access)
                .hasValueSatisfying(access -> assertThat(access.regionFrom()).isEqualTo(AccessRules.RegionFrom.PATH));
        assertThat(rules.ruleFor("POST", "/api/v1/plans/7/accept"))
                .map(AccessRules.Rule::access)
                .contains(AccessRules.REVIEW_PLAN);
        assertThat(rules.ruleFor("GET", "/api/v1/plans/7/accept"))
                .as("accepting is a write only")
                .isEmpty();
        assertThat(rules.ruleFor("GET", "/geen/pagina")).isEmpty();
    }

    @Test
    void aRegionalRoleCountsInItsOwnRegionOnlyAndANationalRoleEverywhere() {
        AccessRules.Access register = access("GET", "/regions/ZK10/register");
        assertThat(register.allows(user(new Grant(Role.ZORGKANTOOR, "ZK10")), Set.of("ZK10")))
                .isTrue();
        assertThat(register.allows(user(new Grant(Role.ZORGKANTOOR, "ZK01")), Set.of("ZK10")))
                .isFalse();
        assertThat(register.allows(user(Grant.national(Role.LANDELIJK)), Set.of("ZK10")))
                .isTrue();
        assertThat(register.allows(null, Set.of("ZK10")))
                .as("a visitor who is not logged in")
                .isFalse();

        AccessRules.Access newEntry = access("POST", "/regions/ZK10/register/new");
        assertThat(newEntry.allows(user(new Grant(Role.GEMEENTE, "ZK10")), Set.of("ZK10")))
                .as("kept by the care office")
                .isFalse();
        assertThat(newEntry.allows(user(Grant.national(Role.LANDELIJK)), Set.of("ZK10")))
                .as("read, not kept")
                .isFalse();
        assertThat(newEntry.allows(user(Grant.national(Role.BEHEERDER)), Set.of("ZK10")))
                .isTrue();
    }

    @Test
    void publishedPagesAreOpenAndAdministrationIsForTheAdministratorOnly() {
        assertThat(access("GET", "/instroom").allows(null, Set.of())).isTrue();
        assertThat(access("POST", "/instroom"))
                .as("no rule lets a write to a published page through")
                .isNull();
        AccessRules.Access admin = access("GET", "/admin/users");
        assertThat(admin.allows(user(Grant.national(Role.BEHEERDER)), Set.of())).isTrue();
        assertThat(admin.allows(user(Grant.national(Role.LANDELIJK)), Set.of())).isFalse();
    }

    private AccessRules.Access access(String method, String path) {
        return rules.ruleFor(method, path).map(AccessRules.Rule::access).orElse(null);
    }

    private static AppUser user(Grant grant) {
        return new AppUser(1, "test", "Test", "Testorganisatie", "", true, List.of(grant));
    }
}
