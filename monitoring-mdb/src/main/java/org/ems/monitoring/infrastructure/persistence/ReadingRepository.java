package org.ems.monitoring.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.reading.MeterReading;
import org.ems.monitoring.domain.RegisterReading;

/** Stored meter readings. */
@ApplicationScoped
public class ReadingRepository {

    @PersistenceContext(unitName = "monitoring")
    private EntityManager em;

    /**
     * Stores the reading unless one with the same device and timestamp exists; false for such a duplicate. The
     * database decides, so concurrent deliveries of one reading store it once without failing either transaction.
     */
    public boolean addIfAbsent(MeterReading reading) {
        return em.createNativeQuery("insert into monitoring.meter_reading (device_id, reading_time, kwh, received_at)"
                                + " values (?, ?, ?, ?) on conflict do nothing")
                        .setParameter(1, reading.deviceId())
                        .setParameter(2, StoredReading.utc(reading.timestamp()))
                        .setParameter(3, reading.kwh())
                        .setParameter(4, StoredReading.utc(Instant.now()))
                        .executeUpdate()
                == 1;
    }

    /**
     * The device's readings in {@code [from, to]}, plus the last one before and the first one after, so that every
     * interval overlapping the range is complete; in time order.
     */
    public List<RegisterReading> readingsAround(UUID deviceId, Instant from, Instant to) {
        List<RegisterReading> readings = new ArrayList<>();
        readings.addAll(query("select r from StoredReading r where r.deviceId = :device and r.readingTime < :t"
                + " order by r.readingTime desc", deviceId, from, 1));
        readings.addAll(em.createQuery("select r from StoredReading r where r.deviceId = :device"
                                + " and r.readingTime >= :from and r.readingTime <= :to order by r.readingTime",
                        StoredReading.class)
                .setParameter("device", deviceId)
                .setParameter("from", StoredReading.utc(from))
                .setParameter("to", StoredReading.utc(to))
                .getResultStream()
                .map(ReadingRepository::toDomain)
                .toList());
        readings.addAll(query("select r from StoredReading r where r.deviceId = :device and r.readingTime > :t"
                + " order by r.readingTime", deviceId, to, 1));
        return readings;
    }

    private List<RegisterReading> query(String jpql, UUID deviceId, Instant t, int max) {
        return em.createQuery(jpql, StoredReading.class)
                .setParameter("device", deviceId)
                .setParameter("t", StoredReading.utc(t))
                .setMaxResults(max)
                .getResultStream()
                .map(ReadingRepository::toDomain)
                .toList();
    }

    private static RegisterReading toDomain(StoredReading stored) {
        return new RegisterReading(stored.readingTime(), stored.kwh());
    }
}
