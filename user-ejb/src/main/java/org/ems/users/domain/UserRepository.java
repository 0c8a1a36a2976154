package org.ems.users.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;

/** Where accounts are kept: the one place that knows how users are found, listed and stored. */
public interface UserRepository {

    Optional<User> find(UUID id);

    /** The user, or a {@link Rejected#notFound} refusal. */
    default User existing(UUID id) {
        return find(id).orElseThrow(() -> Rejected.notFound("no user " + id));
    }

    /** The account of a username as anyone may type it ({@link Usernames#normal}). */
    Optional<User> byUsername(String username);

    /** The account of an e-mail address, in any case. */
    Optional<User> byEmail(String email);

    /** The administrators who have a confirmed address (mail may go to them). */
    List<User> administratorsWithAddress();

    /** These users have an EMS page or socket open at {@code at} ({@link User#lastSeen}). */
    void seen(Collection<UUID> ids, java.time.Instant at);

    /** Every user, by username. */
    List<User> all();

    /** Those of these ids that exist. */
    List<User> withIds(Collection<UUID> ids);

    /** Which users a page lists: a word in the username or name, a role (null: any); the order and the page. */
    record Query(String text, Role role, PageRequest page) {}

    Page<User> page(Query query);

    /** The users of these usernames (in any case) that exist. */
    List<User> withUsernames(Collection<String> usernames);

    long countWithRole(Role role);

    /** Stores a new user at once: a concurrent one of the same name fails here, on the unique index. */
    void add(User user);

    /** Removes a user at once (their sign-ins go with them: on delete cascade). */
    void remove(User user);

    /** The lock under which instances starting together create the first administrator once. */
    long FIRST_ADMINISTRATOR = 0x656d732d61646dL; // "ems-adm"

    /** Waits for, and holds until the transaction ends, a lock shared by every instance (a database advisory lock). */
    void lockUntilCommit(long lock);
}
