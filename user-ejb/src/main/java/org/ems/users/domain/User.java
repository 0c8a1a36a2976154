package org.ems.users.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** An EMS account. The password is kept only as a salted PBKDF2 hash. */
@Entity
@Table(name = "app_user", schema = "users")
public class User {

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    /** The pages' language; null follows the browser's. */
    @Column(length = 8)
    private String language;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected User() {}

    public User(String username, String passwordHash, String name, Role role, String timeZone) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = passwordHash;
        this.name = name;
        this.role = role;
        this.timeZone = timeZone;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    public String name() {
        return name;
    }

    public String timeZone() {
        return timeZone;
    }

    public java.util.Optional<String> language() {
        return java.util.Optional.ofNullable(language);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void update(String name, Role role, String timeZone) {
        this.name = name;
        this.role = role;
        this.timeZone = timeZone;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** What a user changes of themselves, besides their password: zone and language. */
    public void changePreferences(String timeZone, String language) {
        this.timeZone = timeZone;
        this.language = language;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
