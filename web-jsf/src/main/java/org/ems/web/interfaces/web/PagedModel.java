package org.ems.web.interfaces.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The one lazy model of the pages' tables: each page of rows (and how many there are) asked of a service, paged and
 * sorted in the database; a row's key is its id.
 */
final class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Where the rows come from (a backing bean's method: serializable with it). */
    interface Source<T> extends Serializable {
        Page<T> page(PageRequest request);
    }

    /** A row's key (its id, as text). */
    interface Key<T> extends Serializable {
        String of(T row);
    }

    /** What the page does with the rows it is about to show (names to look up with them). */
    interface Shown<T> extends Serializable {
        void rows(List<T> rows);
    }

    private final Source<T> source;
    private final Key<T> key;
    private final Shown<T> shown;

    PagedModel(Source<T> source, Key<T> key) {
        this(source, key, rows -> {});
    }

    PagedModel(Source<T> source, Key<T> key, Shown<T> shown) {
        this.source = source;
        this.key = key;
        this.shown = shown;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) source.page(PageRequest.countOnly()).total();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        List<T> rows = source.page(new PageRequest(
                        first,
                        pageSize,
                        sort == null ? null : sort.getField(),
                        sort != null && sort.getOrder() == SortOrder.DESCENDING))
                .items();
        shown.rows(rows);
        return rows;
    }

    @Override
    public String getRowKey(T row) {
        return key.of(row);
    }
}
