package org.ems.users.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;

/**
 * A new API key as an administrator asks for it: a name saying what uses it, its role, and when it expires (left out:
 * never). A bean, not a record: Payara's OpenAPI generator fails on constraints of record constructor parameters.
 */
public class ApiKeyRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "name is required")
    @Size(max = 100, message = "name must have at most 100 characters")
    private String name;

    @NotNull(message = "role must be ADMIN or READER")
    @Pattern(regexp = "ADMIN|READER", message = "role must be ADMIN or READER")
    private String role;

    private Instant expiresAt;

    public ApiKeyRequest() {}

    public ApiKeyRequest(String name, String role, Instant expiresAt) {
        this.name = name;
        this.role = role;
        this.expiresAt = expiresAt;
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

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }
}
