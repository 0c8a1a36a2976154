package org.ems.users.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalTime;
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

    /** Where mail goes, once confirmed; null: none. */
    @Column(length = 254)
    private String email;

    @Column(name = "email_confirmed", nullable = false)
    private boolean emailConfirmed;

    @Column(name = "notify_alerts", nullable = false)
    private boolean notifyAlerts = true;

    @Column(name = "notify_all_alerts", nullable = false)
    private boolean notifyAllAlerts;

    @Column(name = "notify_chat", nullable = false)
    private boolean notifyChat = true;

    /** Quiet hours in the user's zone: both or neither. */
    @Column(name = "quiet_from")
    private LocalTime quietFrom;

    @Column(name = "quiet_to")
    private LocalTime quietTo;

    @Column(name = "daily_digest", nullable = false)
    private boolean dailyDigest;

    /** When they last had a page or socket open; written apart from the entity ({@link UserRepository#seen}). */
    @Column(name = "last_seen_at", insertable = false, updatable = false)
    private OffsetDateTime lastSeenAt;

    /** The key of the one-click unsubscribe link in the user's notifications; null until the first. */
    @Column(name = "unsubscribe_key", length = 64)
    private String unsubscribeKey;

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

    public java.util.Optional<String> email() {
        return java.util.Optional.ofNullable(email);
    }

    /** The address mail may go to: a confirmed one. */
    public java.util.Optional<String> confirmedEmail() {
        return emailConfirmed ? email() : java.util.Optional.empty();
    }

    public boolean emailConfirmed() {
        return emailConfirmed;
    }

    /**
     * Sets the address (null: none); whether it is a new one. A new one is confirmed when an administrator gives it,
     * else once its owner follows the mailed link; the same address (in any case) keeps its confirmation.
     */
    public boolean changeEmail(String email, boolean confirmed) {
        boolean isNew = this.email == null ? email != null : !this.email.equalsIgnoreCase(String.valueOf(email));
        if (isNew || !java.util.Objects.equals(this.email, email)) {
            this.email = email;
            this.emailConfirmed = isNew ? email != null && confirmed : emailConfirmed;
            this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return isNew;
    }

    /** The link mailed to {@code email} was followed: if it is still the user's address, it is confirmed. */
    public boolean confirmEmail(String email) {
        if (!email.equals(this.email)) {
            return false;
        }
        this.emailConfirmed = true;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return true;
    }

    /** What they want mailed, and when (every alert only if they are an administrator). */
    public NotificationPreferences notifications() {
        return new NotificationPreferences(
                notifyAlerts,
                notifyAllAlerts && role == Role.ADMIN,
                notifyChat,
                quietFrom == null ? null : new NotificationPreferences.QuietHours(quietFrom, quietTo),
                dailyDigest);
    }

    public void changeNotifications(NotificationPreferences preferences) {
        this.notifyAlerts = preferences.alerts();
        this.notifyAllAlerts = preferences.allAlerts();
        this.notifyChat = preferences.chat();
        this.quietFrom = preferences.quietHours() == null
                ? null
                : preferences.quietHours().from();
        this.quietTo = preferences.quietHours() == null
                ? null
                : preferences.quietHours().to();
        this.dailyDigest = preferences.dailyDigest();
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** When they last had an EMS page or socket open, as of loading; empty: never. */
    public java.util.Optional<java.time.Instant> lastSeen() {
        return java.util.Optional.ofNullable(lastSeenAt).map(OffsetDateTime::toInstant);
    }

    /** The key of their unsubscribe links, made once. */
    public String unsubscribeKey(java.util.function.Supplier<String> newKey) {
        if (unsubscribeKey == null) {
            unsubscribeKey = newKey.get();
        }
        return unsubscribeKey;
    }

    /** Whether {@code key} is the key of their unsubscribe links (compared in constant time). */
    public boolean unsubscribesWith(String key) {
        return unsubscribeKey != null
                && key != null
                && java.security.MessageDigest.isEqual(
                        unsubscribeKey.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
