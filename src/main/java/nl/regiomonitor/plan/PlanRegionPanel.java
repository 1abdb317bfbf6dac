package nl.regiomonitor.plan;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.regiomonitor.security.AccessRules;
import nl.regiomonitor.web.RegionPanel;

/** The plans of a region and what is overdue in them, on the region's page: for the people who may read its plans. */
@Component
class PlanRegionPanel implements RegionPanel {

    private final PlanService plans;
    private final AccessRules rules;

    PlanRegionPanel(PlanService plans, AccessRules rules) {
        this.plans = plans;
        this.rules = rules;
    }

    /** What the panel shows. */
    record Content(String region, List<PlanSummary> plans, List<OverdueItem> overdue) {}

    @Override
    public String template() {
        return "plan/region-panel";
    }

    @Override
    public Optional<Object> content(String region) {
        // the figures are public, the plans only for the people of the region and national roles
        if (!rules.mayRead("/regions/" + region + "/plannen", region)) {
            return Optional.empty();
        }
        return Optional.of(new Content(region, plans.list(region), plans.overdue(region)));
    }
}
