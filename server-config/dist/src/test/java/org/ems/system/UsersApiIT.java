package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Users over the API: who a token says one is, administration, its refusals, and the last administrator. */
class UsersApiIT extends SharedEmsSuite {

    @Test
    void aSignedInUserSeesThemselvesAndTheTokenCarriesTheContractClaims() throws Exception {
        JsonObject me = ApiClient.json(api.call("GET", "api/me", admin, null));
        assertThat(me.getString("username")).isEqualTo("admin");
        assertThat(me.getString("role")).isEqualTo("ADMIN");
        var claims = SignedJWT.parse(admin).getJWTClaimsSet();
        assertThat(SignedJWT.parse(admin).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(claims.getIssuer()).isEqualTo("ems");
        assertThat(claims.getSubject()).isEqualTo(me.getString("id"));
        assertThat(claims.getStringClaim("upn")).isEqualTo("admin");
        assertThat(claims.getStringListClaim("groups")).containsExactly("ADMIN");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void administratorsManageUsersAndNoResponseHoldsAPassword() throws Exception {
        String name = "<script>alert(1)</script> O'Brien; DROP TABLE users.app_user;--";
        HttpResponse<String> created = api.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"Client.One\",\"password\":\"client-one-pw\",\"name\":" + ApiClient.quote(name)
                        + ",\"role\":\"CLIENT\",\"timeZone\":\"Europe/Bucharest\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject user = ApiClient.json(created);
        assertThat(created.headers().firstValue("Location"))
                .hasValue(ems.url("api/users/" + user.getString("id")).toString());
        assertThat(user.getString("name")).isEqualTo(name);
        assertThat(user.keySet()) // an address only when there is one
                .containsExactlyInAnyOrder(
                        "id",
                        "username",
                        "name",
                        "role",
                        "timeZone",
                        "emailConfirmed",
                        "notifyAlerts",
                        "notifyAllAlerts");

        assertThat(api.call(
                                "POST",
                                "api/users",
                                admin,
                                "{\"username\":\"client.one\",\"password\":\"another-pw-1\","
                                        + "\"name\":\"x\",\"role\":\"CLIENT\"}")
                        .statusCode())
                .as("usernames ignore case")
                .isEqualTo(409);
        String id = user.getString("id");
        assertThat(ApiClient.json(api.call("GET", "api/users/" + id, admin, null))
                        .getString("name"))
                .isEqualTo(name);
        JsonObject changed = ApiClient.json(
                api.call(
                        "PUT",
                        "api/users/" + id,
                        admin,
                        "{\"name\":\"Client One\",\"role\":\"CLIENT\",\"timeZone\":\"Asia/Kolkata\",\"password\":\"a-new-password\"}"));
        assertThat(changed.getString("timeZone")).isEqualTo("Asia/Kolkata");
        assertThat(api.login("client.one", "a-new-password").getString("token")).isNotBlank();

        String everything = api.call("GET", "api/users", admin, null).body() + created.body() + changed;
        assertThat(everything)
                .doesNotContainIgnoringCase("password")
                .doesNotContain("PBKDF2")
                .doesNotContain("hash");

        assertThat(api.call("DELETE", "api/users/" + id, admin, null).statusCode())
                .isEqualTo(204);
        assertThat(api.call("GET", "api/users/" + id, admin, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsAProblemWithAReasonNeverA500() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"username\":\"ok-name\",\"password\":\"short\",\"name\":\"n\",\"role\":\"CLIENT\"}",
                "at least 10",
                "{\"username\":\"same-as-pw\",\"password\":\"same-as-pw\",\"name\":\"n\",\"role\":\"CLIENT\"}",
                "must not be the username",
                "{\"username\":\"zone-user\",\"password\":\"long-enough-pw\",\"name\":\"n\",\"role\":\"CLIENT\","
                        + "\"timeZone\":\"Mars/Olympus\"}",
                "IANA time zone",
                "{\"username\":\"role-user\",\"password\":\"long-enough-pw\",\"name\":\"n\",\"role\":\"ROOT\"}",
                "ADMIN or CLIENT",
                "{\"username\":\"x\",\"password\":\"long-enough-pw\",\"name\":\"n\",\"role\":\"CLIENT\"}",
                "username must",
                "{\"username\":\"type-user\",\"password\":12,\"name\":\"n\"",
                "not valid JSON",
                "{\"username\":\"noname\",\"password\":\"long-enough-pw\",\"role\":\"CLIENT\"}",
                "name must");
        for (var c : cases.entrySet()) {
            HttpResponse<String> response = api.call("POST", "api/users", admin, c.getKey());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(ApiClient.json(response).getString("detail"))
                    .as(c.getKey())
                    .contains(c.getValue());
        }
        assertThat(api.call("GET", "api/users/not-a-uuid", admin, null).statusCode())
                .isEqualTo(400);
        assertThat(api.call("GET", "api/users/" + UUID.randomUUID(), admin, null)
                        .statusCode())
                .isEqualTo(404);

        JsonObject fields = ApiClient.json(api.call(
                "POST",
                "api/devices",
                admin,
                "{\"name\":\" \",\"maxHourlyKwh\":-1," + "\"timeZone\":\"Mars/Olympus\",\"ownerId\":\""
                        + UUID.randomUUID() + "\"}"));
        assertThat(fields.getInt("status")).isEqualTo(400);
        assertThat(fields.getJsonArray("errors").getValuesAs(JsonObject.class))
                .as("each invalid field with its reason")
                .extracting(e -> e.getString("field"), e -> e.getString("message"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "maxHourlyKwh",
                                "maxHourlyKwh must be a number above 0 (kWh per hour, at most 3 decimals)"),
                        org.assertj.core.groups.Tuple.tuple("name", "name must have 1 to 200 characters"),
                        org.assertj.core.groups.Tuple.tuple(
                                "timeZone", "timeZone must be an IANA time zone such as Europe/Bucharest"));
        assertThat(ApiClient.json(api.call(
                                "POST",
                                "api/devices",
                                admin,
                                "{\"name\":\"n\",\"maxHourlyKwh\":1,\"ownerId\":\"" + UUID.randomUUID() + "\"}"))
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"))
                .as("a rule beyond the constraints names its field too")
                .isEqualTo("ownerId");
    }

    @Test
    void theLastAdministratorStays() throws Exception {
        String adminId = ApiClient.json(api.call("GET", "api/me", admin, null)).getString("id");
        HttpResponse<String> delete = api.call("DELETE", "api/users/" + adminId, admin, null);
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(delete).getString("detail")).contains("last administrator");
        assertThat(api.call(
                                "PUT",
                                "api/users/" + adminId,
                                admin,
                                "{\"name\":\"A\",\"role\":\"CLIENT\",\"timeZone\":\"UTC\"}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void clientsAreRefusedAdministrationAndStrangersEverything() throws Exception {
        api.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"client.two\",\"password\":\"client-two-pw\",\"name\":\"C2\","
                        + "\"role\":\"CLIENT\"}");
        String client = api.login("client.two", "client-two-pw").getString("token");
        assertThat(api.call("GET", "api/me", client, null).statusCode()).isEqualTo(200);
        assertThat(api.call("GET", "api/users", client, null).statusCode()).isEqualTo(403);
        assertThat(api.call("POST", "api/users", client, "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = api.call("GET", "api/users", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(anonymous).getInt("status")).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Payara").doesNotContain("Exception");
    }
}
