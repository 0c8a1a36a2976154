package org.ems.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The visibility rule: an administrator sees everything, anyone else only what they own. */
class CallerTest {

    private final UUID me = UUID.randomUUID();
    private final UUID someoneElse = UUID.randomUUID();

    @Test
    void aClientSeesOnlyWhatTheyOwn() {
        Caller client = new Caller(me, "client", Roles.CLIENT);
        assertThat(client.isAdmin()).isFalse();
        assertThat(client.sees(me)).isTrue();
        assertThat(client.sees(someoneElse)).isFalse();
        assertThat(client.sees(null)).as("unassigned").isFalse();
        assertThat(client.ownerScope()).contains(me);
    }

    @Test
    void anAdministratorSeesEverything() {
        Caller admin = new Caller(me, "admin", Roles.ADMIN);
        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.sees(someoneElse)).isTrue();
        assertThat(admin.sees(null)).as("unassigned").isTrue();
        assertThat(admin.ownerScope()).isEqualTo(Optional.empty());
    }

    @Test
    void anUnknownRoleIsNoAdministrator() {
        Caller odd = new Caller(me, "odd", "ROOT");
        assertThat(odd.sees(someoneElse)).isFalse();
        assertThat(odd.ownerScope()).contains(me);
    }
}
