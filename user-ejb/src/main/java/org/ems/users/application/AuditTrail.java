package org.ems.users.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.security.Principal;
import java.util.UUID;
import org.ems.contracts.audit.AuditLog;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.users.domain.AuditEntry;
import org.ems.users.domain.AuditRepository;

/**
 * The audit log of administrative changes, written in the changing transaction (a rolled-back change leaves no entry).
 * The actor is the caller's name ({@code upn} of the token), or {@code system} for changes EMS makes itself.
 */
@Stateless
@LocalBean
@Local(AuditLog.class) // the view other modules record their changes through
public class AuditTrail implements AuditLog {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    AuditRepository entries;

    @Resource
    SessionContext session;

    @Override
    public void record(String action, String targetType, UUID targetId, Object before, Object after) {
        Principal caller = session.getCallerPrincipal();
        String actor = caller == null || "ANONYMOUS".equals(caller.getName()) ? "system" : caller.getName();
        entries.add(new AuditEntry(actor, action, targetType, targetId, json(before), json(after)));
    }

    /** A page of the entries {@code query} selects, newest first. */
    public Page<AuditEntry> page(AuditRepository.Query query, PageRequest page) {
        return entries.page(query, page);
    }

    private static String json(Object value) {
        return value == null ? null : JSON.toJson(value);
    }
}
