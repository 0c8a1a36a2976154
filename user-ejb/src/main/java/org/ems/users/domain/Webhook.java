package org.ems.users.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A URL that EMS POSTs events to, signed with the hook's secret. A hook whose deliveries have failed for a day without
 * a success is disabled until an administrator enables it again.
 */
@Entity
@Table(name = "webhook", schema = "users")
public class Webhook {

    /** The events a hook may ask for. */
    public static final Set<String> EVENTS = Set.of(
            "alert.raised", "alert.withdrawn", "alert.resolved", "device.created", "device.changed", "device.deleted");

    /** The event of "send a test event", which goes to the one hook whatever it asked for. */
    public static final String TEST_EVENT = "webhook.test";

    @Id
    private UUID id;

    @Column(nullable = false, length = 2000)
    private String url;

    /** The events, separated by commas. */
    @Column(nullable = false, length = 1000)
    private String events;

    @Column(nullable = false, length = 200)
    private String secret;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "disabled_at")
    private OffsetDateTime disabledAt;

    /** Set and cleared by the deliveries ({@link WebhookDeliveries#failing}); cleared when it is enabled again. */
    @Column(name = "failing_since")
    private OffsetDateTime failingSince;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Webhook() {}

    public Webhook(String url, Set<String> events, String secret, boolean enabled) {
        this.id = UUID.randomUUID();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.secret = secret;
        change(url, events, enabled);
    }

    public UUID id() {
        return id;
    }

    public String url() {
        return url;
    }

    public Set<String> events() {
        return new LinkedHashSet<>(Arrays.asList(events.split(",")));
    }

    public String secret() {
        return secret;
    }

    public boolean enabled() {
        return enabled;
    }

    /** When it was disabled (by an administrator, or after a day of failures); empty while enabled. */
    public Optional<Instant> disabledAt() {
        return Optional.ofNullable(disabledAt).map(OffsetDateTime::toInstant);
    }

    /** Since when its deliveries fail without a success, as of loading. */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince).map(OffsetDateTime::toInstant);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public void change(String url, Set<String> events, boolean enabled) {
        this.url = url;
        this.events = String.join(",", new java.util.TreeSet<>(events));
        if (!enabled && disabledAt == null) {
            this.disabledAt = OffsetDateTime.now(ZoneOffset.UTC);
        } else if (enabled && !this.enabled) {
            this.disabledAt = null;
            this.failingSince = null; // a new start: a day of failures from now on disables it again
        }
        this.enabled = enabled;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void changeSecret(String secret) {
        this.secret = secret;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
