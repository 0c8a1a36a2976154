package org.ems.devices.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The constraints of a device request: what each field must be, in the words the API and the pages show. */
class DeviceRequestTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aDeviceNeedsOnlyANameAndALimit() {
        assertThat(errors(request("Kitchen", "2.5", null))).isEmpty();
        assertThat(errors(new DeviceRequest(
                        "Kitchen",
                        "Main meter",
                        "Str. Lalelelor 1",
                        new BigDecimal("999999999.999"),
                        UUID.randomUUID(),
                        "Asia/Kathmandu",
                        UUID.randomUUID())))
                .isEmpty();
    }

    @Test
    void theLimitIsAPositiveNumberOfKwhWithAtMostThreeDecimals() {
        for (String bad : new String[] {"0", "-1", "0.0001", "1000000000", "1e12"}) {
            assertThat(errors(request("n", bad, null)))
                    .as(bad)
                    .containsExactly(Map.entry("maxHourlyKwh", DeviceService.LIMIT_MESSAGE));
        }
        assertThat(errors(request("n", null, null))).containsOnlyKeys("maxHourlyKwh");
        assertThat(errors(request("n", "0.001", null))).isEmpty();
    }

    @Test
    void textsAndZoneAreChecked() {
        assertThat(errors(new DeviceRequest(
                        " ", "x".repeat(1001), "x".repeat(501), BigDecimal.ONE, null, "Nowhere/Land", null)))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "address", "address must have at most 500 characters",
                        "description", "description must have at most 1000 characters",
                        "name", "name must have 1 to 200 characters",
                        "timeZone", "timeZone must be an IANA time zone such as Europe/Bucharest")));
    }

    private static DeviceRequest request(String name, String limit, String zone) {
        return new DeviceRequest(name, null, null, limit == null ? null : new BigDecimal(limit), null, zone, null);
    }

    private static Map<String, String> errors(Object request) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<Object> v : VALIDATOR.validate(request)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        return errors;
    }
}
