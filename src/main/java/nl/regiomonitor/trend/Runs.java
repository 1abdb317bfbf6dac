package nl.regiomonitor.trend;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Anhøj's rules applied to a stretch of values, with the points that belong to a run longer than the limit, so
 * the chart can mark them. Points on the median are skipped: they neither break nor extend a run.
 */
record Runs(RunRules rules, boolean[] inLongRun) {

    static Runs analyse(double[] values) {
        boolean[] inLongRun = new boolean[values.length];
        if (values.length == 0) {
            return new Runs(new RunRules(0, 0, 0, 0), inLongRun);
        }
        double median = new Median().evaluate(values);
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> run = null;
        int side = 0;
        int useful = 0;
        for (int i = 0; i < values.length; i++) {
            int s = (int) Math.signum(values[i] - median);
            if (s == 0) {
                continue;
            }
            useful++;
            if (s != side) {
                run = new ArrayList<>();
                runs.add(run);
                side = s;
            }
            run.add(i);
        }
        int longestRunLimit = RunRules.longestRunLimit(useful);
        int longest = 0;
        for (List<Integer> r : runs) {
            longest = Math.max(longest, r.size());
            if (r.size() > longestRunLimit) {
                r.forEach(i -> inLongRun[i] = true);
            }
        }
        int crossings = Math.max(0, runs.size() - 1);
        return new Runs(new RunRules(longest, longestRunLimit, crossings, RunRules.crossingsLimit(useful)), inLongRun);
    }
}
