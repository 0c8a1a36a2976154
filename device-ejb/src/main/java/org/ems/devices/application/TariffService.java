package org.ems.devices.application;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.audit.AuditLog;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.contracts.tariff.Tariff;
import org.ems.contracts.tariff.TariffDirectory;
import org.ems.devices.domain.StoredTariff;
import org.ems.devices.domain.TariffRepository;

/**
 * The tariffs administrators keep (the API and the console check the role; everyone signed in may read them): each
 * checked whole ({@link Tariff#problems}), names unique, one in use by a device kept. Every change audited.
 */
@Stateless
@LocalBean
@Local(TariffDirectory.class) // the view monitoring uses, besides the bean itself
public class TariffService implements TariffDirectory {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Type VERSIONS =
            new ArrayList<TariffRequest.VersionItem>() {}.getClass().getGenericSuperclass();

    @Inject
    TariffRepository tariffs;

    @Inject
    AuditLog audit;

    /** Every tariff, by name (the console's lists: a handful). */
    public List<TariffView> list() {
        return page(PageRequest.all()).items();
    }

    public Page<TariffView> page(PageRequest page) {
        return tariffs.page(page).map(TariffService::view);
    }

    public TariffView find(UUID id) {
        return view(existing(id));
    }

    /** The tariff a device's hours are priced by; empty when there is none of this id. */
    @Override
    public Optional<Tariff> tariff(UUID id) {
        return tariffs.find(id).map(stored -> parse(stored.id(), request(stored)));
    }

    public TariffView create(TariffRequest request) {
        parse(null, request);
        unique(null, request.getName());
        StoredTariff tariff = new StoredTariff(
                request.getName().strip(), request.getCurrency(), JSON.toJson(request.getVersions(), VERSIONS));
        tariffs.add(tariff);
        audit.record("CREATED", "TARIFF", tariff.id(), null, view(tariff));
        return view(tariff);
    }

    public TariffView update(UUID id, TariffRequest request) {
        StoredTariff tariff = existing(id);
        parse(id, request);
        unique(id, request.getName());
        TariffView before = view(tariff);
        tariff.change(request.getName().strip(), request.getCurrency(), JSON.toJson(request.getVersions(), VERSIONS));
        audit.record("UPDATED", "TARIFF", id, before, view(tariff));
        return view(tariff);
    }

    /** Deletes a tariff no device has (409 otherwise). */
    public void delete(UUID id) {
        StoredTariff tariff = existing(id);
        if (tariffs.inUse(id)) {
            throw Rejected.conflict("tariff " + tariff.name() + " is a device's: give those devices another first");
        }
        tariffs.remove(tariff);
        audit.record("DELETED", "TARIFF", id, view(tariff), null);
    }

    /** Whether a tariff of this id exists (a device may name it). */
    /** The id of the tariff of this name (in any case), if there is one. */
    public Optional<UUID> idOf(String name) {
        return tariffs.byName(name.strip()).map(StoredTariff::id);
    }

    public boolean exists(UUID id) {
        return tariffs.find(id).isPresent();
    }

    private StoredTariff existing(UUID id) {
        return tariffs.find(id).orElseThrow(() -> Rejected.notFound("no tariff " + id));
    }

    private void unique(UUID id, String name) {
        tariffs.byName(name.strip()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw Rejected.conflict("a tariff named '" + other.name() + "' exists");
        });
    }

    private static TariffView view(StoredTariff tariff) {
        return new TariffView(
                tariff.id(), tariff.name(), tariff.currency(), request(tariff).getVersions());
    }

    private static TariffRequest request(StoredTariff tariff) {
        TariffRequest request = new TariffRequest();
        request.setName(tariff.name());
        request.setCurrency(tariff.currency());
        request.setVersions(JSON.fromJson(tariff.versions(), VERSIONS));
        return request;
    }

    /** The request as a tariff, or every field that is wrong with it. */
    static Tariff parse(UUID id, TariffRequest request) {
        List<Rejected.FieldError> errors = new ArrayList<>();
        Currency currency = null;
        try {
            if (request.getCurrency() != null && request.getCurrency().matches("[A-Z]{3}")) {
                currency = Currency.getInstance(request.getCurrency());
            }
        } catch (IllegalArgumentException unknown) {
            // said below
        }
        if (currency == null) {
            errors.add(new Rejected.FieldError("currency", "currency must be an ISO 4217 code such as RON or EUR"));
        }
        List<Tariff.Version> versions = new ArrayList<>();
        List<TariffRequest.VersionItem> items = request.getVersions() == null ? List.of() : request.getVersions();
        for (int v = 0; v < items.size(); v++) {
            TariffRequest.VersionItem item = items.get(v);
            String at = "versions[" + v + "]";
            LocalDate validFrom = null;
            try {
                validFrom = LocalDate.parse(String.valueOf(item.getValidFrom()));
            } catch (DateTimeParseException e) {
                errors.add(new Rejected.FieldError(at + ".validFrom", "validFrom must be a day as YYYY-MM-DD"));
            }
            List<Tariff.Rate> rates = new ArrayList<>();
            List<TariffRequest.RateItem> rateItems = item.getRates() == null ? List.of() : item.getRates();
            for (int r = 0; r < rateItems.size(); r++) {
                TariffRequest.RateItem rate = rateItems.get(r);
                String rateAt = at + ".rates[" + r + "]";
                Integer from = hour(rate.getFrom(), 0, 23);
                Integer to = hour(rate.getTo(), 1, 24);
                if (from == null || to == null) {
                    errors.add(new Rejected.FieldError(
                            rateAt, "from and to are whole local hours, 00:00 to 24:00 (HH:00)"));
                }
                Set<DayOfWeek> days = days(rate.getDays());
                if (days == null) {
                    errors.add(new Rejected.FieldError(rateAt + ".days", "days are MON, TUE, WED, THU, FRI, SAT, SUN"));
                }
                if (from != null && to != null && days != null) {
                    rates.add(new Tariff.Rate(days, from, to, rate.getPrice()));
                }
            }
            if (validFrom != null) {
                versions.add(new Tariff.Version(validFrom, item.getPrice(), rates));
            }
        }
        if (errors.isEmpty()) {
            Tariff tariff = new Tariff(id, request.getName(), currency, versions);
            errors.addAll(tariff.problems());
            if (errors.isEmpty()) {
                return tariff;
            }
        }
        throw Rejected.invalid(errors);
    }

    /** {@code HH:00} as its hour, within the bounds; null otherwise. */
    private static Integer hour(String text, int min, int max) {
        if (text == null || !text.matches("\\d\\d:00")) {
            return null;
        }
        int hour = Integer.parseInt(text.substring(0, 2));
        return hour >= min && hour <= max ? hour : null;
    }

    /** The days named (every day when none); null if one is not a day. */
    private static Set<DayOfWeek> days(List<String> names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : names == null ? List.<String>of() : names) {
            Optional<DayOfWeek> day = java.util.Arrays.stream(DayOfWeek.values())
                    .filter(d ->
                            d.name().substring(0, 3).equals(String.valueOf(name).toUpperCase(Locale.ROOT)))
                    .findFirst();
            if (day.isEmpty()) {
                return null;
            }
            days.add(day.get());
        }
        return days;
    }
}
