package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.ems.client.ApiException;
import org.ems.client.api.AlertsApi;
import org.ems.client.api.AuditApi;
import org.ems.client.api.DevicesApi;
import org.ems.client.model.AuditEntry;
import org.ems.client.model.ConsumptionView;
import org.ems.client.model.DeviceData;
import org.ems.client.model.DeviceRequest;
import org.junit.jupiter.api.Test;

/**
 * The Java client that openapi-generator makes of {@code docs/openapi.json} (the build does, as an integrator
 * would; {@link OpenApiIT} keeps that file equal to what EMS serves), calling EMS with an API key: every call goes
 * through the generated models, so a schema that differs from what EMS writes fails here.
 */
class GeneratedClientIT extends SharedEmsSuite {

    @Test
    void aGeneratedClientManagesDevicesAndReadsTheirConsumptionAndTheAuditLog() throws Exception {
        String key = ApiClient.json(
                        api.call("POST", "api/api-keys", admin, "{\"name\":\"Generated client\",\"role\":\"ADMIN\"}"))
                .getString("key");
        org.ems.client.ApiClient client = new org.ems.client.ApiClient();
        client.updateBaseUri(api.url("").toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        DevicesApi ems = new DevicesApi(client);
        String name = "Generated " + UUID.randomUUID();

        DeviceData made = ems.createDevice(new DeviceRequest()
                .name(name)
                .maxHourlyKwh(new BigDecimal("2.5"))
                .timeZone("Europe/Bucharest"));
        assertThat(made.getId()).isNotNull();
        assertThat(made.getName()).isEqualTo(name);
        assertThat(made.getMaxHourlyKwh()).isEqualByComparingTo("2.5");
        assertThat(made.getTimeZone()).isEqualTo("Europe/Bucharest");
        assertThat(ems.findDevice(made.getId().toString()))
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class) // 2.5 as sent, 2.500 as stored
                .isEqualTo(made);
        List<DeviceData> listed = ems.listDevices(null, "500", "-created", null, null, name);
        assertThat(listed).extracting(DeviceData::getId).containsExactly(made.getId());

        ConsumptionView day = ems.getHourlyConsumption(made.getId().toString(), "2026-03-29");
        assertThat(day.getHours()).as("the day clocks go forward in Bucharest").hasSize(23);
        assertThat(day.getHours()).allSatisfy(hour -> assertThat(hour.getKwh()).isEqualByComparingTo("0"));

        List<AuditEntry> entries = new AuditApi(client).getAuditLog(null, "50").getEntries();
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.getAction()).isEqualTo("CREATED");
            assertThat(entry.getTargetType()).isEqualTo("DEVICE");
            assertThat(entry.getTargetId()).isEqualTo(made.getId());
            assertThat(entry.getActor()).isEqualTo("api-key:Generated client");
        });

        ems.deleteDevice(made.getId().toString());
        ApiException gone = catchThrowableOfType(
                ApiException.class, () -> ems.findDevice(made.getId().toString()));
        assertThat(gone.getCode()).isEqualTo(404);
        assertThat(gone.getResponseBody()).contains("\"status\":404");
        assertThat(new AlertsApi(client).listAlerts(null, "10", null, null, null, null))
                .isNotNull();
    }
}
