package org.ems.users.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.ems.contracts.paging.JpaPages;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.users.domain.AuditEntry;
import org.ems.users.domain.AuditRepository;

/** The audit log in {@code users.audit_entry} through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    /** Newest first, whatever a page asks. */
    private static final JpaPages<AuditEntry> PAGES = new JpaPages<>(
            AuditEntry.class,
            "AuditEntry a",
            " where (:actor = '' or a.actor = :actor) and (:action = '' or a.action = :action)"
                    + " and (:type = '' or a.targetType = :type)",
            Map.of(),
            "a.at");

    @PersistenceContext(unitName = "users")
    EntityManager em;

    @Override
    public void add(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public Page<AuditEntry> page(Query query, PageRequest page) {
        return PAGES.page(
                em,
                new PageRequest(page.first(), page.size(), null, true),
                Map.of(
                        "actor", blankIfNull(query.actor()),
                        "action", blankIfNull(query.action()),
                        "type", blankIfNull(query.targetType())));
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text.trim();
    }
}
