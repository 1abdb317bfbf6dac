package nl.regiomonitor.ingest.synthetic;

import static nl.regiomonitor.ingest.synthetic.ModelParameters.NEIGHBOURS;
import static nl.regiomonitor.ingest.synthetic.ModelParameters.REGION_FACTOR_SIGMA;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The regions as the model draws them: each one's factor on where clients live and on prices, its neighbours,
 * and its providers. Drawn once, first of all (regions, then providers), from the simulation's random numbers;
 * apart from {@link Simulation}, which draws the clients.
 */
final class RegionLayout {

    private final ReferenceData ref;
    private final RandomGenerator rng;
    private final int regionCount;
    /** Regional price factor (0.95…1.05, 4 decimals). */
    BigDecimal[] priceFactor;
    /** Where clients live: adults weighted by the region's factor, cumulative. */
    double[] regionCum;
    /** Adults per region, cumulative: where clients move when not to a neighbour, or get care elsewhere. */
    double[] sizeCum;
    /** Per region its neighbours and their cumulative adult weights. */
    int[][] neighbours;

    double[][] neighbourCum;
    int[] providerCode;
    int[] providerOffset;
    int[] providerCount;

    RegionLayout(ReferenceData ref, RandomGenerator rng) {
        this.ref = ref;
        this.rng = rng;
        this.regionCount = ref.regionCodes.size();
        setUpRegions();
        setUpProviders();
    }

    private void setUpRegions() {
        double[] regionFactor = new double[regionCount];
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
}
