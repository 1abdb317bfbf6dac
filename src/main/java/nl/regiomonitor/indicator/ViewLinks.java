package nl.regiomonitor.indicator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The links a figures page offers between its published and its unprotected view, and its downloads:
 * the protected ones always, the unprotected ones only in the unprotected view, so a download is
 * protected unless its user chooses otherwise.
 */
public record ViewLinks(
        boolean unprotected,
        boolean allowed,
        String publicPage,
        String internalPage,
        Map<String, String> downloads,
        Map<String, String> unprotectedDownloads) {

    private static final Map<String, String> FORMATS = Map.of("csv", "CSV", "xlsx", "Excel (.xlsx)", "pdf", "PDF");

    /**
     * @param page the published page's path, such as {@code /regions/ZK10}
     * @param download the downloads' path without extension, such as {@code /regions/ZK10/cijfers}
     * @param query the question, such as {@code ?year=2024}, the same for page and downloads
     */
    public static ViewLinks of(View view, boolean allowed, String page, String download, String query) {
        Map<String, String> downloads = new LinkedHashMap<>();
        Map<String, String> unprotectedDownloads = new LinkedHashMap<>();
        for (String format : new String[] {"csv", "xlsx", "pdf"}) {
            downloads.put(FORMATS.get(format), download + "." + format + query);
            if (view == View.UNPROTECTED) {
                unprotectedDownloads.put(FORMATS.get(format), View.INTERNAL_PREFIX + download + "." + format + query);
            }
        }
        return new ViewLinks(
                view == View.UNPROTECTED,
                allowed,
                page + query,
                View.INTERNAL_PREFIX + page + query,
                downloads,
                unprotectedDownloads);
    }
}
