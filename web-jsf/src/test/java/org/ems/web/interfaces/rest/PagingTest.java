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
}
