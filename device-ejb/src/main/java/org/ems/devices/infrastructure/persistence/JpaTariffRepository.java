package org.ems.devices.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.paging.JpaPages;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.devices.domain.StoredTariff;
import org.ems.devices.domain.TariffRepository;

/** Tariffs in {@code devices.tariff} through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaTariffRepository implements TariffRepository {

    private static final JpaPages<StoredTariff> PAGES = new JpaPages<>(
            StoredTariff.class,
            "StoredTariff t",
            "",
            Map.of("name", "lower(t.name)", "created", "t.createdAt"),
            "lower(t.name)");

    @PersistenceContext(unitName = "devices")
    EntityManager em;

    @Override
    public Optional<StoredTariff> find(UUID id) {
        return Optional.ofNullable(em.find(StoredTariff.class, id));
    }

    @Override
    public Page<StoredTariff> page(PageRequest page) {
        return PAGES.page(em, page, Map.of());
    }

    @Override
    public Optional<StoredTariff> byName(String name) {
        return em.createQuery("select t from StoredTariff t where lower(t.name) = :name", StoredTariff.class)
                .setParameter("name", name.toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean inUse(UUID id) {
        return !em.createQuery("select d.id from Device d where d.tariffId = :id", UUID.class)
                .setParameter("id", id)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void add(StoredTariff tariff) {
        em.persist(tariff);
        em.flush();
    }

    @Override
    public void remove(StoredTariff tariff) {
        em.remove(tariff);
        em.flush();
    }
}
