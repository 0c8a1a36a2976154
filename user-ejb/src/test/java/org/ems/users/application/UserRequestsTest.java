package org.ems.users.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The constraints of the user requests: what each field must be, in the words the API and the pages show. */
class UserRequestsTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aCompleteNewUserIsValid() {
        assertThat(errors(new NewUser("client.one", "long-enough-pw", "Client One", "CLIENT", null)))
                .isEmpty();
        assertThat(errors(new NewUser("a@b.c", "long-enough-pw", "A", "ADMIN", "Asia/Kolkata")))
                .isEmpty();
    }

    @Test
    void eachInvalidFieldIsNamedWithItsReason() {
        assertThat(errors(new NewUser("x", "short", " ", "ROOT", "Mars/Olympus")))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "name", "name must have 1 to 200 characters",
                        "password", "password must have at least 10 characters",
                        "role", "role must be ADMIN or CLIENT",
                        "timeZone", "timeZone must be an IANA time zone such as Europe/Bucharest",
                        "username", "username must be 3 to 64 letters, digits, '.', '_', '-' or '@'")));
        assertThat(errors(new NewUser(null, null, null, null, null)))
                .containsOnlyKeys("username", "password", "name", "role");
        assertThat(errors(new NewUser("ok-name", "x".repeat(1001), "n", "CLIENT", null)))
                .containsEntry("password", "password must have at most 1000 characters");
        assertThat(errors(new NewUser("with space", "long-enough-pw", "x".repeat(201), "CLIENT", null)))
                .containsKeys("username", "name");
    }

    @Test
    void aChangeMayLeaveThePasswordAndZoneAsTheyAre() {
        assertThat(errors(new UserChange("Client", "CLIENT", null, null))).isEmpty();
        assertThat(errors(new UserChange("Client", "CLIENT", "Nowhere", "short")))
                .containsOnlyKeys("timeZone", "password");
    }

    private static Map<String, String> errors(Object request) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<Object> v : VALIDATOR.validate(request)) {
            errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a.compareTo(b) < 0 ? a : b);
        }
        return errors;
    }
}
