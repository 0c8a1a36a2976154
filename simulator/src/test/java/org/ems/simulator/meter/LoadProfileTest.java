package org.ems.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoadProfileTest {

    @Test
    void parsesCumulativeValuesSkippingBlankAndCommentLines() throws Exception {
        var profile = LoadProfile.parse(new StringReader("# header\n1.5\n\n2.0\n2.25,extra\n"), "t.csv");
        assertThat(profile.size()).isEqualTo(3);
        assertThat(profile.value(2)).isEqualByComparingTo("2.25");
    }

    @Test
    void namesTheLineOfABadValue() {
        assertThatThrownBy(() -> LoadProfile.parse(new StringReader("1\n2\nabc\n"), "t.csv"))
                .hasMessage("t.csv line 3: not a number: 'abc'");
        assertThatThrownBy(() -> LoadProfile.parse(new StringReader("1\n-2\n"), "t.csv"))
                .hasMessage("t.csv line 2: negative register value -2");
        assertThatThrownBy(() -> LoadProfile.parse(new StringReader("5\n4\n"), "t.csv"))
                .hasMessageContaining("t.csv line 2: register goes down from 5 to 4");
        assertThatThrownBy(() -> LoadProfile.parse(new StringReader("5\n"), "t.csv"))
                .hasMessageContaining("needs at least two register values");
    }

    @Test
    void pastItsEndTheRegisterKeepsGrowing() throws Exception {
        var profile = LoadProfile.parse(new StringReader("10\n12\n15\n"), "t.csv");
        assertThat(profile.value(3)).isEqualByComparingTo("15"); // lap of 5 added to 10
        assertThat(profile.value(4)).isEqualByComparingTo("17");
        assertThat(profile.value(8)).isEqualByComparingTo("25");
    }

    @Test
    void eachDeviceGetsItsOwnStableScaledCopy() throws Exception {
        var profile = LoadProfile.bundled();
        UUID a = UUID.fromString("6f1c2b0e-4a57-4c3e-9a43-0d6f3c7f8a10");
        UUID b = UUID.fromString("0b7a9a3e-1c2d-4e5f-8a9b-123456789abc");
        assertThat(profile.forDevice(a).value(100))
                .isEqualTo(profile.forDevice(a).value(100));
        assertThat(profile.forDevice(a).value(100))
                .isNotEqualTo(profile.forDevice(b).value(100));
        BigDecimal dayA =
                profile.forDevice(a).value(144).subtract(profile.forDevice(a).value(0));
        BigDecimal day = profile.value(144).subtract(profile.value(0));
        assertThat(dayA.doubleValue() / day.doubleValue()).isBetween(0.6, 1.6);
    }

    @Test
    void theBundledProfileIsWhatTheSeededGeneratorWrites() throws Exception {
        StringWriter generated = new StringWriter();
        ProfileGenerator.write(generated, 20261126, 28, Duration.ofMinutes(10));
        String bundled =
                new String(LoadProfile.class.getResourceAsStream("sensor.csv").readAllBytes());
        assertThat(bundled).isEqualTo(generated.toString());
        var profile = LoadProfile.bundled();
        assertThat(profile.size()).isEqualTo(28 * 144 + 1);
        double perDay =
                profile.value(profile.size() - 1).subtract(profile.value(0)).doubleValue() / 28;
        assertThat(perDay).as("kWh per day of a household").isBetween(8.0, 30.0);
    }

    @Test
    void theKindsOfConsumerAreShapedFromTheHouseholdByTheTimeOfWeek() throws Exception {
        LoadProfile household = LoadProfile.bundled();
        Duration tenMinutes = Duration.ofMinutes(10);
        // Steps of 10 minutes from a Monday at midnight: 63 is Monday 10:30, 6*144+63 Sunday 10:30, 2 Monday 00:20.
        long mondayMorning = 63;
        long sundayMorning = 6 * 144 + 63;
        long mondayNight = 2;
        long mondayEvening = 19 * 6 + 3;
        BigDecimal plain = energy(household, mondayMorning);

        LoadProfile shop = household.shaped(LoadShape.SHOP, tenMinutes);
        assertThat(energy(shop, mondayMorning)).isGreaterThan(plain.multiply(new BigDecimal("2.9")));
        assertThat(energy(shop, sundayMorning)).isLessThan(energy(household, sundayMorning));
        LoadProfile heatPump = household.shaped(LoadShape.HEAT_PUMP, tenMinutes);
        assertThat(energy(heatPump, mondayNight)).isGreaterThan(energy(household, mondayNight));
        LoadProfile ev = household.shaped(LoadShape.EV, tenMinutes);
        assertThat(energy(ev, mondayEvening).subtract(energy(household, mondayEvening)))
                .isEqualByComparingTo("1.2"); // 7.2 kW for 10 minutes
        assertThat(energy(ev, mondayMorning)).isEqualByComparingTo(plain);
        assertThat(household.shaped(LoadShape.HOUSEHOLD, tenMinutes)).isSameAs(household);
        assertThat(LoadShape.of("heat-pump")).isEqualTo(LoadShape.HEAT_PUMP);
        assertThatThrownBy(() -> LoadShape.of("factory")).hasMessageContaining("household, shop, heat-pump, ev");
    }

    private static BigDecimal energy(LoadProfile profile, long step) {
        return profile.value(step).subtract(profile.value(step - 1));
    }
}
