package org.fairrecruit.registry.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a staff list with what its template needs: the total, the links to other pages and
 * sort orders (filters kept), and the export link. Rendered by the fragments in layout/list.html.
 */
public record ListPage<T>(List<T> items, long total, ListQuery query) {
    private static final int PAGE_LINKS_AROUND = 2;

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** 1-based position of the first row shown, 0 when none is. */
    public long from() {
        return items.isEmpty() ? 0 : (long) query.paging().offset() + 1;
    }

    public long to() {
        return (long) query.paging().offset() + items.size();
    }

    public int pageCount() {
        return (int) Math.max(1, (total + query.paging().size() - 1) / query.paging().size());
    }

    /** 1-based, as people count pages. */
    public int pageNumber() {
        return query.paging().page() + 1;
    }

    public boolean hasPrevious() {
        return query.paging().page() > 0;
    }

    public boolean hasNext() {
        return query.paging().page() + 1 < pageCount();
    }

    public String previousHref() {
        return pageHref(Math.min(query.paging().page(), pageCount()));
    }

    public String nextHref() {
        return pageHref(query.paging().page() + 2);
    }

    /** {@code number} counts from 1. */
    public String pageHref(int number) {
        return query.href(number - 1, query.sort(), query.descending());
    }

    /** The first, the last, and the pages around the current one; 0 marks a gap. */
    public List<Integer> pageNumbers() {
        List<Integer> numbers = new ArrayList<>();
        int last = pageCount();
        int current = Math.min(pageNumber(), last);
        for (int n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - current) <= PAGE_LINKS_AROUND) {
                numbers.add(n);
            } else if (numbers.get(numbers.size() - 1) != 0) {
                numbers.add(0);
            }
        }
        return numbers;
    }

    /** Sorting by a column from its header: ascending first, the other way when already sorted by it. */
    public String sortHref(String key) {
        boolean desc = key.equals(query.sort()) ? !query.descending() : false;
        return query.href(0, key, desc);
    }

    /** The header's aria-sort value, or null when the list is not sorted by it. */
    public String ariaSort(String key) {
        return key.equals(query.sort()) ? (query.descending() ? "descending" : "ascending") : null;
    }

    public String exportHref() {
        return query.exportHref();
    }

    public String filter(String name) {
        return query.filter(name);
    }
}
