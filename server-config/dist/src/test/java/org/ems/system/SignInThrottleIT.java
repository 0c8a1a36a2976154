package org.ems.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guessing passwords: the same answer for an unknown user, throttles per username and per address. */
class SignInThrottleIT extends SharedEmsSuite {

    /** Client addresses of their own (X-Forwarded-For): the throttles count per address, and others sign in too. */
    private static final String TIMING = "203.0.113.7";

    private static final String GUESSER = "203.0.113.8";
    private static final String SPRAYER = "203.0.113.9";

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswerInAboutTheSameTime() throws Exception {
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        String unknownBody = null;
        String wrongBody = null;
        for (int i = 0; i < 5; i++) { // 5: one more wrong password for admin from here would be throttled
            long t0 = System.nanoTime();
            HttpResponse<String> a = api.loginResponse("nobody-" + i, "whatever-password", TIMING);
            unknown.add(System.nanoTime() - t0);
            t0 = System.nanoTime();
            HttpResponse<String> b = api.loginResponse("admin", "wrong-password-" + i, TIMING);
            wrong.add(System.nanoTime() - t0);
            assertThat(a.statusCode()).isEqualTo(401);
            assertThat(b.statusCode()).isEqualTo(401);
            unknownBody = a.body();
            wrongBody = b.body();
        }
        assertThat(unknownBody).isEqualTo(wrongBody);
        // Both verify a PBKDF2 hash (~100 ms); without the decoy the unknown user would answer in a few ms, a twentieth
        // of the time. Medians, and a wide band: a busy machine (CI runs two suites at once) makes single answers slow.
        assertThat((double) median(unknown) / median(wrong)).isBetween(0.3, 3.0);
    }

    private static long median(List<Long> times) {
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    @Test
    void aBruteForceOnOneUsernameIsThrottled() throws Exception {
        api.call(
                "POST",
                "api/users",
                admin,
                "{\"username\":\"target\",\"password\":\"target-password\",\"name\":\"T\"," + "\"role\":\"CLIENT\"}");
        for (int i = 0; i < 5; i++) {
            assertThat(api.loginResponse("target", "guess-" + i, GUESSER).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> throttled = api.loginResponse("TARGET", "target-password", GUESSER);
        assertThat(throttled.statusCode())
                .as("even the right password, while throttled")
                .isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
                .as("a minute for this user from this address")
                .isEqualTo(60L);
        assertThat(ApiClient.json(throttled).getString("detail")).contains("too many failed sign-ins");
    }

    @Test
    void aBruteForceFromOneAddressIsThrottledWhateverTheUsername() throws Exception {
        int attempts = 0;
        int status;
        do {
            status = api.loginResponse("sprayed-" + attempts, "guess", SPRAYER).statusCode();
            attempts++;
        } while (status == 401 && attempts < 25);
        assertThat(status).isEqualTo(429);
    }
}
