package org.ems.devices.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.ImportRefused;
import org.ems.contracts.access.ImportRefused.RowError;
import org.ems.contracts.device.DeviceData;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.contracts.user.Person;
import org.ems.contracts.user.UserDirectory;

/**
 * Devices many at a time, as rows of the API's CSV ({@link DeviceRow}). An import only creates: every row is checked
 * first (owner and tariff found, each field as for one device) and any error refuses the whole file, listing every
 * bad row; else all rows are created in this one transaction, each as {@link DeviceService#create} creates one (its
 * event, its audit entry). The export writes the same rows, page by page.
 */
@Stateless
public class DeviceImport {

    /** What an import did: how many rows it read, and how many devices it created (none on a dry run). */
    public record Result(int rows, int created) {}

    /** Devices read from the catalogue at a time for an export. */
    public static final int EXPORT_PAGE = 500;

    @Inject
    DeviceService devices;

    @Inject
    TariffService tariffs;

    @Inject
    UserDirectory users;

    @Inject
    Validator validator;

    public Result importRows(List<DeviceRow> rows, boolean dryRun) {
        Map<String, UUID> owners = users.idsOf(rows.stream()
                .map(DeviceRow::owner)
                .filter(o -> o != null && !o.isBlank())
                .map(String::strip)
                .distinct()
                .toList());
        Map<String, Optional<UUID>> tariffIds = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        List<DeviceRequest> requests = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            DeviceRow cells = rows.get(i);
            DeviceRequest request = new DeviceRequest(
                    cells.name(),
                    cells.description(),
                    cells.address(),
                    number(cells.maxHourlyKwh()), // not a number: null, which the limit's rule refuses
                    present(cells.owner())
                            .map(owner -> found(owners.get(owner), row, "owner", "no user '" + owner + "'", errors))
                            .orElse(null),
                    present(cells.timeZone()).orElse(null),
                    present(cells.tariff())
                            .map(tariff -> found(
                                    tariffIds
                                            .computeIfAbsent(tariff, tariffs::idOf)
                                            .orElse(null),
                                    row,
                                    "tariff",
                                    "no tariff '" + tariff + "'",
                                    errors))
                            .orElse(null));
            for (ConstraintViolation<DeviceRequest> violation : validator.validate(request)) {
                errors.add(new RowError(row, violation.getPropertyPath().toString(), violation.getMessage()));
            }
            requests.add(request);
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        if (!dryRun) {
            requests.forEach(devices::create);
        }
        return new Result(rows.size(), dryRun ? 0 : rows.size());
    }

    /** A page of {@link #EXPORT_PAGE} of the devices the caller sees, as rows, in the order they were made. */
    public Page<DeviceRow> exportPage(int page, Caller caller) {
        Page<DeviceData> found = devices.page(
                new DeviceService.DeviceQuery(
                        null, null, false, new PageRequest(page * EXPORT_PAGE, EXPORT_PAGE, "created", false)),
                caller);
        return new Page<>(rows(found.items()), found.total());
    }

    /** The devices as rows: their owners' usernames and their tariffs' names looked up once for all. */
    public List<DeviceRow> rows(List<DeviceData> found) {
        Map<UUID, Person> owners = users.people(found.stream()
                .map(DeviceData::ownerId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<UUID, String> tariffNames = new HashMap<>();
        return found.stream()
                .map(d -> new DeviceRow(
                        d.name(),
                        d.description(),
                        d.address(),
                        d.maxHourlyKwh().toPlainString(),
                        d.ownerId() == null || !owners.containsKey(d.ownerId())
                                ? ""
                                : owners.get(d.ownerId()).username(),
                        d.timeZone(),
                        d.tariffId() == null
                                ? ""
                                : tariffNames.computeIfAbsent(
                                        d.tariffId(), id -> tariffs.find(id).name())))
                .toList();
    }

    private static Optional<String> present(String cell) {
        return cell == null || cell.isBlank() ? Optional.empty() : Optional.of(cell.strip());
    }

    private static <T> T found(T value, int row, String field, String message, List<RowError> errors) {
        if (value == null) {
            errors.add(new RowError(row, field, field + ": " + message));
        }
        return value;
    }

    private static BigDecimal number(String cell) {
        try {
            return cell == null ? null : new BigDecimal(cell.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
