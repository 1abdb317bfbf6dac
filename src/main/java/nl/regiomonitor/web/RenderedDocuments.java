package nl.regiomonitor.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered documents by a digest of their source (so the cache holds no copy of the larger source), the least
 * recently used dropped first once their bytes pass a budget. Keyed by what was rendered, not by what it was made
 * from, so a changed figure, text or publication can never be answered with an old document, on this instance or on
 * any other.
 */
final class RenderedDocuments {

    private final long budget;
    private final LinkedHashMap<String, byte[]> documents = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    RenderedDocuments(long budget) {
        this.budget = budget;
    }

    /** The document rendered from the source with this key, or null. */
    synchronized byte[] get(String key) {
        return documents.get(key);
    }

    /** Keeps a document; one larger than the whole budget is not kept. */
    synchronized void put(String key, byte[] document) {
        if (document.length > budget) {
            return;
        }
        byte[] earlier = documents.put(key, document);
        bytes += document.length - (earlier == null ? 0 : earlier.length);
        Iterator<Map.Entry<String, byte[]>> oldestFirst = documents.entrySet().iterator();
        while (bytes > budget) {
            bytes -= oldestFirst.next().getValue().length;
            oldestFirst.remove();
        }
    }
}
