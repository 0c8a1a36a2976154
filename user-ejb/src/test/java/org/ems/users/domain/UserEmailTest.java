package org.ems.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserEmailTest {

    private final User user = new User("ana", "hash", "Ana", Role.CLIENT, "UTC");

    @Test
    void aNewAddressGivenByItsOwnerWaitsForConfirmationOneGivenByAnAdministratorDoesNot() {
        assertThat(user.changeEmail("ana@example.com", false)).isTrue();
        assertThat(user.confirmedEmail()).isEmpty();
        assertThat(user.changeEmail("ana@example.org", true)).isTrue();
        assertThat(user.confirmedEmail()).contains("ana@example.org");
    }

    @Test
    void theSameAddressInAnotherCaseIsNoNewAddressAndKeepsItsConfirmation() {
        user.changeEmail("Ana@Example.com", true);
        assertThat(user.changeEmail("ana@example.com", false)).isFalse();
        assertThat(user.confirmedEmail()).contains("ana@example.com");
        assertThat(user.changeEmail(null, false)).isTrue();
        assertThat(user.email()).isEmpty();
        assertThat(user.emailConfirmed()).isFalse();
    }
}
