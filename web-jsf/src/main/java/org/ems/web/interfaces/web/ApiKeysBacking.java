package org.ems.web.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.ems.contracts.access.Rejected;
import org.ems.users.application.ApiKeyRequest;
import org.ems.users.application.ApiKeyView;
import org.ems.users.application.ApiKeys;

/** The console's API keys page: make a key for a back-office system (shown once), see when each was last used, revoke. */
@Named
@ViewScoped
public class ApiKeysBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiKeys keys;

    private String name;
    private String role = "READER";
    private LocalDate expires;
    private String newKey;

    public List<ApiKeyView> getKeys() {
        return keys.all();
    }

    public void create() {
        try {
            // The end of the chosen day, UTC: a key "until 31 December" works all that day.
            Instant expiresAt =
                    expires == null ? null : expires.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            newKey = keys.create(new ApiKeyRequest(name, role, expiresAt)).key();
            name = null;
            expires = null;
            PageMessages.done("apiKeys.created");
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "apiKeysForm");
        }
    }

    public void revoke(ApiKeyView key) {
        keys.revoke(key.id());
        PageMessages.done("apiKeys.revoked");
    }

    /** The key just made, shown once. */
    public String getNewKey() {
        return newKey;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public LocalDate getExpires() {
        return expires;
    }

    public void setExpires(LocalDate expires) {
        this.expires = expires;
    }
}
