package org.ems.devices.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.audit.AuditLog;
import org.ems.contracts.meter.MeterSecret;
import org.ems.devices.domain.DeviceRepository;
import org.ems.devices.domain.MeterCredential;

/**
 * Meters' own broker credentials: issued (or rotated: the old password stops working at once) and revoked by an
 * administrator. The password is returned once, when issued, and kept only as a hash; the audit log says when, never
 * what.
 */
@Stateless
public class MeterCredentials {

    @Inject
    DeviceRepository devices;

    @Inject
    AuditLog audit;

    /** A meter's account: the device id, and its password (shown this once). */
    public record Issued(String username, String password) {}

    public Issued issue(UUID deviceId) {
        device(deviceId);
        String password = MeterSecret.generate();
        MeterCredential credential = devices.credential(deviceId).orElse(null);
        Optional<Instant> before = Optional.ofNullable(credential).map(MeterCredential::issuedAt);
        if (credential == null) {
            credential = new MeterCredential(deviceId, MeterSecret.hash(password));
            devices.addCredential(credential);
        } else {
            credential.replace(MeterSecret.hash(password));
        }
        audit.record(
                before.isPresent() ? "CREDENTIAL_ROTATED" : "CREDENTIAL_ISSUED",
                "DEVICE",
                deviceId,
                before.map(MeterCredentials::state).orElse(null),
                state(credential.issuedAt()));
        return new Issued(deviceId.toString(), password);
    }

    /** Revokes the device's credential (none: nothing changes). */
    public void revoke(UUID deviceId) {
        device(deviceId);
        devices.credential(deviceId).ifPresent(credential -> {
            devices.removeCredential(credential);
            audit.record("CREDENTIAL_REVOKED", "DEVICE", deviceId, state(credential.issuedAt()), null);
        });
    }

    /** The device's credential hash, to check a meter's password against; null when it has none. */
    public String storedHash(UUID deviceId) {
        return devices.credential(deviceId).map(MeterCredential::passwordHash).orElse(null);
    }

    /** When the device's credential was issued; empty when it has none. */
    public Optional<Instant> issuedAt(UUID deviceId) {
        return devices.credential(deviceId).map(MeterCredential::issuedAt);
    }

    private void device(UUID deviceId) {
        if (devices.find(deviceId).isEmpty()) {
            throw Rejected.notFound("no device " + deviceId);
        }
    }

    private static Map<String, String> state(Instant issuedAt) {
        return Map.of("credentialIssuedAt", issuedAt.toString());
    }
}
