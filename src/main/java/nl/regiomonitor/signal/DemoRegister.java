package nl.regiomonitor.signal;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import nl.regiomonitor.common.AdvisoryLock;

/**
 * Demo mode: with an empty register, adds entries for 2024 to Amstelland en De Meerlanden (ZK01)
 * and Haaglanden (ZK10), modelled on the Haaglanden regioperspectief (seed 004), so the register
 * pages and their counts show something on a first start.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "REGIOMONITOR_DEMO", havingValue = "true", matchIfMissing = true)
class DemoRegister implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoRegister.class);

    private record Demo(String region, EntryInput entry) {}

    private static Demo demo(
            String region,
            String kind,
            String date,
            String category,
            String name,
            String location,
            String description) {
        return new Demo(region, new EntryInput(kind, date, category, name, location, description));
    }

    private static final List<Demo> ENTRIES = List.of(
            demo("ZK10", "CLIENT_SIGNAL", "2024-02-12", "ORGANISATIE", "", "", "Beschikbaarheid van personeel"),
            demo("ZK10", "CLIENT_SIGNAL", "2024-04-03", "ORGANISATIE", "", "", "Dossierhouderschap en communicatie"),
            demo(
                    "ZK10",
                    "CLIENT_SIGNAL",
                    "2024-06-20",
                    "PASSENDE_ZORG",
                    "",
                    "",
                    "Geen passend aanbod bij complexe zorgvraag"),
            demo(
                    "ZK10",
                    "CLIENT_SIGNAL",
                    "2024-09-09",
                    "KWALITEIT_EN_ZORG",
                    "",
                    "",
                    "Naleven van afspraken in het zorgplan"),
            demo("ZK10", "OCO_SIGNAL", "2024-03-15", "PASSENDE_WOONPLEK", "", "", "Passende woonplek gezocht"),
            demo("ZK10", "OCO_SIGNAL", "2024-08-28", "PASSENDE_WOONPLEK", "", "", "Passende woonplek gezocht"),
            demo(
                    "ZK10",
                    "LOCATION_VISIT",
                    "2024-05-14",
                    "",
                    "Parnassia Groep",
                    "WOONLOCATIE",
                    "Rondleiding door een bewoner"),
            demo("ZK10", "LOCATION_VISIT", "2024-10-02", "", "Fonteynenburg", "VPT_LOCATIE", ""),
            demo(
                    "ZK10",
                    "QUALITY_DIALOGUE",
                    "2024-06-11",
                    "",
                    "Stichting Anton Constandse",
                    "",
                    "Thema's daginvulling en personeel"),
            demo(
                    "ZK10",
                    "EXPERT_BY_EXPERIENCE",
                    "2024-01-15",
                    "",
                    "",
                    "",
                    "Ervaringsdeskundige in dienst van het zorgkantoor"),
            demo("ZK10", "REGIONAL_MEETING", "2024-03-21", "", "Regiobijeenkomst voorjaar", "", ""),
            demo("ZK10", "REGIONAL_MEETING", "2024-11-07", "", "Regiobijeenkomst najaar", "", ""),
            demo("ZK10", "CONTRACTED_PROVIDER", "2024-01-01", "", "Stichting Anton Constandse", "", ""),
            demo("ZK10", "CONTRACTED_PROVIDER", "2024-01-01", "", "Fonteynenburg", "", ""),
            demo("ZK10", "CONTRACTED_PROVIDER", "2024-01-01", "", "Parnassia Groep", "", ""),
            demo("ZK10", "CONTRACTED_PROVIDER", "2024-01-01", "", "Kessler", "", ""),
            demo(
                    "ZK10",
                    "INNOVATION_PROJECT",
                    "2024-04-01",
                    "",
                    "Verslavingszorg op locatie (Wlz)",
                    "",
                    "Experiment waarin verslavingszorg naar de woonlocatie komt"),
            demo(
                    "ZK10",
                    "STIMULUS_PROJECT",
                    "2024-02-01",
                    "",
                    "Behoud van medewerkers",
                    "",
                    "Onderzoek hoe medewerkers in de Wlz-ggz voor de regio behouden blijven"),
            demo("ZK01", "CLIENT_SIGNAL", "2024-03-05", "PASSENDE_ZORG", "", "", "Wachttijd voor een woonplek"),
            demo("ZK01", "CLIENT_SIGNAL", "2024-07-18", "ORGANISATIE", "", "", "Wisselend personeel"),
            demo("ZK01", "OCO_SIGNAL", "2024-05-22", "KWALITEIT_EN_ZORG", "", "", "Daginvulling"),
            demo("ZK01", "LOCATION_VISIT", "2024-06-04", "", "Zorgaanbieder Amstelland (demo)", "DAGBESTEDING", ""),
            demo(
                    "ZK01",
                    "QUALITY_DIALOGUE",
                    "2024-09-17",
                    "",
                    "Zorgaanbieder Amstelland (demo)",
                    "",
                    "Thema personeel"),
            demo("ZK01", "REGIONAL_MEETING", "2024-10-10", "", "Regiobijeenkomst", "", ""),
            demo("ZK01", "CONTRACTED_PROVIDER", "2024-01-01", "", "Zorgaanbieder Amstelland (demo)", "", ""),
            demo("ZK01", "CONTRACTED_PROVIDER", "2024-01-01", "", "Beschermd Wonen De Meerlanden (demo)", "", ""));

    private final SignalRegister register;
    private final DataSource dataSource;

    DemoRegister(SignalRegister register, DataSource dataSource) {
        this.register = register;
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        AdvisoryLock.once(dataSource, AdvisoryLock.DEMO_DATA, register::isEmpty, () -> {
            ENTRIES.forEach(d -> register.create(d.region(), d.entry()));
            log.info("Demoregister aangemaakt: {} registraties voor ZK01 en ZK10 (2024)", ENTRIES.size());
        });
    }
}
