package org.ems.users.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ems.users.domain.Role;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;
import org.ems.users.domain.Usernames;

/** Users in {@code users.app_user} through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    /** The orders a page may ask for, and ties broken by id so that pages never overlap. */
    private static final Map<String, String> SORTABLE = Map.of(
            "username", "lower(u.username)", "name", "lower(u.name)", "role", "u.role", "timeZone", "u.timeZone");

    @PersistenceContext(unitName = "users")
    EntityManager em;

    @Override
    public Optional<User> find(UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    @Override
    public Optional<User> byUsername(String username) {
        return em.createQuery("select u from User u where lower(u.username) = :name", User.class)
                .setParameter("name", Usernames.normal(username))
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<User> all() {
        return em.createQuery("select u from User u order by lower(u.username)", User.class)
                .getResultList();
    }

    @Override
    public List<User> withIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select u from User u where u.id in :ids", User.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    @Override
    public Page page(Query query) {
        String where = " where (:text = '' or lower(u.username) like :like or lower(u.name) like :like)"
                + " and (:anyRole = true or u.role = :role)";
        String text = query.text() == null ? "" : query.text().trim().toLowerCase(Locale.ROOT);
        String like = "%" + text.replace("%", "").replace("_", "") + "%";
        String order = SORTABLE.getOrDefault(String.valueOf(query.sortBy()), "lower(u.username)")
                + (query.descending() ? " desc" : "") + ", u.id";
        var users = em.createQuery("select u from User u" + where + " order by " + order, User.class);
        var total = em.createQuery("select count(u) from User u" + where, Long.class);
        for (var q : List.of(users, total)) {
            q.setParameter("text", text)
                    .setParameter("like", like)
                    .setParameter("anyRole", query.role() == null)
                    .setParameter("role", query.role() == null ? Role.CLIENT : query.role());
        }
        return new Page(
                users.setFirstResult(query.first()).setMaxResults(query.size()).getResultList(),
                total.getSingleResult());
    }

    @Override
    public long countWithRole(Role role) {
        return em.createQuery("select count(u) from User u where u.role = :role", Long.class)
                .setParameter("role", role)
                .getSingleResult();
    }

    @Override
    public void add(User user) {
        em.persist(user);
        em.flush();
    }

    @Override
    public void remove(User user) {
        em.remove(user);
        em.flush();
    }

    @Override
    public void lockUntilCommit(long lock) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, lock)
                .getResultList();
    }
}
