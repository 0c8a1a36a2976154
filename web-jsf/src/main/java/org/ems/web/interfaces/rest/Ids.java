package org.ems.web.interfaces.rest;

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
}
