package nl.regiomonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.regiomonitor.common.AdvisoryLock;
import nl.regiomonitor.plan.ActionPlan.Action;
import nl.regiomonitor.plan.ActionPlan.Milestone;
import nl.regiomonitor.plan.ActionPlan.Objective;
import nl.regiomonitor.plan.ActionPlan.Section;

/**
 * Demo mode: with no programme yet, adds the programme "Regioaanpak instroom Wlz-ggz-W", the joint
 * plan of Amstelland en De Meerlanden (ZK01) and Zuid-Holland Noord (ZK28) as submitted in
 * December 2023 (after seed 000, with roles instead of people's names, and the demo users'
 * organisations as action owners), and a draft of Haaglanden (ZK10) that is partly filled and has an
 * action past its date.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "REGIOMONITOR_DEMO", havingValue = "true", matchIfMissing = true)
class DemoPlans implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);
    /** The regions of the demo plans: the system writes them as their care office would (see {@link SystemActor}). */
    private static final Set<String> REGIONS = Set.of("ZK01", "ZK28", "ZK10");

    private final PlanService plans;
    private final Programmes programmes;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;

    DemoPlans(PlanService plans, Programmes programmes, TransactionTemplate transaction, DataSource dataSource) {
        this.plans = plans;
        this.programmes = programmes;
        this.transaction = transaction;
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        AdvisoryLock.once(
                dataSource, AdvisoryLock.DEMO_DATA, () -> programmes.list().isEmpty(), this::makeDemoPlans);
    }

    private void makeDemoPlans() {
        SystemActor.asCareOffice(
                REGIONS,
                () -> transaction.execute(status -> {
                    Programme programme = programmes.create(
                            Programme.named("Regioaanpak instroom Wlz-ggz-W", LocalDate.of(2023, 12, 31), 100));
                    ActionPlan joint = plans.create(programme.id(), jointPlan());
                    plans.submit(joint.id(), null, OffsetDateTime.parse("2023-12-21T10:00:00+01:00"));
                    followed(joint);
                    return plans.create(programme.id(), haaglanden());
                }));
        log.info("Demoplannen aangemaakt: een ingediend plan van ZK01 en ZK28, een concept van ZK10");
    }

    private static PlanContent jointPlan() {
        Map<PlanSection, Section> s = new EnumMap<>(PlanSection.class);
        put(
                s,
                PlanSection.MUNICIPALITIES,
                "Alle gemeenten AM en ZHN. In AM zorgen gemeenten voor verbinding met de centrumgemeenten "
                        + "Amsterdam en Haarlem, die niet in regio AM gevestigd zijn.");
        put(
                s,
                PlanSection.PARTIES,
                "Gemeenten, cliëntvertegenwoordiging, onafhankelijke cliëntondersteuning, zorgaanbieders ggz, vv "
                        + "en gz, zorgkantoor, zorgverzekeraar.");
        put(s, PlanSection.BACKGROUND, """
                We hebben ons gericht op de zaken die wij in onze regio's samen kunnen beïnvloeden om te komen tot passende zorg \
                voor mensen met psychische aandoening(en) en een langdurige intensieve zorgvraag, binnen onze maatschappelijke \
                uitdagingen. Waarom?

                - Zodat CIZ en wetgever niet alleen verantwoordelijk worden gehouden voor de hoge instroom in de Wlz.
                - Bewust zijn onze maatschappelijke uitdagingen benoemd als kader waarbinnen deze acties moeten kunnen plaatsvinden.
                - Samen kunnen beïnvloeden: dit betreft de hele keten, alle betrokken ggz-partners in onze ondersteunings- en \
                zorginfrastructuur.
                - We focussen ons minder op de getallen, omdat die soms te klein zijn, niet herleidbaar of niet beschikbaar.
                - We focussen samen op hoe we passende zorg organiseren voor deze mensen, ongeacht domein(en).""");
        put(s, PlanSection.CURRENT_SITUATION, """
                In AM en ZHN samen bevindt zich 2,5% (743) van de landelijke groep mensen met een ggz-woonzorgprofiel in de Wlz. \
                Wij zien een grote instroom in de Wlz vanuit de Wmo overig en niet of minder uit beschermd wonen (Wmo). Het aandeel \
                Wmo overig neemt in 2023 toe.

                Op de totale Wlz-instroom in ggz-woonzorgprofielen van 2021 tot en met 1-10-2023 is 10% jongvolwassen (18 tot en \
                met 26 jaar). De maandelijkse instroom is af en toe een enkeling.""");
        put(s, PlanSection.OBJECTIVES, """
                Het totale aandeel ggz-woonzorglevering in de Wlz in de zorgkantoorregio's AM en ZHN is 2,5% van het landelijke \
                aantal. De doelstelling is dat de maandelijkse instroom in deze profielen is gedaald begin 2024. We verwachten dat \
                die daling stopt op een nog niet nader bekend niveau gedurende 2024.""");
        put(s, PlanSection.TARGET_GROUP, """
                De doelgroep betreft mensen met psychische aandoening(en) en een langdurige intensieve zorgvraag:

                - de hele doelgroep, door aan de voorkant te zorgen dat ondersteuning en zorg beter aansluiten;
                - implementatie van afspraken en factsheet, bepalend voor welk deel van de groep zal profiteren;
                - onderdelen die missen in de ondersteunings- en zorginfrastructuur;
                - adresseren van inconsistenties bij VWS die niet helpend zijn bij de opdracht.""");
        put(s, PlanSection.ACTIONS, "Niet alle acties zijn al in alle detail uitgewerkt.");
        put(s, PlanSection.PRECONDITIONS, """
                - Instemming met het plan van aanpak
                - Instemming met verdere uitwerking, uitvoering van en inzet bij de acties
                - Werken met deze mindset
                - Gemeenten, zorgkantoor en zorgverzekeraar verbinden de IZA-ggz-trajecten in AM en ZHN met dit plan van aanpak, \
                te beginnen in de eigen organisatie
                - Werken met wat er (wel) is, zonder extra structurele overleggen""");
        put(s, PlanSection.PROJECT_STRUCTURE, """
                - Coördinator gemeenten subregio Amstelland (inclusief centrumgemeente Amsterdam)
                - Coördinator gemeenten subregio Haarlemmermeer (inclusief centrumgemeente Haarlem)
                - Coördinator gemeenten regio ZHN, vanuit centrumgemeente Leiden
                - Coördinator zorgkantoren AM en ZHN

                Ingesteld is een voorbereidingsgroep met mensen uit gemeenten in AM en ZHN, twee grote ggz-woonzorg- en beschermd \
                wonen-aanbieders, het zorgkantoor en een cliëntenorganisatie. De voorbereidingsgroep coördineert het traject en \
                bewaakt de uitvoering. Het plan van aanpak wordt ook bestuurlijk ingebracht in de IZA-regio's.""");
        put(
                s,
                PlanSection.MONITORING,
                "Monitoring van de voortgang wordt periodiek door de voorbereidingsgroep gegeven aan alle "
                        + "betrokken ggz-partners, op meerdere manieren die nog nader worden bepaald.");
        put(s, PlanSection.PLANNING, "Zie de acties: elke actie heeft een tijdslijn.");
        put(s, PlanSection.EXPERIENCES, """
                - Betrokken ggz-partners in AM en ZHN
                - die zich willen inzetten voor passende zorg met en voor de doelgroep
                - en samen over domeinen heen willen kijken naar zorgtrajecten om passende zorg mogelijk te maken.""");
        List<Objective> objectives = List.of(Objective.of(
                "De maandelijkse instroom in de ggz-woonzorgprofielen van AM en "
                        + "ZHN is gedaald begin 2024 en stabiliseert gedurende 2024.",
                PlanFigure.INFLUX_GGZ_W,
                Direction.DOWN,
                LocalDate.of(2024, 3, 31)));
        List<Action> actions = List.of(
                action(
                        "4. Herijken visie voor mensen met psychische aandoeningen en langdurig intensieve zorgvraag (ongeacht domein)",
                        "Visie herijken",
                        "Zorgkantoor Amstelland en De Meerlanden",
                        "coördinator zorgkantoren AM en ZHN",
                        "Eind Q1 2024"),
                action(
                        "5a. Samenwerken",
                        "Handelen volgens afgesproken mindset",
                        "Alle betrokken ggz-partners",
                        null,
                        "Ingangsdatum PvA per 1-1-2024"),
                action(
                        "5a. Samenwerken",
                        "Kennisbehoefte ophalen bij ggz-partners en zo mogelijk programma ontwikkelen",
                        "Zorgaanbieder Amstelland (demo)",
                        "nader te vormen werkgroep",
                        "In de loop van 2024"),
                action(
                        "5a. Samenwerken",
                        "Overzicht aanbod en expertise opstellen door vermelding op eigen website",
                        "Zorgkantoor Amstelland en De Meerlanden",
                        "met alle betrokken ggz-partners",
                        "Q2 2024"),
                action(
                        "5b. Toegang/bemiddeling/coördinatie",
                        "Factsheet zorgtrajecten ontwikkelen",
                        "Zorgkantoor Amstelland en De Meerlanden",
                        "coördinator zorgkantoren AM en ZHN",
                        "Eind Q1 2024"),
                action(
                        "5b. Toegang/bemiddeling/coördinatie",
                        "Implementatie en gebruik factsheet door toegangen, tafels en wijkteams",
                        "Gemeente Amstelveen",
                        "coördinatoren gemeenten, met zorgaanbieders en zorgkantoor",
                        "Eind Q2 2024"),
                action(
                        "5c. Aanbod: ondersteunings- en zorginfrastructuur",
                        "Advies ggz-5-woonzorgprofiel opstellen",
                        "Zorgaanbieder Amstelland (demo)",
                        "met zorgkantoor en gemeenten",
                        "Eind Q1 2024"),
                action(
                        "5c. Aanbod: ondersteunings- en zorginfrastructuur",
                        "Ondersteunings- en zorginfrastructuur in de wijk: wat hebben mensen nodig",
                        "Gemeente Amstelveen",
                        "coördinator gemeenten subregio Amstelland",
                        "Q2 2024"),
                action(
                        "5c. Aanbod: ondersteunings- en zorginfrastructuur",
                        "Huisvesting maximaal realiseren; bestaande instrumenten maximaal inzetten",
                        "Gemeente Amstelveen",
                        "met alle ggz-partners",
                        "Continu"),
                action(
                        "5c. Aanbod: ondersteunings- en zorginfrastructuur",
                        "Inzicht in ontbrekende expertisecombinaties ggz met vg/vv en crisisketen",
                        "Zorgaanbieder Amstelland (demo)",
                        null,
                        "In de loop van 2024"),
                action(
                        "5d. Elders adresseren inconsistenties domein(en)",
                        "Inconsistenties tussen domeinen adresseren bij VWS en CIZ",
                        "Zorgkantoor Amstelland en De Meerlanden",
                        "coördinator zorgkantoren AM en ZHN",
                        "Begin 2024"));
        List<Milestone> milestones = List.of(
                Milestone.of(
                        "Factsheet zorgtrajecten",
                        "Factsheet vastgesteld door de voorbereidingsgroep",
                        LocalDate.of(2024, 3, 31),
                        false),
                Milestone.of("Plan van aanpak", "Ingangsdatum plan van aanpak", LocalDate.of(2024, 1, 1), true));
        String title =
                "Plan van aanpak regioaanpak instroom Wlz-ggz-W Amstelland en De Meerlanden en Zuid-Holland Noord";
        return PlanContent.titled(title, List.of("ZK01", "ZK28"))
                .withSections(s)
                .withObjectives(objectives)
                .withActions(actions)
                .withMilestones(milestones);
    }

    /** A submitted plan is followed: progress on some of its actions, as the partners would report it. */
    private void followed(ActionPlan joint) {
        record Reported(ActionStatus status, String note) {}
        Map<String, Reported> progress = Map.of(
                "Visie herijken", new Reported(ActionStatus.DONE, "Visie vastgesteld in de voorbereidingsgroep."),
                "Handelen volgens afgesproken mindset",
                        new Reported(ActionStatus.RUNNING, "Besproken in de ggz-overleggen van AM en ZHN."),
                "Implementatie en gebruik factsheet door toegangen, tafels en wijkteams",
                        new Reported(
                                ActionStatus.RUNNING,
                                "De eerste toegangen en wijkteams werken ermee; de overige gemeenten volgen."),
                "Advies ggz-5-woonzorgprofiel opstellen",
                        new Reported(ActionStatus.DELAYED, "Wacht op de landelijke duiding van het profiel."),
                "Inconsistenties tussen domeinen adresseren bij VWS en CIZ",
                        new Reported(ActionStatus.DONE, "Brief aan VWS en CIZ verstuurd."));
        for (Action action : joint.actions()) {
            Reported report = progress.get(action.description());
            if (report != null) {
                plans.reportProgress(joint.id(), action.id(), report.status(), report.note());
            }
        }
    }

    private static PlanContent haaglanden() {
        Map<PlanSection, Section> s = new EnumMap<>(PlanSection.class);
        put(
                s,
                PlanSection.MUNICIPALITIES,
                "Den Haag, Delft, Leidschendam-Voorburg, Rijswijk, Wassenaar, Zoetermeer, Pijnacker-Nootdorp, "
                        + "Midden-Delfland en Westland.");
        put(s, PlanSection.PARTIES, "Gemeenten, zorgkantoor, ggz-aanbieders, cliëntvertegenwoordiging.");
        put(
                s,
                PlanSection.BACKGROUND,
                "De instroom in GGZ-W vanuit de Wmo is in Haaglanden hoger dan verwacht; de jongvolwassenen "
                        + "vragen extra aandacht.");
        List<Objective> objectives = List.of(Objective.of(
                        "Het aandeel jongvolwassenen in de instroom daalt in 2025.",
                        PlanFigure.YOUNG_ADULT_SHARE,
                        Direction.DOWN,
                        LocalDate.of(2025, 12, 31))
                .withTargetValue(new BigDecimal("8")));
        List<Action> actions = List.of(
                action(
                        "5b. Toegang/bemiddeling/coördinatie",
                        "Casustafel voor jongvolwassenen inrichten",
                        "Gemeente Den Haag",
                        "coördinator gemeenten Haaglanden",
                        "Eind Q1 2024"),
                action(
                        "5c. Aanbod: ondersteunings- en zorginfrastructuur",
                        "Overzicht van begeleid-wonenplekken per gemeente",
                        "Zorgkantoor Haaglanden",
                        "adviseur zorginkoop",
                        "Q4 2026"),
                action(
                        "5a. Samenwerken",
                        "Regiobijeenkomst met aanbieders over de instroomcijfers",
                        "Zorgaanbieder Haaglanden (demo)",
                        null,
                        "Continu"));
        return PlanContent.titled("Plan van aanpak instroom Wlz-ggz-W Haaglanden", List.of("ZK10"))
                .withSections(s)
                .withObjectives(objectives)
                .withActions(actions);
    }

    private static void put(Map<PlanSection, Section> sections, PlanSection section, String text) {
        sections.put(section, Section.of(section, text));
    }

    private static Action action(
            String paragraph, String description, String owner, String ownerRole, String timeline) {
        return Action.of(paragraph, description, owner, ownerRole, timeline);
    }
}
