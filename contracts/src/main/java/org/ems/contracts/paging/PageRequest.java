package org.ems.contracts.paging;

import java.io.Serializable;

/**
 * Which slice of a list a caller asks for: from the {@code first}-th item, {@code size} of them, ordered by
 * {@code sortBy} (null: the list's own order), ties broken by id so that pages never overlap.
 */
public record PageRequest(int first, int size, String sortBy, boolean descending) implements Serializable {

    /** The {@code page}-th page (from 0) of {@code size} items, in the list's own order. */
    public static PageRequest page(int page, int size) {
        return new PageRequest(page * size, size, null, false);
    }

    /** The whole list, in its own order: for lists that stay short (tariffs, webhooks). */
    public static PageRequest all() {
        return new PageRequest(0, Integer.MAX_VALUE, null, false);
    }

    /** Only how many there are: the smallest page. */
    public static PageRequest countOnly() {
        return new PageRequest(0, 1, null, false);
    }
}
