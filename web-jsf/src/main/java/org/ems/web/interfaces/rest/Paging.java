package org.ems.web.interfaces.rest;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ems.contracts.paging.PageRequest;

/**
 * A page of a list as a request asks for it ({@code ?page=&size=}), within the bounds every paged endpoint keeps:
 * {@code page} 0 or more, {@code size} 1 to {@value #MAX_SIZE}, and {@code page} x {@code size} within a 32-bit count
 * of rows. Anything else, a number or not, is a 400 with the rule, never a 500 or a 404.
 */
record Paging(int page, int size) {

    static final int MAX_SIZE = 500;

    /** The size of a list's page when the request names none. */
    static final int DEFAULT_SIZE = 100;

    /** The total of a list, whatever page was asked for. */
    static final String TOTAL_HEADER = "X-Total-Count";

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

    /** The page as the services take it, in the list's own order. */
    PageRequest request() {
        return PageRequest.page(page, size);
    }

    /**
     * The page in the order {@code sort} names: a field, descending with a leading {@code -}, one of {@code sortable};
     * none: {@code defaultSort}. Any other is a 400 naming the orders there are.
     */
    PageRequest request(String sort, List<String> sortable, String defaultSort) {
        String named = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        boolean descending = named.startsWith("-");
        String field = descending ? named.substring(1) : named;
        if (!sortable.contains(field)) {
            throw Problem.badRequest("sort must be one of " + String.join(", ", sortable) + " (descending: -name)");
        }
        return new PageRequest(page * size, size, field, descending);
    }

    /**
     * The answer with a page of a list: the items (a JSON array), the list's total in {@value #TOTAL_HEADER}, and RFC
     * 8288 {@code Link}s to its {@code first}, {@code prev}, {@code next} and {@code last} pages: absolute, with the
     * request's other parameters, so that a caller follows {@code next} until there is none.
     */
    Response answer(UriInfo uri, long total, Object items) {
        long last = total == 0 ? 0 : (total - 1) / size;
        List<Link> links = new ArrayList<>(List.of(link(uri, 0, "first"), link(uri, last, "last")));
        if (page > 0) {
            links.add(link(uri, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(uri, page + 1L, "next"));
        }
        return Response.ok(items)
                .header(TOTAL_HEADER, total)
                .links(links.toArray(Link[]::new))
                .build();
    }

    private Link link(UriInfo uri, long toPage, String rel) {
        return Link.fromUri(uri.getRequestUriBuilder()
                        .replaceQueryParam("page", toPage)
                        .replaceQueryParam("size", size)
                        .build())
                .rel(rel)
                .build();
    }

    /** A {@code true}/{@code false} parameter, empty when not given; a 400 when it is anything else. */
    static Optional<Boolean> flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw Problem.badRequest(name + " must be true or false");
        };
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
