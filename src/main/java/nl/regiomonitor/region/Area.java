package nl.regiomonitor.region;

/**
 * What a figure, page or trend is about: one care-office region, or the whole country under the
 * code {@code NL}. The one place that knows that code and the name "Nederland".
 */
public record Area(String code, String name) {

    /** The code of the whole country, next to the region codes ZK01…ZK31. */
    public static final String NATIONAL_CODE = "NL";

    public static final Area NATIONAL = new Area(NATIONAL_CODE, "Nederland");

    public static Area of(Region region) {
        return new Area(region.code(), region.name());
    }

    public static boolean isNational(String code) {
        return NATIONAL_CODE.equals(code);
    }

    public boolean national() {
        return isNational(code);
    }
}
