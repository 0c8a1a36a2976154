package org.ems.users.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;
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
    public void anonymise(UUID userId, String username, String alias) {
        em.createNativeQuery("update users.audit_entry set actor = ?1 where lower(actor) = lower(?2)")
                .setParameter(1, alias)
                .setParameter(2, username)
                .executeUpdate();
        for (String column : new String[] {"before", "after"}) {
            // the user's own views: username and name replaced, the address gone
            em.createNativeQuery("update users.audit_entry set " + column + " = (" + column
                            + " - 'email' - 'name' - 'username') || jsonb_build_object('username', ?1::text, 'name', ?1::text)"
                            + " where target_type = 'USER' and target_id = ?2 and " + column + " is not null")
                    .setParameter(1, alias)
                    .setParameter(2, userId)
                    .executeUpdate();
            em.createNativeQuery("update users.audit_entry set " + column + " = jsonb_set(" + column
                            + ", '{createdBy}', to_jsonb(?1::text)) where target_type = 'API_KEY'"
                            + " and lower(" + column + " ->> 'createdBy') = lower(?2)")
                    .setParameter(1, alias)
                    .setParameter(2, username)
                    .executeUpdate();
        }
        em.createNativeQuery("update users.api_key set created_by = ?1 where lower(created_by) = lower(?2)")
                .setParameter(1, alias)
                .setParameter(2, username)
                .executeUpdate();
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
