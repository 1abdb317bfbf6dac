package nl.regiomonitor.indicator;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whom figures are for: everyone (published, protected) or people with the right to see the
 * unprotected figures inside the system (SPEC.md §4), under {@code /intern/…}, marked as not for
 * publication in the page and in every download.
 */
public enum View {
    PUBLISHED,
    UNPROTECTED;

    /** Where the unprotected pages and downloads live. */
    public static final String INTERNAL_PREFIX = "/intern";

    private static final String MARK = "NIET VOOR PUBLICATIE — ";

    public static View of(HttpServletRequest request) {
        return request.getRequestURI()
                        .substring(request.getContextPath().length())
                        .startsWith(INTERNAL_PREFIX + "/")
                ? UNPROTECTED
                : PUBLISHED;
    }

    /** The cell as published, or the count itself. */
    public Cell cell(Cell published, long count) {
        return this == PUBLISHED ? published : Cell.ofCount(count);
    }

    /** Whether something that is shown only when its cells are (a change, a rate, a share) is shown here. */
    public boolean shows(boolean whenPublished) {
        return this == UNPROTECTED || whenPublished;
    }

    /** A table caption or document title, marked when not for publication. */
    public String mark(String caption) {
        return this == PUBLISHED ? caption : MARK + caption;
    }

    /** A download's file name stem, marked when not for publication. */
    public String fileStem(String stem) {
        return this == PUBLISHED ? stem : stem + "-onbeschermd";
    }
}
