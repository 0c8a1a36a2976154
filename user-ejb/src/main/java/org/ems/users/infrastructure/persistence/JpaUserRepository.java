package org.ems.users.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.contracts.paging.JpaPages;
import org.ems.contracts.paging.Page;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
import org.ems.users.domain.Role;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;
import org.ems.users.domain.Usernames;

/** Users in {@code users.app_user} through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    /** The console's list: a word in the username or name, a role; the orders a page may ask for. */
    private static final JpaPages<User> PAGES = new JpaPages<>(
            User.class,
            "User u",
            " where (:text = '' or lower(u.username) like :like or lower(u.name) like :like)"
                    + " and (:anyRole = true or u.role = :role)",
            Map.of(
                    "username",
                    "lower(u.username)",
                    "name",
                    "lower(u.name)",
                    "role",
                    "u.role",
                    "timeZone",
                    "u.timeZone",
                    "created",
                    "u.createdAt"),
            "lower(u.username)");

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

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
    public Optional<User> byEmail(String email) {
        return em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", email.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<User> administratorsWithAddress() {
        return em.createQuery("select u from User u where u.role = :admin and u.emailConfirmed = true", User.class)
                .setParameter("admin", Role.ADMIN)
                .getResultList();
    }

    @Override
    public void seen(Collection<UUID> ids, java.time.Instant at) {
        // not through the entity: being seen is no change of the account (no version, no audit)
        new Sql(db)
                .update(
                        "cannot note who is here",
                        "update users.app_user set last_seen_at = ? where id = any(?::uuid[])",
                        at,
                        ids);
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
    public List<User> withUsernames(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select u from User u where lower(u.username) in :names", User.class)
                .setParameter(
                        "names",
                        usernames.stream().map(Usernames::normal).distinct().toList())
                .getResultList();
    }

    @Override
    public Page<User> page(Query query) {
        return PAGES.page(
                em,
                query.page(),
                JpaPages.search(
                        query.text(),
                        Map.of(
                                "anyRole",
                                query.role() == null,
                                "role",
                                query.role() == null ? Role.CLIENT : query.role())));
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
