package org.ems.users.domain;

import java.util.UUID;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;

/** Where the audit log is kept. */
public interface AuditRepository {

    /** Which entries a page shows: by an actor, of an action, of a target type (each optional: null, exact). */
    record Query(String actor, String action, String targetType) implements java.io.Serializable {}

    void add(AuditEntry entry);

    /**
     * Takes a person's name out of the log: their entries as actor, and the username, name and address in the entries
     * about them (and the keys they made), become {@code alias}; what was done, and when, stays.
     */
    void anonymise(UUID userId, String username, String alias);

    /** A page of the entries {@code query} selects, newest first. */
    Page<AuditEntry> page(Query query, PageRequest page);
}
