package nl.regiomonitor.ingest.synthetic;

import static nl.regiomonitor.ingest.synthetic.ModelParameters.CAL1;
import static nl.regiomonitor.ingest.synthetic.ModelParameters.CAL2;
import static nl.regiomonitor.ingest.synthetic.ModelParameters.SERIES_NAMES;
import static nl.regiomonitor.ingest.synthetic.ModelParameters.TARGET1;
import static nl.regiomonitor.ingest.synthetic.ModelParameters.TARGET2;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the simulated national stock hit its targets on the two calibration dates, by adding clients drawn like
 * the others or removing some. Apart from {@link Simulation}: it draws no new kind of client, it only decides
 * how many and from which window.
 */
final class Calibration {

    private final Simulation sim;

    Calibration(Simulation sim) {
        this.sim = sim;
    }

    int stock(int series, int day) {
        ClientStore s = sim.clients;
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
     * removes sim.clients present on both dates (entered on/before 2021-10-01, still present after 2022-10-01);
     * step 2 adds or removes sim.clients entering after 2021-10-01 and on/before 2022-10-01 who stay past it.
     * Added sim.clients are drawn exactly like the others; only their entry and exit window is constrained.
     */
    void calibrate(int series) {
        int d1 = (int) CAL1.toEpochDay();
        int d2 = (int) CAL2.toEpochDay();
        long target1 = Math.round(TARGET1[series] * sim.settings.scale());
        long target2 = Math.round(TARGET2[series] * sim.settings.scale());

        long a = target1 - stock(series, d1);
        sim.calibration[2 * series] = a;
        adjust(series, a, YearMonth.of(2021, 1), YearMonth.of(2021, 9), Integer.MIN_VALUE, d1, d2);
        long b = target2 - stock(series, d2);
        sim.calibration[2 * series + 1] = b;
        adjust(series, b, YearMonth.of(2021, 10), YearMonth.of(2022, 9), d1 + 1, d2, d2);

        int s1 = stock(series, d1);
        int s2 = stock(series, d2);
        if (s1 != target1 || s2 != target2) {
            throw new IllegalStateException("Kalibratie " + SERIES_NAMES[series] + " mislukt: " + s1 + "/" + s2);
        }
    }

    /**
     * Adds (n &gt; 0) or removes (n &lt; 0) |n| sim.clients whose first indication starts in [minFrom, maxFrom] and
     * who are still present after {@code survive}. New sim.clients enter in months addFrom…addTo (weighted by the
     * expected influx, day uniform but within [minFrom, maxFrom]).
     */
    private void adjust(int series, long n, YearMonth addFrom, YearMonth addTo, int minFrom, int maxFrom, int survive) {
        if (n > 0) {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth ym = addFrom; !ym.isAfter(addTo); ym = ym.plusMonths(1)) {
                months.add(ym);
            }
            double[] w = new double[months.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = Simulation.expectedInflux(series, months.get(i));
            }
            double[] cum = SyntheticMath.cumulative(w);
            for (long i = 0; i < n; i++) {
                YearMonth ym = months.get(SyntheticMath.pick(cum, sim.rng.nextDouble()));
                int lo = Math.max(minFrom, (int) ym.atDay(1).toEpochDay());
                int hi = Math.min(maxFrom, (int) ym.atEndOfMonth().toEpochDay());
                int from = lo + sim.rng.nextInt(hi - lo + 1);
                int exit = sim.drawExit(series, survive + 1);
                sim.createClient(series, from, exit);
            }
        } else if (n < 0) {
            ClientStore s = sim.clients;
            int[] pool = new int[s.size];
            int size = 0;
            for (int c = 0; c < s.size; c++) {
                if (s.series[c] == series
                        && !s.removed[c]
                        && s.firstFrom[c] >= minFrom
                        && s.firstFrom[c] <= maxFrom
                        && s.exit[c] > survive) {
                    pool[size++] = c;
                }
            }
            long remove = -n;
            if (remove > size) {
                throw new IllegalStateException("Kalibratie " + SERIES_NAMES[series]
                        + " niet mogelijk bij schaal " + sim.settings.scale()
                        + ": te weinig cliënten om te verwijderen");
            }
            for (int i = 0; i < remove; i++) { // partial Fisher-Yates
                int j = i + sim.rng.nextInt(size - i);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
                s.removed[pool[i]] = true;
            }
        }
    }
}
