package org.ems.devices.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ems.devices.domain.Device;
import org.ems.devices.domain.DeviceRepository;

/** Devices in {@code devices.device} through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaDeviceRepository implements DeviceRepository {

    /** Stands for "no owner given" in queries (binding a null UUID trips EclipseLink). */
    private static final UUID NOBODY = new UUID(0, 0);

    /** The orders a page may ask for, and ties broken by id so that pages never overlap. */
    private static final Map<String, String> SORTABLE =
            Map.of("name", "lower(d.name)", "maxHourlyKwh", "d.maxHourlyKwh", "timeZone", "d.timeZone");

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
    public Page page(Query query) {
        String where = " where (:text = '' or lower(d.name) like :like or lower(d.description) like :like"
                + " or lower(d.address) like :like)"
                + " and (:anyOwner = true or d.ownerId = :owner)"
                + " and (:unassigned = false or d.ownerId is null)";
        String text = query.text() == null ? "" : query.text().trim().toLowerCase(Locale.ROOT);
        String order = SORTABLE.getOrDefault(String.valueOf(query.sortBy()), "lower(d.name)")
                + (query.descending() ? " desc" : "") + ", d.id";
        var devices = em.createQuery("select d from Device d" + where + " order by " + order, Device.class);
        var total = em.createQuery("select count(d) from Device d" + where, Long.class);
        for (var q : List.of(devices, total)) {
            q.setParameter("text", text)
                    .setParameter("like", "%" + text.replace("%", "").replace("_", "") + "%")
                    .setParameter("anyOwner", query.owner() == null)
                    .setParameter("owner", query.owner() == null ? NOBODY : query.owner())
                    .setParameter("unassigned", query.unassignedOnly());
        }
        return new Page(
                devices.setFirstResult(query.first())
                        .setMaxResults(query.size())
                        .getResultList(),
                total.getSingleResult());
    }

    @Override
    public void add(Device device) {
        em.persist(device);
    }

    @Override
    public void remove(Device device) {
        em.remove(device);
    }
}
