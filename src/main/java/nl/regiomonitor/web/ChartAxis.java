package nl.regiomonitor.web;

/** The value axis of the server-drawn charts: grid lines on round numbers. */
public final class ChartAxis {

    private ChartAxis() {}

    /** The distance between grid lines: 1, 2 or 5 times a power of ten, at least {@code value} and at least 1. */
    public static double niceStep(double value) {
        if (value <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double f : new double[] {1, 2, 5}) {
            if (f * power >= value) {
                return f * power;
            }
        }
        return 10 * power;
    }
}
