package org.ems.contracts.audit;

import java.util.UUID;

/**
 * The audit log of administrative changes (implemented by user-ejb, kept in {@code users.audit_entry}): every module
 * records its changes here, in the changing transaction, so one log answers "who changed what".
 */
public interface AuditLog {

    /**
     * Records a change of {@code targetType} {@code targetId}; {@code before} and {@code after} are serialised to JSON
     * (null where the target did not exist).
     */
    void record(String action, String targetType, UUID targetId, Object before, Object after);
}
