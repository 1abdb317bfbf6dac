package nl.regiomonitor.ingest.synthetic;

import static nl.regiomonitor.ingest.synthetic.ClientStore.NONE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The client-level simulation (see {@code package-info.java} for the model in words). All randomness comes
 * from one {@link Well19937c} seeded with the settings' seed, consumed in a fixed order:
 * regions → providers → GGZ-W influx month by month → GGZ-W calibration → GGZ-B initial stock → GGZ-B influx
 * → GGZ-B calibration. The written period ({@code from}/{@code to}) does not influence the simulation as long
 * as {@code to} ≤ 2024-12: the model always runs up to the last day of max({@code to}, 2024-12).
 */
final class Simulation {

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
    // salts of the hashes that decide moves: distinct from the waitlist's month keys (year × 12 + month)
    private static final long MOVE_DAY = -1;
    private static final long MOVE_NEAR = -2;
    private static final long MOVE_PICK = -3;
    private static final long MOVE_PROVIDER = -4;
    private static final long MOVE_LAG = -5;
    /** Bordering care office regions (closed under symmetry when read); unknown codes are skipped. */
    static final String[][] NEIGHBOURS = {
            {"ZK01", "ZK02", "ZK11", "ZK28", "ZK23", "ZK21"}, {"ZK02", "ZK26", "ZK21", "ZK07"},
            {"ZK03", "ZK04", "ZK14", "ZK32", "ZK22"}, {"ZK04", "ZK16", "ZK23", "ZK14"},
            {"ZK06", "ZK09", "ZK08", "ZK32", "ZK22"}, {"ZK07", "ZK21", "ZK23", "ZK32", "ZK08"},
            {"ZK08", "ZK09", "ZK32", "ZK18"}, {"ZK10", "ZK33", "ZK28", "ZK13", "ZK20"},
            {"ZK11", "ZK26", "ZK28", "ZK02"}, {"ZK12", "ZK25", "ZK19", "ZK30", "ZK24"},
            {"ZK13", "ZK20", "ZK28", "ZK23", "ZK24"}, {"ZK14", "ZK32", "ZK22"},
            {"ZK16", "ZK19", "ZK17", "ZK24"}, {"ZK17", "ZK31", "ZK30", "ZK19"}, {"ZK18", "ZK26", "ZK11"},
            {"ZK19", "ZK30", "ZK24"}, {"ZK20", "ZK33", "ZK29", "ZK24"}, {"ZK21", "ZK23"},
            {"ZK22", "ZK32"}, {"ZK23", "ZK24"}, {"ZK24", "ZK29", "ZK25"}, {"ZK25", "ZK27", "ZK29"},
            {"ZK27", "ZK29"}, {"ZK29", "ZK33"}};

    static final int[][] AGE_BANDS = {{18, 26}, {27, 44}, {45, 64}, {65, 80}};
    static final double[] AGE_SHARES = {0.10, 0.38, 0.40, 0.12};

    static final Map<String, Double> W_PROFILES = shares("GGZ01W", 30, "GGZ02W", 15, "GGZ03W", 35, "GGZ04W", 12,
            "GGZ05W", 8);
    static final Map<String, Double> B_PROFILES = shares("GGZ03B", 20, "GGZ04B", 20, "GGZ05B", 35, "GGZ06B", 15,
            "GGZ07B", 10);
    static final Map<String, Double> W_ORIGINS = shares("WMO_BW", 40, "ZVW_GGZ", 20, "WMO_OVERIG", 14,
            "WLZ_ANDERS", 8, "GEEN", 5, "ONBEKEND", 8);
    static final Map<String, Double> W_ORIGINS_WAVE = shares("WMO_BW", 70, "ZVW_GGZ", 11, "WMO_OVERIG", 7.5,
            "WLZ_ANDERS", 4.5, "GEEN", 2.5, "ONBEKEND", 4.5);
    static final Map<String, Double> B_ORIGINS = shares("ZVW_GGZ", 55, "WLZ_ANDERS", 25, "WMO_BW", 5,
            "WMO_OVERIG", 3, "GEEN", 4, "ONBEKEND", 8);
    static final Map<String, Double> W_FORMS = shares("VERBLIJF", 65, "VPT", 10, "MPT", 9, "PGB", 11,
            "MPT_PGB", 5);
    static final Map<String, Double> B_FORMS = shares("VERBLIJF", 90, "VPT", 5, "MPT", 2, "PGB", 3);
    static final Map<String, Double> WAIT_STATUSES = shares("ACTIEF", 35, "URGENT", 5, "WACHT_OP_VOORKEUR", 40,
            "NIET_ACTIEF", 20);
    static final Map<String, Double> DAILY_TARIFF = shares("GGZ01W", 130, "GGZ02W", 165, "GGZ03W", 210,
            "GGZ04W", 260, "GGZ05W", 300, "GGZ03B", 230, "GGZ04B", 265, "GGZ05B", 300, "GGZ06B", 340,
            "GGZ07B", 380);
    static final Map<String, Double> FORM_MULTIPLIER = shares("VERBLIJF", 1.0, "VPT", 0.85, "MPT", 0.45,
            "PGB", 0.55, "MPT_PGB", 0.40);
    /** Waiting time classes after the first indication: share, minimum days, maximum days (-1 = never). */
    static final double[] WAIT_SHARES = {0.60, 0.25, 0.10, 0.05};
    static final int[][] WAIT_DAYS = {{0, 30}, {31, 91}, {92, 273}, {-1, -1}};

    final GeneratorSettings settings;
    final ReferenceData ref;
    final RandomGenerator rng;
    final RandomDataGenerator random;
    final ClientStore clients = new ClientStore();
    final int horizonEnd;
    final YearMonth horizon;

    final int regionCount;
    double[] regionFactor;
    /** Regional price factor (0.95…1.05, 4 decimals). */
    BigDecimal[] priceFactor;
    private double[] regionCum;
    private double[] sizeCum;
    /** Per region its neighbours and their cumulative adult weights. */
    private int[][] neighbours;
    private double[][] neighbourCum;
    int[] providerCode;
    int[] providerOffset;
    int[] providerCount;

    private final double[][] profileCum = new double[2][];
    private final double[][] originCum = new double[2][];
    private final double[] originWaveCum;
    private final double[][] formCum = new double[2][];
    private final double[] waitCum;
    private final double[] ageCum = SyntheticMath.cumulative(AGE_SHARES);
    private final double[] waitClassCum = SyntheticMath.cumulative(WAIT_SHARES);
    private final int jeugd;
    final int[] profileSeries;
    final BigDecimal[][] tariff; // [profile][form] daily tariff before the regional factor
    final int waitPreference;
    private final LongHashSet ids;
    /** Calibration corrections applied: {W step 1, W step 2, B step 1, B step 2} (for diagnostics). */
    final long[] calibration = new long[4];

    Simulation(GeneratorSettings settings, ReferenceData ref) {
        this.settings = settings;
        this.ref = ref;
        this.rng = new Well19937c(settings.seed());
        this.random = new RandomDataGenerator(rng);
        this.horizon = settings.to().isAfter(MIN_HORIZON) ? settings.to() : MIN_HORIZON;
        this.horizonEnd = (int) horizon.atEndOfMonth().toEpochDay();
        this.regionCount = ref.regionCodes.size();
        if (regionCount > Byte.MAX_VALUE) {
            throw new IllegalStateException("Te veel regio's voor de compacte opslag");
        }
        profileCum[W] = SyntheticMath.cumulative(weights(ref.profileCodes, W_PROFILES, "care_profiles"));
        profileCum[B] = SyntheticMath.cumulative(weights(ref.profileCodes, B_PROFILES, "care_profiles"));
        originCum[W] = SyntheticMath.cumulative(weights(ref.origins, W_ORIGINS, "origins"));
        originCum[B] = SyntheticMath.cumulative(weights(ref.origins, B_ORIGINS, "origins"));
        originWaveCum = SyntheticMath.cumulative(weights(ref.origins, W_ORIGINS_WAVE, "origins"));
        formCum[W] = SyntheticMath.cumulative(weights(ref.deliveryForms, W_FORMS, "delivery_forms"));
        formCum[B] = SyntheticMath.cumulative(weights(ref.deliveryForms, B_FORMS, "delivery_forms"));
        waitCum = SyntheticMath.cumulative(weights(ref.waitStatuses, WAIT_STATUSES, "wait_statuses"));
        jeugd = ReferenceData.indexOf(ref.origins, "JEUGD", "origins");
        waitPreference = ReferenceData.indexOf(ref.waitStatuses, "WACHT_OP_VOORKEUR", "wait_statuses");
        profileSeries = new int[ref.profileCodes.size()];
        for (int p = 0; p < profileSeries.length; p++) {
            String s = ref.profileSeries.get(p);
            profileSeries[p] = "GGZ-W".equals(s) ? W : "GGZ-B".equals(s) ? B : -1;
        }
        for (String code : W_PROFILES.keySet()) {
            checkSeries(code, W);
        }
        for (String code : B_PROFILES.keySet()) {
            checkSeries(code, B);
        }
        tariff = new BigDecimal[ref.profileCodes.size()][ref.deliveryForms.size()];
        double[] base = weights(ref.profileCodes, DAILY_TARIFF, "care_profiles");
        double[] mult = weights(ref.deliveryForms, FORM_MULTIPLIER, "delivery_forms");
        for (int p = 0; p < base.length; p++) {
            for (int f = 0; f < mult.length; f++) {
                tariff[p][f] = BigDecimal.valueOf(base[p]).multiply(BigDecimal.valueOf(mult[f]));
            }
        }
        ids = new LongHashSet((int) Math.min(50_000_000L, (long) (60_000 * settings.scale()) + 1024));
    }

    private void checkSeries(String profile, int series) {
        int p = ReferenceData.indexOf(ref.profileCodes, profile, "care_profiles");
        if (profileSeries[p] != series) {
            throw new IllegalStateException("Profiel " + profile + " hoort niet bij " + SERIES_NAMES[series]);
        }
    }

    void run() {
        setUpRegions();
        setUpProviders();
        simulateInflux(W);
        calibrate(W);
        initialStockB();
        simulateInflux(B);
        calibrate(B);
    }

    // ---------------------------------------------------------------- regions and providers

    private void setUpRegions() {
        regionFactor = new double[regionCount];
        priceFactor = new BigDecimal[regionCount];
        double[] weight = new double[regionCount];
        double[] size = new double[regionCount];
        for (int r = 0; r < regionCount; r++) {
            regionFactor[r] = StrictMath.exp(REGION_FACTOR_SIGMA * rng.nextGaussian());
            priceFactor[r] = BigDecimal.valueOf(0.95 + 0.10 * rng.nextDouble()).setScale(4, RoundingMode.HALF_UP);
            size[r] = ref.adultsPerRegion[r];
            weight[r] = size[r] * regionFactor[r];
        }
        regionCum = SyntheticMath.cumulative(weight);
        sizeCum = SyntheticMath.cumulative(size);
        setUpNeighbours();
    }

    private void setUpNeighbours() {
        List<Set<Integer>> near = new ArrayList<>();
        for (int r = 0; r < regionCount; r++) {
            near.add(new TreeSet<>());
        }
        for (String[] row : NEIGHBOURS) {
            int a = ref.regionCodes.indexOf(row[0]);
            for (int i = 1; i < row.length; i++) {
                int b = ref.regionCodes.indexOf(row[i]);
                if (a >= 0 && b >= 0 && a != b) {
                    near.get(a).add(b);
                    near.get(b).add(a);
                }
            }
        }
        neighbours = new int[regionCount][];
        neighbourCum = new double[regionCount][];
        for (int r = 0; r < regionCount; r++) {
            neighbours[r] = near.get(r).stream().mapToInt(Integer::intValue).toArray();
            double[] w = new double[neighbours[r].length];
            for (int i = 0; i < w.length; i++) {
                w[i] = ref.adultsPerRegion[neighbours[r][i]];
            }
            neighbourCum[r] = w.length == 0 ? null : SyntheticMath.cumulative(w);
        }
    }

    private void setUpProviders() {
        long max = 0;
        for (long a : ref.adultsPerRegion) {
            max = Math.max(max, a);
        }
        providerOffset = new int[regionCount];
        providerCount = new int[regionCount];
        List<Integer> codes = new ArrayList<>();
        LongHashSet used = new LongHashSet(1024);
        for (int r = 0; r < regionCount; r++) {
            int n = (int) Math.round(3 + 12.0 * ref.adultsPerRegion[r] / max);
            n = Math.max(3, Math.min(15, n));
            providerOffset[r] = codes.size();
            providerCount[r] = n;
            for (int i = 0; i < n; i++) {
                int code;
                do {
                    code = 73_000_000 + rng.nextInt(1_000_000); // "73" + 6 digits: 8 digits, AGB-like
                } while (!used.add(code));
                codes.add(code);
            }
        }
        providerCode = codes.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---------------------------------------------------------------- influx and exits

    /** Expected national monthly influx at scale 1. */
    static double expectedInflux(int series, YearMonth ym) {
        if (series == W) {
            if (ym.isBefore(W_START)) {
                return 0;
            }
            int m = monthsBetween(W_START, ym);
            if (m <= 8) { // front-loaded wave 2021-01…2021-09: 4,000 → 800
                return 800 + 3200 * StrictMath.pow((8 - m) / 8.0, 1.135);
            }
            if (m <= 20) { // 2021-10…2022-09: about 650, slowly declining (690 → 590)
                return 690 - 100.0 * (m - 9) / 11.0;
            }
            return 100 + 450 * StrictMath.exp(-(m - 21) / 8.0); // from 2022-10: towards 100
        }
        if (ym.isBefore(B_START)) {
            return 0;
        }
        return ym.getYear() < 2021 ? B_INFLUX_BEFORE_2021 : B_INFLUX_FROM_2021;
    }

    private void simulateInflux(int series) {
        YearMonth start = series == W ? W_START : B_START;
        for (YearMonth ym = start; !ym.isAfter(horizon); ym = ym.plusMonths(1)) {
            double mean = expectedInflux(series, ym) * settings.scale();
            long n = mean > 0 ? random.nextPoisson(mean) : 0;
            int first = (int) ym.atDay(1).toEpochDay();
            int length = ym.lengthOfMonth();
            for (long i = 0; i < n; i++) {
                int from = first + rng.nextInt(length);
                createClient(series, from, drawExit(series, from));
            }
        }
    }

    private void initialStockB() {
        double mean = B_INITIAL_STOCK * settings.scale();
        long n = random.nextPoisson(mean);
        int lo = (int) LocalDate.of(2010, 1, 1).toEpochDay();
        int hi = (int) LocalDate.of(2014, 12, 31).toEpochDay();
        int simStart = (int) B_START.atDay(1).toEpochDay();
        for (long i = 0; i < n; i++) {
            int from = lo + rng.nextInt(hi - lo + 1);
            createClient(B, from, drawExit(B, simStart)); // still present when the simulation starts
        }
    }

    /** Exit day (last day with an indication) for a client present on {@code day}, NONE if after the horizon. */
    int drawExit(int series, int day) {
        double e = -StrictMath.log(1.0 - rng.nextDouble()); // Exp(1)
        double exitDay;
        if (series == W) {
            exitDay = day + e / dailyRate(W_EXIT_HAZARD);
        } else {
            int change = (int) B_HAZARD_SWITCH.toEpochDay();
            double r1 = dailyRate(B_EXIT_HAZARD_BEFORE_2021);
            double r2 = dailyRate(B_EXIT_HAZARD_FROM_2021);
            if (day < change && e < r1 * (change - day)) {
                exitDay = day + e / r1;
            } else if (day < change) {
                exitDay = change + (e - r1 * (change - day)) / r2;
            } else {
                exitDay = day + e / r2;
            }
        }
        double d = Math.floor(exitDay);
        return d > horizonEnd ? NONE : (int) d;
    }

    private static double dailyRate(double monthlyHazard) {
        return -StrictMath.log(1 - monthlyHazard) / MONTH_DAYS;
    }

    // ---------------------------------------------------------------- one client

    private int createClient(int series, int from, int exit) {
        ClientStore s = clients;
        int c = s.add();
        long id;
        do {
            id = nextId();
        } while (!ids.add(id));
        s.id[c] = id;
        s.series[c] = (byte) series;
        s.firstFrom[c] = from;
        s.exit[c] = exit;
        int region = SyntheticMath.pick(regionCum, rng.nextDouble());
        s.region[c] = (byte) region;
        int care = region;
        if (rng.nextDouble() >= SAME_CARE_REGION) {
            do {
                care = SyntheticMath.pick(sizeCum, rng.nextDouble());
            } while (care == region);
        }
        s.careRegion[c] = (byte) care;
        int[] band = AGE_BANDS[SyntheticMath.pick(ageCum, rng.nextDouble())];
        int age = band[0] + rng.nextInt(band[1] - band[0] + 1);
        s.birthYear[c] = (short) (LocalDate.ofEpochDay(from).getYear() - age);
        int profile = SyntheticMath.pick(profileCum[series], rng.nextDouble());
        s.profile1[c] = (byte) profile;
        s.origin[c] = (byte) drawOrigin(series, from, age);
        s.decisionLag1[c] = (byte) rng.nextInt(22);

        // profile change (second indication)
        if (rng.nextDouble() < PROFILE_CHANGE[series]) {
            int lo = from + 30;
            int hi = (int) Math.min(exit == NONE ? Long.MAX_VALUE : exit - 1L, from + 1095L);
            if (lo <= hi) {
                int day = lo + rng.nextInt(hi - lo + 1);
                int other;
                do {
                    other = SyntheticMath.pick(profileCum[series], rng.nextDouble());
                } while (other == profile);
                int lag = rng.nextInt(22);
                if (day <= horizonEnd) {
                    s.change[c] = day;
                    s.profile2[c] = (byte) other;
                    s.decisionLag2[c] = (byte) lag;
                }
            }
        }

        // allocation (care) after a wait
        int[] wait = WAIT_DAYS[SyntheticMath.pick(waitClassCum, rng.nextDouble())];
        int start = NONE;
        if (wait[0] >= 0) {
            start = from + wait[0] + rng.nextInt(wait[1] - wait[0] + 1);
            if (start > exit || start > horizonEnd) {
                start = NONE;
            }
        }
        s.allocStart[c] = start;
        s.form[c] = (byte) SyntheticMath.pick(formCum[series], rng.nextDouble());
        int p1 = providerOffset[care] + rng.nextInt(providerCount[care]);
        s.provider1[c] = (short) p1;
        if (start != NONE && rng.nextDouble() < PROVIDER_SWITCH) {
            int lo = start + 30;
            int hi = Math.min(exit, horizonEnd);
            if (lo <= hi) {
                s.switchDay[c] = lo + rng.nextInt(hi - lo + 1);
                int p2;
                do {
                    p2 = providerOffset[care] + rng.nextInt(providerCount[care]);
                } while (p2 == p1);
                s.provider2[c] = (short) p2;
            }
        }
        s.waitStatus[c] = (byte) SyntheticMath.pick(waitCum, rng.nextDouble());
        planMove(c);
        return c;
    }

    /**
     * Whether, when and where the client moves: decided by hashes of the pseudonym, not by the shared
     * generator, so every other draw (and so every client without a move) stays as it was.
     */
    private void planMove(int c) {
        ClientStore s = clients;
        long id = s.id[c];
        double e = -StrictMath.log(1.0 - SyntheticMath.unit(id, MOVE_DAY)); // Exp(1)
        double day = s.firstFrom[c] + MOVE_MIN_DAYS + Math.floor(e / dailyRate(MOVE_HAZARD));
        int last = s.exit[c] == NONE ? horizonEnd : Math.min(s.exit[c], horizonEnd);
        if (day > last) {
            return;
        }
        int move = (int) day;
        int from = s.region[c];
        int to;
        if (neighbourCum[from] != null && SyntheticMath.unit(id, MOVE_NEAR) < MOVE_TO_NEIGHBOUR) {
            to = neighbours[from][SyntheticMath.pick(neighbourCum[from], SyntheticMath.unit(id, MOVE_PICK))];
        } else {
            long salt = MOVE_PICK;
            do {
                to = SyntheticMath.pick(sizeCum, SyntheticMath.unit(id, --salt - 100));
            } while (to == from);
        }
        s.move[c] = move;
        s.region2[c] = (byte) to;
        s.decisionLag3[c] = (byte) (SyntheticMath.unit(id, MOVE_LAG) * 22);
        // care delivered at home moves along to a provider in the new region; care elsewhere stays where it is
        int care = s.careRegion[c] == from ? to : s.careRegion[c];
        s.careRegion2[c] = (byte) care;
        if (care != s.careRegion[c]) {
            s.provider3[c] = (short) (providerOffset[care] + (int) (SyntheticMath.unit(id, MOVE_PROVIDER) * providerCount[care]));
            if (s.switchDay[c] >= move) {
                s.switchDay[c] = NONE; // the move's new provider replaces a later switch
            }
        }
    }

    private int drawOrigin(int series, int from, int age) {
        double u = rng.nextDouble();
        if (age <= 26 && u < (series == W ? YOUNG_JEUGD_W : YOUNG_JEUGD_B)) {
            return jeugd;
        }
        double[] cum = originCum[series];
        if (series == W) {
            YearMonth ym = YearMonth.from(LocalDate.ofEpochDay(from));
            if (monthsBetween(W_START, ym) <= 8) {
                cum = originWaveCum;
            }
        }
        return SyntheticMath.pick(cum, rng.nextDouble());
    }

    private long nextId() {
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % ClientStore.ID_SPACE;
        long v;
        do {
            v = rng.nextLong() >>> 1;
        } while (v >= limit);
        return v % ClientStore.ID_SPACE;
    }

    // ---------------------------------------------------------------- calibration

    int stock(int series, int day) {
        ClientStore s = clients;
        int n = 0;
        for (int c = 0; c < s.size; c++) {
            if (s.series[c] == series && s.valid(c, day)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Makes the national stock exactly round(target × scale) on 2021-10-01 and 2022-10-01. Step 1 adds or
     * removes clients present on both dates (entered on/before 2021-10-01, still present after 2022-10-01);
     * step 2 adds or removes clients entering after 2021-10-01 and on/before 2022-10-01 who stay past it.
     * Added clients are drawn exactly like the others; only their entry and exit window is constrained.
     */
    private void calibrate(int series) {
        int d1 = (int) CAL1.toEpochDay();
        int d2 = (int) CAL2.toEpochDay();
        long target1 = Math.round(TARGET1[series] * settings.scale());
        long target2 = Math.round(TARGET2[series] * settings.scale());

        long a = target1 - stock(series, d1);
        calibration[2 * series] = a;
        adjust(series, a, YearMonth.of(2021, 1), YearMonth.of(2021, 9), Integer.MIN_VALUE, d1, d2);
        long b = target2 - stock(series, d2);
        calibration[2 * series + 1] = b;
        adjust(series, b, YearMonth.of(2021, 10), YearMonth.of(2022, 9), d1 + 1, d2, d2);

        int s1 = stock(series, d1);
        int s2 = stock(series, d2);
        if (s1 != target1 || s2 != target2) {
            throw new IllegalStateException("Kalibratie " + SERIES_NAMES[series] + " mislukt: " + s1 + "/" + s2);
        }
    }

    /**
     * Adds (n &gt; 0) or removes (n &lt; 0) |n| clients whose first indication starts in [minFrom, maxFrom] and
     * who are still present after {@code survive}. New clients enter in months addFrom…addTo (weighted by the
     * expected influx, day uniform but within [minFrom, maxFrom]).
     */
    private void adjust(int series, long n, YearMonth addFrom, YearMonth addTo, int minFrom, int maxFrom,
                        int survive) {
        if (n > 0) {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth ym = addFrom; !ym.isAfter(addTo); ym = ym.plusMonths(1)) {
                months.add(ym);
            }
            double[] w = new double[months.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = expectedInflux(series, months.get(i));
            }
            double[] cum = SyntheticMath.cumulative(w);
            for (long i = 0; i < n; i++) {
                YearMonth ym = months.get(SyntheticMath.pick(cum, rng.nextDouble()));
                int lo = Math.max(minFrom, (int) ym.atDay(1).toEpochDay());
                int hi = Math.min(maxFrom, (int) ym.atEndOfMonth().toEpochDay());
                int from = lo + rng.nextInt(hi - lo + 1);
                int exit = drawExit(series, survive + 1);
                createClient(series, from, exit);
            }
        } else if (n < 0) {
            ClientStore s = clients;
            int[] pool = new int[s.size];
            int size = 0;
            for (int c = 0; c < s.size; c++) {
                if (s.series[c] == series && !s.removed[c] && s.firstFrom[c] >= minFrom && s.firstFrom[c] <= maxFrom
                        && s.exit[c] > survive) {
                    pool[size++] = c;
                }
            }
            long remove = -n;
            if (remove > size) {
                throw new IllegalStateException("Kalibratie " + SERIES_NAMES[series]
                        + " niet mogelijk bij schaal " + settings.scale() + ": te weinig cliënten om te verwijderen");
            }
            for (int i = 0; i < remove; i++) { // partial Fisher-Yates
                int j = i + rng.nextInt(size - i);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
                s.removed[pool[i]] = true;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static int monthsBetween(YearMonth a, YearMonth b) {
        return (b.getYear() - a.getYear()) * 12 + b.getMonthValue() - a.getMonthValue();
    }

    private static double[] weights(List<String> codes, Map<String, Double> shares, String what) {
        double[] w = new double[codes.size()];
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            w[ReferenceData.indexOf(codes, e.getKey(), what)] = e.getValue();
        }
        return w;
    }

    private static Map<String, Double> shares(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return map;
    }
}
