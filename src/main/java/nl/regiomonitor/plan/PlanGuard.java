package nl.regiomonitor.plan;

import java.util.Collection;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.PlanRepository.Header;
import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.security.AppUser;
import nl.regiomonitor.security.CurrentUser;
import nl.regiomonitor.web.Refusal;

/**
 * Whether the current user may do something with a plan, asked of {@link AccessRules} with the plan's regions, and
 * the plan's row locked for a change: {@link PlanService}'s checks before it reads or writes.
 */
@Component
class PlanGuard {

    private final PlanRepository repository;
    private final AccessRules rules;

    PlanGuard(PlanRepository repository, AccessRules rules) {
        this.repository = repository;
        this.rules = rules;
    }

    void require(AccessRules.Access access, Collection<String> regions) {
        if (!rules.permits(access, regions)) {
            throw new PlanRefused(
                    Refusal.Kind.FORBIDDEN,
                    "U heeft geen toegang tot dit plan of deze handeling. "
                            + "Uw rol en regio geven daar geen recht op.");
        }
    }

    /** A provider reports on the actions of its own organisation only; the plan's authors on all of them. */
    void requireOwnAction(Set<String> regions, Action action) {
        if (rules.mayReportProgress(regions, action.owner())) {
            return;
        }
        String organisation = CurrentUser.get().map(AppUser::organisation).orElse(null);
        throw new PlanRefused(
                Refusal.Kind.FORBIDDEN,
                organisation == null
                        ? "U kunt alleen voortgang melden op acties van uw eigen organisatie, en bij uw account staat geen organisatie. "
                                + "Vraag de beheerder om uw organisatie in te vullen."
                        : "U kunt alleen voortgang melden op acties van uw eigen organisatie (" + organisation + "). "
                                + (action.owner() == null || action.owner().isBlank()
                                        ? "Deze actie heeft nog geen eigenaar."
                                        : "Eigenaar van deze actie is "
                                                + action.owner().strip() + "."));
    }

    Set<String> existingRegions(long id) {
        Set<String> regions = repository.regions(id);
        if (regions.isEmpty()) {
            throw notFound(id);
        }
        return regions;
    }

    static PlanRefused notFound(long id) {
        return new PlanRefused(Refusal.Kind.NOT_FOUND, "Er is geen plan van aanpak met nummer " + id + ".");
    }

    /**
     * The plan's row, locked until the transaction ends, after the user passed {@code access} and
     * when its lock version is still {@code expected} (null: not checked). A writer never waits here
     * for another writer of the same plan: the second is refused at once, so of two with the same
     * version only the first gets through.
     */
    Header locked(long id, Integer expected, AccessRules.Access access) {
        Set<String> regionsBefore =
                repository.regions(id); // read first: after a failed lock the transaction answers nothing more
        Header header;
        try {
            header = repository.lock(id).orElseThrow(() -> notFound(id));
        } catch (DataAccessException e) {
            if (!PlanRepository.lockTaken(e)) {
                throw e;
            }
            // Another change of this plan is being written. Waiting for it would hold a database connection that others
            // need (to log in, among other things), and once it is written the version this change was made on is old.
            require(access, regionsBefore);
            if (expected != null) {
                throw new PlanConflict(
                        "Iemand anders slaat dit plan op dit moment op. Er is niets opgeslagen; haal het plan "
                                + "opnieuw op en breng uw wijziging opnieuw aan.");
            }
            throw new PlanRefused(
                    Refusal.Kind.WRONG_STATE,
                    "Dit plan wordt op dit moment door iemand anders gewijzigd. "
                            + "Er is niets veranderd; probeer het over enkele seconden opnieuw.");
        }
        require(access, repository.regions(id));
        if (expected != null && expected != header.lockVersion()) {
            throw new PlanConflict("Iemand anders heeft dit plan intussen gewijzigd (u had versie " + expected
                    + ", nu is het " + header.lockVersion()
                    + "). Er is niets opgeslagen; haal het plan opnieuw op en breng uw wijziging opnieuw aan.");
        }
        return header;
    }
}
