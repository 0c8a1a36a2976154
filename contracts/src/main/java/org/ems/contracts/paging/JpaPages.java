package org.ems.contracts.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pages of a JPQL query, paged and sorted in the database: the rows of the requested slice, in the requested order
 * (one of the orders the list allows, else its default; ties broken by id so that pages never overlap), and how many
 * rows match in all, with the same parameters.
 *
 * @param entity the entity and its alias, e.g. {@code "Device d"}
 * @param where the condition, e.g. {@code " where d.ownerId = :owner"} (or empty)
 * @param sortable the orders a request may name: a field to its JPQL expression
 * @param defaultOrder the JPQL expression of the list's own order
 */
public record JpaPages<T>(
        Class<T> type, String entity, String where, Map<String, String> sortable, String defaultOrder) {

    public Page<T> page(EntityManager em, PageRequest request, Map<String, Object> parameters) {
        String alias = entity.substring(entity.indexOf(' ') + 1);
        String order = sortable.getOrDefault(String.valueOf(request.sortBy()), defaultOrder)
                + (request.descending() ? " desc" : "") + ", " + alias + ".id" + (request.descending() ? " desc" : "");
        TypedQuery<T> rows = em.createQuery("select " + alias + " from " + entity + where + " order by " + order, type);
        TypedQuery<Long> total = em.createQuery("select count(" + alias + ") from " + entity + where, Long.class);
        for (TypedQuery<?> query : List.of(rows, total)) {
            parameters.forEach(query::setParameter);
        }
        return new Page<>(
                rows.setFirstResult(request.first())
                        .setMaxResults(request.size())
                        .getResultList(),
                total.getSingleResult());
    }

    /**
     * The parameters of a search word, with {@code more} of the list's own: {@code :text} (trimmed, lower case; empty
     * for none) and {@code :like}, a pattern that finds it anywhere (the word's own wildcards taken out).
     */
    public static Map<String, Object> search(String text, Map<String, Object> more) {
        String word = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Map<String, Object> parameters = new HashMap<>(more);
        parameters.put("text", word);
        parameters.put("like", "%" + word.replace("%", "").replace("_", "") + "%");
        return parameters;
    }
}
