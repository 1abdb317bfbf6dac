package nl.regiomonitor.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/** What every server-drawn chart writes the same way: its opening with title and description, numbers, text. */
public final class Svg {

    private Svg() {}

    /**
     * The {@code <svg>} element of a chart {@code width} × {@code height} with its title and description, which a
     * screen reader reads (ids {@code id-title} and {@code id-desc}); the caller appends the drawing and
     * {@code </svg>}.
     */
    public static StringBuilder open(String id, String title, int width, int height, String description) {
        return new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\">")
                .append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(title))
                .append("</title>")
                .append("<desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
    }

    /**
     * A coordinate with one decimal, exactly as {@code String.format(Locale.ROOT, "%.1f", v)} writes it (half up
     * from the shortest decimal form of the double, "-0.0" kept), without parsing a format for each of the
     * thousands of numbers of a chart: the format took most of the time of drawing one.
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        BigDecimal rounded = new BigDecimal(Double.toString(v)).setScale(1, RoundingMode.HALF_UP);
        String plain = rounded.toPlainString();
        return rounded.signum() == 0 && Double.doubleToRawLongBits(v) < 0 ? "-" + plain : plain;
    }

    /** Text as it may stand in an element or attribute. */
    public static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
