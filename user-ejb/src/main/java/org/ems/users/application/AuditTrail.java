package org.ems.users.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.audit.AuditLog;
import org.ems.users.domain.AuditEntry;

/**
 * The audit log of administrative changes, written in the changing transaction (a rolled-back change leaves no entry).
 * The actor is the caller's name ({@code upn} of the token), or {@code system} for changes EMS makes itself.
 */
@Stateless
@LocalBean
@Local(AuditLog.class) // the view other modules record their changes through
public class AuditTrail implements AuditLog {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "users")
    EntityManager em;

    @Resource
    SessionContext session;

    /** A page of the log, newest first. */
    public record Page(int page, int size, long total, List<AuditEntry> entries) {}

    @Override
    public void record(String action, String targetType, UUID targetId, Object before, Object after) {
        Principal caller = session.getCallerPrincipal();
        String actor = caller == null || "ANONYMOUS".equals(caller.getName()) ? "system" : caller.getName();
        em.persist(new AuditEntry(actor, action, targetType, targetId, json(before), json(after)));
    }

    public Page page(int page, int size) {
        return page(new AuditQuery(null, null, null), page, size);
    }

    /** Which entries a page shows: by an actor, of an action, of a target type (each optional, exact). */
    public record AuditQuery(String actor, String action, String targetType) implements java.io.Serializable {}

    /** A page of the entries {@code query} selects, newest first. */
    public Page page(AuditQuery query, int page, int size) {
        String where = " where (:actor = '' or a.actor = :actor) and (:action = '' or a.action = :action)"
                + " and (:type = '' or a.targetType = :type)";
        var total = em.createQuery("select count(a) from AuditEntry a" + where, Long.class);
        var entries = em.createQuery(
                "select a from AuditEntry a" + where + " order by a.at desc, a.id desc", AuditEntry.class);
        for (var q : List.of(total, entries)) {
            q.setParameter("actor", blankIfNull(query.actor()))
                    .setParameter("action", blankIfNull(query.action()))
                    .setParameter("type", blankIfNull(query.targetType()));
        }
        return new Page(
                page,
                size,
                total.getSingleResult(),
                entries.setFirstResult(page * size).setMaxResults(size).getResultList());
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text.trim();
    }

    private static String json(Object value) {
        return value == null ? null : JSON.toJson(value);
    }
}
