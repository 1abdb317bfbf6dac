package nl.regiomonitor.ingest.synthetic;

import static nl.regiomonitor.ingest.synthetic.ClientStore.NONE;
import static nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator.ALLOCATIONS_HEADER;
import static nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator.COSTS_HEADER;
import static nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator.INDICATIONS_HEADER;
import static nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator.IN_CARE_PREFERENCE;
import static nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator.WAITLIST_HEADER;
import static nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator.amount;
import static nl.regiomonitor.ingest.synthetic.SyntheticDataGenerator.open;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * Writes the client-level files (indications, allocations, waitlist, costs) from the simulation, restricted to
 * the period of the settings. Apart from {@link SyntheticDataGenerator}, which runs the simulation and writes the
 * population: this is the one place that knows the files' rows.
 */
final class ClientFiles {

    private final Simulation sim;
    private final ClientStore s;
    private final ReferenceData ref;
    private final GeneratorSettings settings;
    private final int windowStart;
    private final int windowEnd;
    private final int dateBase;
    private final String[] dates;
    private final String[] regionCodes;
    private final String[] profileCodes;
    private final String[] formCodes;
    private final String[] originCodes;
    private final String[] statusCodes;
    private final String[] providerCodes;

    ClientFiles(Simulation sim, GeneratorSettings settings) {
        this.sim = sim;
        this.s = sim.clients;
        this.ref = sim.ref;
        this.settings = settings;
        this.windowStart = (int) settings.from().atDay(1).toEpochDay();
        this.windowEnd = (int) settings.to().atEndOfMonth().toEpochDay();
        this.dateBase = (int) LocalDate.of(2009, 1, 1).toEpochDay();
        this.dates = new String[sim.horizonEnd - dateBase + 2];
        this.regionCodes = ref.regionCodes.toArray(String[]::new);
        this.profileCodes = ref.profileCodes.toArray(String[]::new);
        this.formCodes = ref.deliveryForms.toArray(String[]::new);
        this.originCodes = ref.origins.toArray(String[]::new);
        this.statusCodes = ref.waitStatuses.toArray(String[]::new);
        this.providerCodes = Arrays.stream(sim.regions.providerCode)
                .mapToObj(Integer::toString)
                .toArray(String[]::new);
    }

    private String date(int epochDay) {
        int i = epochDay - dateBase;
        if (i < 0 || i >= dates.length) {
            return LocalDate.ofEpochDay(epochDay).toString();
        }
        String d = dates[i];
        if (d == null) {
            d = LocalDate.ofEpochDay(epochDay).toString();
            dates[i] = d;
        }
        return d;
    }

    /** A period [from, to] is written when it overlaps the window. */
    private boolean overlaps(int from, int to) {
        return from <= windowEnd && to >= windowStart;
    }

    /** End dates after the window are not known yet at the end of the period: written empty. */
    private String endDate(int to) {
        return to > windowEnd ? "" : date(to);
    }

    long writeIndications(Path file) throws IOException {
        long rows = 0;
        try (Writer w = open(file)) {
            w.write(INDICATIONS_HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(128);
            for (int c = 0; c < s.size; c++) {
                if (s.removed[c]) {
                    continue;
                }
                String id = ClientStore.idString(s.id[c]);
                // a new indication starts at a profile change and at a move (on the same day: one)
                int second = Math.min(s.change[c], s.move[c]);
                int third = Math.max(s.change[c], s.move[c]);
                if (third == second) {
                    third = NONE;
                }
                rows += indication(
                        w, line, c, id, s.firstFrom[c], second == NONE ? s.exit[c] : second - 1, s.decisionLag1[c]);
                if (second != NONE) {
                    rows += indication(
                            w,
                            line,
                            c,
                            id,
                            second,
                            third == NONE ? s.exit[c] : third - 1,
                            second == s.change[c] ? s.decisionLag2[c] : s.decisionLag3[c]);
                }
                if (third != NONE) {
                    rows += indication(
                            w,
                            line,
                            c,
                            id,
                            third,
                            s.exit[c],
                            third == s.change[c] ? s.decisionLag2[c] : s.decisionLag3[c]);
                }
            }
        }
        return rows;
    }

    /** Writes the indication valid from {@code from} to {@code to} when it overlaps the window; the rows written. */
    private int indication(Writer w, StringBuilder line, int c, String id, int from, int to, int lag)
            throws IOException {
        if (!overlaps(from, to)) {
            return 0;
        }
        line.setLength(0);
        line.append(id)
                .append(';')
                .append(date(from - lag))
                .append(';')
                .append(date(from))
                .append(';')
                .append(endDate(to))
                .append(';')
                .append(regionCodes[s.regionOn(c, from)])
                .append(';')
                .append(profileCodes[s.profileOn(c, from)])
                .append(';')
                .append(originCodes[s.origin[c]])
                .append(';')
                .append(s.birthYear[c])
                .append('\n');
        w.append(line);
        return 1;
    }

    long writeAllocations(Path file) throws IOException {
        long rows = 0;
        try (Writer w = open(file)) {
            w.write(ALLOCATIONS_HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(128);
            for (int c = 0; c < s.size; c++) {
                if (s.removed[c] || s.allocStart[c] == NONE) {
                    continue;
                }
                String id = ClientStore.idString(s.id[c]);
                int start = s.allocStart[c];
                // a new allocation starts at a provider switch and at a
                // move that takes care along (the switch comes first)
                int moved = s.careMoves(c) && s.move[c] > start ? s.move[c] : NONE;
                int second = s.switchDay[c] != NONE ? s.switchDay[c] : moved;
                int third = s.switchDay[c] != NONE ? moved : NONE;
                rows += allocation(w, line, c, id, start, second == NONE ? s.exit[c] : second - 1);
                if (second != NONE) {
                    rows += allocation(w, line, c, id, second, third == NONE ? s.exit[c] : third - 1);
                }
                if (third != NONE) {
                    rows += allocation(w, line, c, id, third, s.exit[c]);
                }
            }
        }
        return rows;
    }

    /** Writes the allocation running from {@code start} to {@code end} when it overlaps the window; the rows written. */
    private int allocation(Writer w, StringBuilder line, int c, String id, int start, int end) throws IOException {
        if (!overlaps(start, end)) {
            return 0;
        }
        line.setLength(0);
        line.append(id)
                .append(';')
                .append(providerCodes[s.providerOn(c, start)])
                .append(';')
                .append(regionCodes[s.careRegionOn(c, start)])
                .append(';')
                .append(formCodes[s.form[c]])
                .append(';')
                .append(date(start))
                .append(';')
                .append(endDate(end))
                .append('\n');
        w.append(line);
        return 1;
    }

    /**
     * One snapshot on the 1st of every month of the window. Waiting = valid indication without active
     * allocation (status of the waiting spell); plus ~2% of clients in care waiting for a preferred provider
     * (decided per client-month by a hash of the client's pseudonym and the month). A region without any row
     * gets one WACHT_OP_VOORKEUR row for one of its clients in care.
     */
    long writeWaitlist(Path file) throws IOException {
        long rows = 0;
        int regions = regionCodes.length;
        int[] count = new int[regions];
        int[] candidate = new int[regions];
        double[] candidateKey = new double[regions];
        try (Writer w = open(file)) {
            w.write(WAITLIST_HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(96);
            for (YearMonth ym = settings.from(); !ym.isAfter(settings.to()); ym = ym.plusMonths(1)) {
                int d = (int) ym.atDay(1).toEpochDay();
                String snapshot = date(d);
                long monthKey = ym.getYear() * 12L + ym.getMonthValue();
                Arrays.fill(count, 0);
                Arrays.fill(candidate, -1);
                Arrays.fill(candidateKey, 2.0);
                for (int c = 0; c < s.size; c++) {
                    if (!s.valid(c, d)) {
                        continue;
                    }
                    int region = s.regionOn(c, d);
                    int status;
                    if (s.allocStart[c] > d) {
                        status = s.waitStatus[c];
                    } else {
                        double u = SyntheticMath.unit(s.id[c], monthKey);
                        if (u >= IN_CARE_PREFERENCE) {
                            if (u < candidateKey[region]) {
                                candidateKey[region] = u;
                                candidate[region] = c;
                            }
                            continue;
                        }
                        status = sim.waitPreference;
                    }
                    waitRow(w, line, snapshot, d, c, s.profileOn(c, d), status);
                    count[region]++;
                    rows++;
                }
                for (int r = 0; r < regions; r++) {
                    if (count[r] > 0) {
                        continue;
                    }
                    if (candidate[r] >= 0) {
                        int c = candidate[r];
                        waitRow(w, line, snapshot, d, c, s.profileOn(c, d), sim.waitPreference);
                        rows++;
                    } else if (settings.scale() >= 1.0) {
                        throw new IllegalStateException("Regio " + regionCodes[r] + " heeft op " + snapshot
                                + " geen enkele cliënt; dat hoort bij schaal ≥ 1 niet voor te komen");
                    }
                }
            }
        }
        return rows;
    }

    private void waitRow(Writer w, StringBuilder line, String snapshot, int snapshotDay, int c, int profile, int status)
            throws IOException {
        line.setLength(0);
        line.append(snapshot)
                .append(';')
                .append(ClientStore.idString(s.id[c]))
                .append(';')
                .append(regionCodes[s.regionOn(c, snapshotDay)])
                .append(';')
                .append(profileCodes[profile])
                .append(';')
                .append(statusCodes[status])
                .append('\n');
        w.append(line);
    }

    /**
     * Client days per month × care region × profile (valid at mid-month) × delivery form, priced at the daily
     * tariff × form multiplier × regional price factor.
     */
    long writeCosts(Path file) throws IOException {
        YearMonth first = settings.from();
        int months = Simulation.monthsBetween(first, settings.to()) + 1;
        int regions = regionCodes.length;
        int profiles = profileCodes.length;
        int forms = formCodes.length;
        int[] monthStart = new int[months + 1];
        for (int m = 0; m <= months; m++) {
            monthStart[m] = (int) first.plusMonths(m).atDay(1).toEpochDay();
        }
        long[] days = new long[months * regions * profiles * forms];
        for (int c = 0; c < s.size; c++) {
            if (s.removed[c] || s.allocStart[c] == NONE) {
                continue;
            }
            int start = Math.max(s.allocStart[c], windowStart);
            int end = Math.min(s.exit[c] == NONE ? sim.horizonEnd : s.exit[c], windowEnd);
            if (start > end) {
                continue;
            }
            int m = Arrays.binarySearch(monthStart, start);
            if (m < 0) {
                m = -m - 2;
            }
            int base = s.careRegion[c] * profiles;
            int moved = s.careMoves(c) ? s.move[c] : NONE;
            int baseMoved = s.careRegion2[c] * profiles;
            for (; m < months && monthStart[m] <= end; m++) {
                int lo = Math.max(start, monthStart[m]);
                int hi = Math.min(end, monthStart[m + 1] - 1);
                int mid = Math.max(lo, Math.min(hi, monthStart[m] + 14));
                int profile = s.profileOn(c, mid);
                int at = (m * regions * profiles + profile) * forms + s.form[c];
                // days before a move that takes care along are the old region's, from it the new one's
                int split = Math.max(lo, Math.min(moved, hi + 1));
                days[at + base * forms] += split - lo;
                days[at + baseMoved * forms] += hi + 1 - split;
            }
        }
        long rows = 0;
        try (Writer w = open(file)) {
            w.write(COSTS_HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(96);
            BigDecimal[][][] rate = new BigDecimal[regions][profiles][forms];
            for (int r = 0; r < regions; r++) {
                for (int p = 0; p < profiles; p++) {
                    for (int f = 0; f < forms; f++) {
                        rate[r][p][f] = sim.tariff[p][f].multiply(sim.regions.priceFactor[r]);
                    }
                }
            }
            int i = 0;
            for (int m = 0; m < months; m++) {
                String month = first.plusMonths(m).toString();
                for (int r = 0; r < regions; r++) {
                    boolean any = false;
                    for (int p = 0; p < profiles; p++) {
                        for (int f = 0; f < forms; f++, i++) {
                            long n = days[i];
                            if (n == 0) {
                                continue;
                            }
                            any = true;
                            line.setLength(0);
                            line.append(month)
                                    .append(';')
                                    .append(regionCodes[r])
                                    .append(';')
                                    .append(profileCodes[p])
                                    .append(';')
                                    .append(formCodes[f])
                                    .append(';')
                                    .append(n)
                                    .append(';')
                                    .append(amount(rate[r][p][f].multiply(BigDecimal.valueOf(n))))
                                    .append('\n');
                            w.append(line);
                            rows++;
                        }
                    }
                    if (!any && settings.scale() >= 1.0) {
                        throw new IllegalStateException("Regio " + regionCodes[r] + " heeft in " + month
                                + " geen zorgkosten; dat hoort bij schaal ≥ 1 niet voor te komen");
                    }
                }
            }
        }
        return rows;
    }
}
