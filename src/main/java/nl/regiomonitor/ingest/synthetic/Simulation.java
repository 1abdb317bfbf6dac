package nl.regiomonitor.ingest.synthetic;

import static nl.regiomonitor.ingest.synthetic.ClientStore.NONE;
import static nl.regiomonitor.ingest.synthetic.ModelParameters.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

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

    // salts of the hashes that decide moves: distinct from the waitlist's month keys (year × 12 + month)
    private static final long MOVE_DAY = -1;
    private static final long MOVE_NEAR = -2;
    private static final long MOVE_PICK = -3;
    private static final long MOVE_PROVIDER = -4;
    private static final long MOVE_LAG = -5;

    final GeneratorSettings settings;
    final ReferenceData ref;
    final RandomGenerator rng;
    final RandomDataGenerator random;
    final ClientStore clients = new ClientStore();
    final int horizonEnd;
    final YearMonth horizon;

    final int regionCount;
    /** The regions and their providers, drawn first. */
    RegionLayout regions;

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
        regions = new RegionLayout(ref, rng);
        simulateInflux(W);
        new Calibration(this).calibrate(W);
        initialStockB();
        simulateInflux(B);
        new Calibration(this).calibrate(B);
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

    int createClient(int series, int from, int exit) {
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
        int region = SyntheticMath.pick(regions.regionCum, rng.nextDouble());
        s.region[c] = (byte) region;
        int care = region;
        if (rng.nextDouble() >= SAME_CARE_REGION) {
            do {
                care = SyntheticMath.pick(regions.sizeCum, rng.nextDouble());
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
        int p1 = regions.providerOffset[care] + rng.nextInt(regions.providerCount[care]);
        s.provider1[c] = (short) p1;
        if (start != NONE && rng.nextDouble() < PROVIDER_SWITCH) {
            int lo = start + 30;
            int hi = Math.min(exit, horizonEnd);
            if (lo <= hi) {
                s.switchDay[c] = lo + rng.nextInt(hi - lo + 1);
                int p2;
                do {
                    p2 = regions.providerOffset[care] + rng.nextInt(regions.providerCount[care]);
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
        if (regions.neighbourCum[from] != null && SyntheticMath.unit(id, MOVE_NEAR) < MOVE_TO_NEIGHBOUR) {
            to = regions.neighbours[from][
                    SyntheticMath.pick(regions.neighbourCum[from], SyntheticMath.unit(id, MOVE_PICK))];
        } else {
            long salt = MOVE_PICK;
            do {
                to = SyntheticMath.pick(regions.sizeCum, SyntheticMath.unit(id, --salt - 100));
            } while (to == from);
        }
        s.move[c] = move;
        s.region2[c] = (byte) to;
        s.decisionLag3[c] = (byte) (SyntheticMath.unit(id, MOVE_LAG) * 22);
        // care delivered at home moves along to a provider in the new region; care elsewhere stays where it is
        int care = s.careRegion[c] == from ? to : s.careRegion[c];
        s.careRegion2[c] = (byte) care;
        if (care != s.careRegion[c]) {
            s.provider3[c] = (short) (regions.providerOffset[care]
                    + (int) (SyntheticMath.unit(id, MOVE_PROVIDER) * regions.providerCount[care]));
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
}
