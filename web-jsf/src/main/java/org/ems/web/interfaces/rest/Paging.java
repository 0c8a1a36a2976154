package org.ems.web.interfaces.rest;

import org.ems.contracts.paging.PageRequest;

/**
 * A page of a list as a request asks for it ({@code ?page=&size=}), within the bounds every paged endpoint keeps:
 * {@code page} 0 or more, {@code size} 1 to {@value #MAX_SIZE}, and {@code page} x {@code size} within a 32-bit count
 * of rows. Anything else, a number or not, is a 400 with the rule, never a 500 or a 404.
 */
record Paging(int page, int size) {

    static final int MAX_SIZE = 500;

    static Paging of(String page, String size, int defaultSize) {
        Paging paging = new Paging(number("page", page, 0), number("size", size, defaultSize));
        if (paging.page() < 0) {
            throw Problem.badRequest("page must be 0 or more");
        }
        if (paging.size() < 1 || paging.size() > MAX_SIZE) {
            throw Problem.badRequest("size must be 1 to " + MAX_SIZE);
        }
        if ((long) paging.page() * paging.size() > Integer.MAX_VALUE) {
            throw Problem.badRequest("page x size must be at most " + Integer.MAX_VALUE);
        }
        return paging;
    }

    /** The page as the services take it. */
    PageRequest request() {
        return PageRequest.page(page, size);
    }

    /** A whole-number parameter, {@code absent} when not given; a 400 when it is not a number. */
    static int number(String name, String value, int absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + " must be a whole number");
        }
    }
}
