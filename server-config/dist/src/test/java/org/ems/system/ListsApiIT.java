package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ems.simulator.client.EmsClient;
import org.junit.jupiter.api.Test;

/**
 * The API's paged lists as an integrator pages through them: {@code X-Total-Count}, RFC 8288 {@code Link}s, the
 * bounds, the orders and the filters.
 */
class ListsApiIT extends SharedEmsSuite {

    private static final int DEVICES = 1_200;

    @Test
    void pagingThroughDevicesByLinksSeesEachExactlyOnceWhileDevicesAreAdded() throws Exception {
        String owner = "pager-" + UUID.randomUUID().toString().substring(0, 8);
        String client = api.newClient(admin, owner);
        String ownerId = ApiClient.json(api.call("GET", "api/me", client, null)).getString("id");
        List<String> before = create(ownerId, DEVICES, "before");

        Map<String, Integer> seen = new HashMap<>();
        List<String> added = new ArrayList<>();
        Optional<URI> next = Optional.of(api.url("api/devices?size=100"));
        int pages = 0;
        while (next.isPresent()) {
            HttpResponse<String> page = api.call("GET", relative(next.get()), client, null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(EmsClient.link(page, "first")).hasValue(api.url("api/devices?size=100&page=0"));
            assertThat(EmsClient.link(page, "last")).isPresent();
            assertThat(EmsClient.link(page, "prev").isPresent()).isEqualTo(pages > 0);
            ApiClient.jsonArray(page)
                    .getValuesAs(JsonObject.class)
                    .forEach(d -> seen.merge(d.getString("id"), 1, Integer::sum));
            added.addAll(create(ownerId, 3, "during-" + pages)); // a client's meters installed meanwhile
            next = EmsClient.link(page, "next");
            pages++;
        }
        assertThat(before)
                .allSatisfy(id -> assertThat(seen.get(id)).as("device " + id).isEqualTo(1));
        assertThat(seen.values()).as("no device twice").containsOnly(1);
        assertThat(seen.keySet()).as("only the client's own").isSubsetOf(concat(before, added));

        HttpResponse<String> first = api.call("GET", "api/devices?size=100", client, null);
        long total = DEVICES + added.size();
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue(Long.toString(total));
        assertThat(EmsClient.link(first, "last")).hasValue(api.url("api/devices?size=100&page=" + (total - 1) / 100));
        assertThat(new EmsClient(api.url(""), http).list(admin, "api/devices?size=500&ownerId=" + ownerId))
                .as("an administrator's pages of one owner, followed by the simulator's client")
                .hasSize((int) total);

        HttpResponse<String> past = api.call("GET", "api/devices?size=100&page=1000", client, null);
        assertThat(past.body()).isEqualTo("[]");
        assertThat(past.headers().firstValue("X-Total-Count")).hasValue(Long.toString(total));
        assertThat(EmsClient.link(past, "next")).isEmpty();
        assertThat(EmsClient.link(past, "prev")).hasValue(api.url("api/devices?size=100&page=" + (total - 1) / 100));
    }

    @Test
    void listsAreOrderedAndFilteredAsAsked() throws Exception {
        String owner = "sorter-" + UUID.randomUUID().toString().substring(0, 8);
        String client = api.newClient(admin, owner);
        String ownerId = ApiClient.json(api.call("GET", "api/me", client, null)).getString("id");
        create(ownerId, 5, owner);
        List<String> names = ApiClient.jsonArray(api.call("GET", "api/devices?sort=-name&size=3", client, null))
                .getValuesAs(JsonObject.class)
                .stream()
                .map(d -> d.getString("name"))
                .toList();
        assertThat(names).containsExactly(owner + "-4", owner + "-3", owner + "-2");
        HttpResponse<String> found = api.call("GET", "api/devices?text=" + owner + "-1", admin, null);
        assertThat(found.headers().firstValue("X-Total-Count")).hasValue("1");

        HttpResponse<String> users = api.call("GET", "api/users?role=CLIENT&text=" + owner, admin, null);
        assertThat(ApiClient.jsonArray(users).getValuesAs(JsonObject.class))
                .extracting(u -> u.getString("username"))
                .containsExactly(owner);
        assertThat(api.call("GET", "api/alerts?acknowledged=false&size=1", client, null)
                        .headers()
                        .firstValue("X-Total-Count"))
                .hasValue("0");
        for (String list : List.of("api/webhooks", "api/tariffs", "api/alerts", "api/users")) {
            assertThat(api.call("GET", list, admin, null).headers().firstValue("X-Total-Count"))
                    .as(list)
                    .isPresent();
        }
        HttpResponse<String> audit = api.call("GET", "api/audit?size=2", admin, null);
        assertThat(ApiClient.json(audit).getInt("size"))
                .as("the audit keeps its object")
                .isEqualTo(2);
        assertThat(EmsClient.link(audit, "next")).hasValue(api.url("api/audit?size=2&page=1"));
    }

    @Test
    void badPagesOrdersAndFiltersAreA400NamingTheRule() throws Exception {
        Map<String, String> refused = Map.of(
                "api/devices?size=501", "size must be 1 to 500",
                "api/devices?page=-1", "page must be 0 or more",
                "api/users?page=5000000&size=500", "page x size must be at most",
                "api/devices?sort=owner", "sort must be one of created, name",
                "api/devices?unassigned=yes", "unassigned must be true or false",
                "api/alerts?acknowledged=maybe", "acknowledged must be true or false",
                "api/users?role=BOSS", "role must be ADMIN or CLIENT",
                "api/tariffs?sort=-price", "sort must be one of name, created",
                "api/devices?ownerId=someone", "owner");
        for (Map.Entry<String, String> bad : refused.entrySet()) {
            HttpResponse<String> answer = api.call("GET", bad.getKey(), admin, null);
            assertThat(answer.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).as(bad.getKey()).contains(bad.getValue());
        }
    }

    /** {@code count} devices of the owner, named {@code prefix-0...}, created 8 at a time; their ids in order. */
    private List<String> create(String ownerId, int count, String prefix) throws Exception {
        ExecutorService posts = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String body =
                        "{\"name\":\"" + prefix + "-" + i + "\",\"maxHourlyKwh\":2,\"ownerId\":\"" + ownerId + "\"}";
                created.add(posts.submit(() -> {
                    HttpResponse<String> answer = api.call("POST", "api/devices", admin, body);
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                    return ApiClient.json(answer).getString("id");
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            posts.shutdown();
        }
    }

    /** A link's target as {@link ApiClient#call} takes it: the path and query under EMS. */
    private String relative(URI link) {
        return api.url("").relativize(link).toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
