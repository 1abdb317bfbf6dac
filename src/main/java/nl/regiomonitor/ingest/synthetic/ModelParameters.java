package nl.regiomonitor.ingest.synthetic;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers the synthetic model is built and calibrated with (see {@code package-info.java}), in one place
 * to read and tune, apart from the {@link Simulation} that draws with them.
 */
final class ModelParameters {

    static final int W = 0;
    static final int B = 1;
    static final String[] SERIES_NAMES = {"GGZ-W", "GGZ-B"};

    static final YearMonth W_START = YearMonth.of(2021, 1);
    static final YearMonth B_START = YearMonth.of(2015, 1);
    static final YearMonth MIN_HORIZON = YearMonth.of(2024, 12);
    static final LocalDate CAL1 = LocalDate.of(2021, 10, 1);
    static final LocalDate CAL2 = LocalDate.of(2022, 10, 1);
    static final int[] TARGET1 = {20150, 3195};
    static final int[] TARGET2 = {26135, 2810};

    static final double MONTH_DAYS = 365.2425 / 12;
    static final double W_EXIT_HAZARD = 0.006;
    static final double B_EXIT_HAZARD_BEFORE_2021 = 0.010;
    static final double B_EXIT_HAZARD_FROM_2021 = 0.0187;
    static final LocalDate B_HAZARD_SWITCH = LocalDate.of(2021, 1, 1);
    static final double B_INITIAL_STOCK = 3600;
    static final double B_INFLUX_BEFORE_2021 = 35;
    static final double B_INFLUX_FROM_2021 = 25;
    static final double[] PROFILE_CHANGE = {0.12, 0.08};
    static final double SAME_CARE_REGION = 0.92;
    static final double PROVIDER_SWITCH = 0.10;
    static final double REGION_FACTOR_SIGMA = 0.25;
    static final double YOUNG_JEUGD_W = 0.30;
    static final double YOUNG_JEUGD_B = 0.20;
    /** Monthly chance to move to another region (about 2% a year), at most once per client. */
    static final double MOVE_HAZARD = 0.0017;
    /** A move goes to a neighbouring region with this chance, otherwise anywhere (weighted by adults). */
    static final double MOVE_TO_NEIGHBOUR = 0.6;

    static final int MOVE_MIN_DAYS = 30;
    /** Bordering care office regions (closed under symmetry when read); unknown codes are skipped. */
    static final String[][] NEIGHBOURS = {
        {"ZK01", "ZK02", "ZK11", "ZK28", "ZK23", "ZK21"},
        {"ZK02", "ZK26", "ZK21", "ZK07"},
        {"ZK03", "ZK04", "ZK14", "ZK32", "ZK22"},
        {"ZK04", "ZK16", "ZK23", "ZK14"},
        {"ZK06", "ZK09", "ZK08", "ZK32", "ZK22"},
        {"ZK07", "ZK21", "ZK23", "ZK32", "ZK08"},
        {"ZK08", "ZK09", "ZK32", "ZK18"},
        {"ZK10", "ZK33", "ZK28", "ZK13", "ZK20"},
        {"ZK11", "ZK26", "ZK28", "ZK02"},
        {"ZK12", "ZK25", "ZK19", "ZK30", "ZK24"},
        {"ZK13", "ZK20", "ZK28", "ZK23", "ZK24"},
        {"ZK14", "ZK32", "ZK22"},
        {"ZK16", "ZK19", "ZK17", "ZK24"},
        {"ZK17", "ZK31", "ZK30", "ZK19"},
        {"ZK18", "ZK26", "ZK11"},
        {"ZK19", "ZK30", "ZK24"},
        {"ZK20", "ZK33", "ZK29", "ZK24"},
        {"ZK21", "ZK23"},
        {"ZK22", "ZK32"},
        {"ZK23", "ZK24"},
        {"ZK24", "ZK29", "ZK25"},
        {"ZK25", "ZK27", "ZK29"},
        {"ZK27", "ZK29"},
        {"ZK29", "ZK33"}
    };

    static final int[][] AGE_BANDS = {{18, 26}, {27, 44}, {45, 64}, {65, 80}};
    static final double[] AGE_SHARES = {0.10, 0.38, 0.40, 0.12};

    static final Map<String, Double> W_PROFILES =
            shares("GGZ01W", 30, "GGZ02W", 15, "GGZ03W", 35, "GGZ04W", 12, "GGZ05W", 8);
    static final Map<String, Double> B_PROFILES =
            shares("GGZ03B", 20, "GGZ04B", 20, "GGZ05B", 35, "GGZ06B", 15, "GGZ07B", 10);
    static final Map<String, Double> W_ORIGINS =
            shares("WMO_BW", 40, "ZVW_GGZ", 20, "WMO_OVERIG", 14, "WLZ_ANDERS", 8, "GEEN", 5, "ONBEKEND", 8);
    static final Map<String, Double> W_ORIGINS_WAVE =
            shares("WMO_BW", 70, "ZVW_GGZ", 11, "WMO_OVERIG", 7.5, "WLZ_ANDERS", 4.5, "GEEN", 2.5, "ONBEKEND", 4.5);
    static final Map<String, Double> B_ORIGINS =
            shares("ZVW_GGZ", 55, "WLZ_ANDERS", 25, "WMO_BW", 5, "WMO_OVERIG", 3, "GEEN", 4, "ONBEKEND", 8);
    static final Map<String, Double> W_FORMS = shares("VERBLIJF", 65, "VPT", 10, "MPT", 9, "PGB", 11, "MPT_PGB", 5);
    static final Map<String, Double> B_FORMS = shares("VERBLIJF", 90, "VPT", 5, "MPT", 2, "PGB", 3);
    static final Map<String, Double> WAIT_STATUSES =
            shares("ACTIEF", 35, "URGENT", 5, "WACHT_OP_VOORKEUR", 40, "NIET_ACTIEF", 20);
    static final Map<String, Double> DAILY_TARIFF = shares(
            "GGZ01W", 130, "GGZ02W", 165, "GGZ03W", 210, "GGZ04W", 260, "GGZ05W", 300, "GGZ03B", 230, "GGZ04B", 265,
            "GGZ05B", 300, "GGZ06B", 340, "GGZ07B", 380);
    static final Map<String, Double> FORM_MULTIPLIER =
            shares("VERBLIJF", 1.0, "VPT", 0.85, "MPT", 0.45, "PGB", 0.55, "MPT_PGB", 0.40);
    /** Waiting time classes after the first indication: share, minimum days, maximum days (-1 = never). */
    static final double[] WAIT_SHARES = {0.60, 0.25, 0.10, 0.05};

    static final int[][] WAIT_DAYS = {{0, 30}, {31, 91}, {92, 273}, {-1, -1}};

    private ModelParameters() {}

    private static Map<String, Double> shares(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return map;
    }
}
