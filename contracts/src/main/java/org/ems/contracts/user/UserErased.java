package org.ems.contracts.user;

import java.util.UUID;

/**
 * A user erased (GDPR article 17), fired in the erasing transaction after {@link UserDeleted}: what other modules keep
 * of them must stay without their name, {@code alias} in its place ({@code erased-} and the start of the id).
 */
public record UserErased(UUID userId, String alias) {}
