package org.ledgerport.ui.parts;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pages of the invoice list that are in memory: a few pages of rows, the least recently used dropped first,
 * so memory stays flat however far the list is scrolled. Every change of query or reload starts a new generation;
 * a page read for an older generation is refused when it arrives. Used on the UI thread only.
 */
final class InvoiceListPages {

    static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 10;

    private final Map<Integer, List<InvoiceRow>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<InvoiceRow>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Set<Integer> loading = new HashSet<>();
    private int generation;

    static int pageOf(int row) {
        return row / PAGE_SIZE;
    }

    int generation() {
        return generation;
    }

    /** The row at this index, or null while its page is not in memory. */
    InvoiceRow row(int index) {
        List<InvoiceRow> page = pages.get(pageOf(index));
        int offset = index % PAGE_SIZE;
        return page != null && offset < page.size() ? page.get(offset) : null;
    }

    /** Whether the page must be read: it is neither in memory nor being read; if so it counts as being read. */
    boolean startLoading(int page) {
        return !pages.containsKey(page) && loading.add(page);
    }

    /** A read for the page was given up; it may be asked for again. */
    void stopLoading(int generationRead, int page) {
        if (generationRead == generation) {
            loading.remove(page);
        }
    }

    /** Keeps a page read for the current generation; returns false and drops it when it is out of date. */
    boolean accept(int generationRead, int page, List<InvoiceRow> rows) {
        if (generationRead != generation) {
            return false;
        }
        loading.remove(page);
        pages.put(page, List.copyOf(rows));
        return true;
    }

    /**
     * Starts a generation in which the same query is read again: the pages in memory stay on show until
     * {@link #replace} brings fresh ones, but reads still under way are ignored.
     */
    int invalidate() {
        loading.clear();
        return ++generation;
    }

    /** Starts a generation for another query: nothing in memory belongs to it. */
    int reset() {
        pages.clear();
        return invalidate();
    }

    /** Puts the pages a reload read in place of everything in memory, if the reload is still current. */
    boolean replace(int generationRead, Map<Integer, List<InvoiceRow>> fresh) {
        if (generationRead != generation) {
            return false;
        }
        pages.clear();
        fresh.forEach((page, rows) -> pages.put(page, List.copyOf(rows)));
        return true;
    }
}
