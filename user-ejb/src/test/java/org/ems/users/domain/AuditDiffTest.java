package org.ems.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditDiffTest {

    @Test
    void anUpdateShowsOnlyWhatChanged() {
        assertThat(AuditDiff.of(
                        "{\"name\":\"Kitchen\",\"maxHourlyKwh\":2.5,\"ownerId\":null,\"timeZone\":\"UTC\"}",
                        "{\"name\":\"Kitchen\",\"maxHourlyKwh\":3,\"ownerId\":\"0b7a\",\"timeZone\":\"UTC\"}"))
                .containsExactly(
                        new AuditDiff.Change("maxHourlyKwh", "2.5", "3"),
                        new AuditDiff.Change("ownerId", null, "0b7a"));
    }

    @Test
    void aCreationOrDeletionShowsEveryField() {
        assertThat(AuditDiff.of(null, "{\"username\":\"erin\",\"role\":\"CLIENT\"}"))
                .containsExactly(
                        new AuditDiff.Change("role", null, "CLIENT"), new AuditDiff.Change("username", null, "erin"));
        assertThat(AuditDiff.of("{\"username\":\"erin\"}", null))
                .containsExactly(new AuditDiff.Change("username", "erin", null));
        assertThat(AuditDiff.of("{\"a\":1}", "{\"a\":1}")).isEmpty();
    }
}
