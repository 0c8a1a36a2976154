package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The pages' sign-in: a session for each role's pages, the form taken only with its token, sign-out. */
class PageSignInIT extends SharedEmsSuite {

    @Test
    void thePagesBeforeSignInSpeakTheBrowsersLanguage() throws Exception {
        for (String page : new String[] {"login.xhtml", "password-reset.xhtml"}) {
            String romanian = http.send(
                            HttpRequest.newBuilder(ems.url(page))
                                    .header("Accept-Language", "ro-RO,ro;q=0.9,en;q=0.5")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(romanian).as(page).contains("lang=\"ro\"").doesNotContain("Sign in", "Reset your password");
            String english = http.send(
                            HttpRequest.newBuilder(ems.url(page))
                                    .header("Accept-Language", "de-DE,de;q=0.9")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(english).as(page + ", a language EMS does not speak").contains("lang=\"en\"");
        }
        assertThat(http.send(
                                HttpRequest.newBuilder(ems.url("login.xhtml"))
                                        .header("Accept-Language", "ro")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("Autentificare", "Ai uitat parola?");
    }

    @Test
    void pagesNeedASignInAndShowEachRoleItsOwn() throws Exception {
        HttpResponse<String> anonymous = api.call("GET", "", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location"))
                .hasValue(ems.url("login.xhtml").toString());
        assertThat(api.call("GET", "login.xhtml", null, null).body()).contains("Sign in");

        HttpResponse<String> wrong = ems.signInThroughForm(http, "admin", "wrong-password");
        assertThat(wrong.headers().firstValue("Location"))
                .hasValue(ems.url("login.xhtml?error=invalid").toString());
        assertThat(api.call("GET", "login.xhtml?error=invalid", null, null).body())
                .contains("Invalid username or password");

        api.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"page.client\",\"password\":\"page-client-pw\",\"name\":"
                        + "\"<b>PC</b>\",\"role\":\"CLIENT\"}");
        HttpResponse<String> ok = ems.signInThroughForm(http, "page.client", "page-client-pw");
        assertThat(ok.headers().firstValue("Location"))
                .as("a client lands on their devices")
                .hasValue(ems.url("portal/devices.xhtml").toString());
        String cookie = RunningEms.sessionCookie(ok);
        HttpResponse<String> page = api.alertsPage(cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("page.client")
                .doesNotContain("Live readings")
                .doesNotContain("jakarta.faces.push/readings");

        HttpResponse<String> out = ems.signOutThroughForm(http, cookie);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location"))
                .hasValue(ems.url("login.xhtml").toString());
        assertThat(api.alertsPage(cookie).statusCode())
                .as("the session is gone")
                .isEqualTo(302);
    }

    @Test
    void theSignInFormIsTakenOnlyWithItsToken() throws Exception {
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(ems.url("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=admin&password=" + SharedEms.ADMIN_PASSWORD + "&csrf=guessed"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.headers().firstValue("Location"))
                .hasValue(ems.url("login.xhtml?error=form").toString());
        assertThat(forged.headers().allValues("Set-Cookie"))
                .as("no session signed in")
                .isEmpty();
        assertThat(api.call("GET", "login.xhtml?error=form", null, null).body())
                .contains("The sign-in form had expired");
        assertThat(ems.signInThroughForm(http, "admin", SharedEms.ADMIN_PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .as("with the form's token")
                .hasValue(ems.url("console/users.xhtml").toString());
    }
}
