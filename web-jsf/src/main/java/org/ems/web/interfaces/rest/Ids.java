package org.ems.web.interfaces.rest;

import java.util.Optional;
import java.util.UUID;

/** Path ids of the API. */
final class Ids {

    private Ids() {}

    /** The id as a UUID, or a 400 problem naming what it should identify. */
    static UUID uuid(String text, String what) {
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw Problem.badRequest(what + " id must be a UUID, not '" + text + "'");
    }

    /** An optional id parameter: empty when absent or blank, else as {@link #uuid}. */
    static Optional<UUID> optional(String text, String what) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(uuid(text, what));
    }
}
