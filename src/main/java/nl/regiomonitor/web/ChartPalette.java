package nl.regiomonitor.web;

/**
 * The colours of the server-drawn charts. WCAG 1.4.11 asks 3:1 for graphics against what they touch: both
 * colours reach it against white and against each other. No third colour can (three colours each 3:1 from
 * white and from one another do not exist), so a chart with more parts than two alternates these, separates
 * them with white and names each part in or beside it, never by colour alone.
 */
public final class ChartPalette {

    /** Navy: 15.4:1 against white; white text on it. */
    public static final String DARK = "#0b2545";
    /** Blue: 3.8:1 against white, 4.1:1 against {@link #DARK}; black text on it (5.6:1). */
    public static final String MID = "#4f86c6";
    /** Text, axes and labels: 12.6:1 against white. */
    public static final String TEXT = "#333333";
    /** Grid lines: decoration, not needed to read the values. */
    public static final String GRID = "#d0d4d9";

    private ChartPalette() {}

    /** The colour of part {@code i} of a chart: the two alternate. */
    public static String fill(int i) {
        return i % 2 == 0 ? DARK : MID;
    }

    /** The colour of text written on {@link #fill(int)}: white on navy, black on blue. */
    public static String textOn(int i) {
        return i % 2 == 0 ? "#ffffff" : "#000000";
    }

    /** WCAG 2.1 contrast ratio of two colours written as {@code #rrggbb}. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double l = 0;
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            l += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }
}
