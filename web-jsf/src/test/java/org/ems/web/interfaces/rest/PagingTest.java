package org.ems.web.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void pagesWithinTheBounds() {
        assertThat(Paging.of(null, null, 50)).isEqualTo(new Paging(0, 50));
        assertThat(Paging.of("3", "500", 50).request().first()).isEqualTo(1500);
        assertThat(Paging.of(Integer.toString(Integer.MAX_VALUE), "1", 50)
                        .request()
                        .first())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void outOfBoundsIsABadRequest() {
        for (String[] bad : new String[][] {
            {"-1", "10"},
            {"0", "0"},
            {"0", "501"},
            {"2147483647", "100"},
            {"x", "10"},
            {"0", "1e3"},
            {"99999999999", "1"}
        }) {
            assertThatThrownBy(() -> Paging.of(bad[0], bad[1], 50))
                    .as(String.join(",", bad))
                    .isInstanceOfSatisfying(
                            WebApplicationException.class,
                            e -> assertThat(e.getResponse().getStatus()).isEqualTo(400));
        }
    }

    @Test
    void ordersAreNamedFieldsDescendingWithAMinus() {
        Paging paging = Paging.of("2", "10", 100);
        assertThat(paging.request(null, java.util.List.of("created", "name"), "created"))
                .isEqualTo(new org.ems.contracts.paging.PageRequest(20, 10, "created", false));
        assertThat(paging.request(" -name ", java.util.List.of("created", "name"), "created"))
                .isEqualTo(new org.ems.contracts.paging.PageRequest(20, 10, "name", true));
        for (String bad : new String[] {"owner", "--name", "-", "name,created"}) {
            assertThatThrownBy(() -> paging.request(bad, java.util.List.of("created", "name"), "created"))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            WebApplicationException.class,
                            e -> assertThat(e.getResponse().getStatus()).isEqualTo(400));
        }
    }

    @Test
    void flagsAreTrueFalseOrAbsent() {
        assertThat(Paging.flag("unassigned", null)).isEmpty();
        assertThat(Paging.flag("unassigned", "true")).hasValue(true);
        assertThat(Paging.flag("unassigned", "false")).hasValue(false);
        assertThatThrownBy(() -> Paging.flag("unassigned", "yes")).isInstanceOf(WebApplicationException.class);
    }
}
