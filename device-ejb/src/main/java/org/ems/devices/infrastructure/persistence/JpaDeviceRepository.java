package org.ems.devices.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.paging.JpaPages;
import org.ems.contracts.paging.Page;
import org.ems.devices.domain.Device;
import org.ems.devices.domain.DeviceRepository;
import org.ems.devices.domain.MeterCredential;

/** Devices in {@code devices.device} through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaDeviceRepository implements DeviceRepository {

    /** Stands for "no owner given" in queries (binding a null UUID trips EclipseLink). */
    private static final UUID NOBODY = new UUID(0, 0);

    /** The orders a page may ask for, and ties broken by id so that pages never overlap. */
    /** The console's list: a word in the name, description or address; an owner's, or unassigned ones. */
    private static final JpaPages<Device> PAGES = new JpaPages<>(
            Device.class,
            "Device d",
            " where (:text = '' or lower(d.name) like :like or lower(d.description) like :like"
                    + " or lower(d.address) like :like)"
                    + " and (:anyOwner = true or d.ownerId = :owner)"
                    + " and (:unassigned = false or d.ownerId is null)",
            Map.of(
                    "name",
                    "lower(d.name)",
                    "maxHourlyKwh",
                    "d.maxHourlyKwh",
                    "timeZone",
                    "d.timeZone",
                    "created",
                    "d.createdAt"),
            "lower(d.name)");

    @PersistenceContext(unitName = "devices")
    EntityManager em;

    @Override
    public Optional<Device> find(UUID id) {
        return Optional.ofNullable(em.find(Device.class, id));
    }

    @Override
    public List<Device> byName(UUID owner) {
        return owner == null
                ? em.createQuery("select d from Device d order by lower(d.name), d.id", Device.class)
                        .getResultList()
                : em.createQuery(
                                "select d from Device d where d.ownerId = :owner order by lower(d.name), d.id",
                                Device.class)
                        .setParameter("owner", owner)
                        .getResultList();
    }

    @Override
    public List<Device> ownedBy(UUID owner) {
        return em.createQuery("select d from Device d where d.ownerId = :owner", Device.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    @Override
    public List<Device> all() {
        return em.createQuery("select d from Device d order by d.id", Device.class)
                .getResultList();
    }

    @Override
    public Page<Device> page(Query query) {
        return PAGES.page(
                em,
                query.page(),
                JpaPages.search(
                        query.text(),
                        Map.of(
                                "anyOwner",
                                query.owner() == null,
                                "owner",
                                query.owner() == null ? NOBODY : query.owner(),
                                "unassigned",
                                query.unassignedOnly())));
    }

    @Override
    public void add(Device device) {
        em.persist(device);
    }

    @Override
    public void remove(Device device) {
        em.remove(device);
    }

    @Override
    public Optional<MeterCredential> credential(UUID deviceId) {
        return Optional.ofNullable(em.find(MeterCredential.class, deviceId));
    }

    @Override
    public void addCredential(MeterCredential credential) {
        em.persist(credential);
    }

    @Override
    public void removeCredential(MeterCredential credential) {
        em.remove(credential);
    }
}
