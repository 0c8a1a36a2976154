package org.ems.web.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.ems.contracts.access.Rejected;
import org.ems.devices.application.DeviceRequest;
import org.junit.jupiter.api.Test;

/** Every exception becomes problem JSON: the client's mistakes with their reason, the rest with an incident id. */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void refusalsAnswer404409Or400ListingTheFields() {
        assertThat(problem(Rejected.notFound("no device x")))
                .extracting(Problem::status, Problem::detail)
                .containsExactly(404, "no device x");
        assertThat(problem(Rejected.conflict("username 'a' is taken")).status()).isEqualTo(409);
        Problem invalid = problem(new EJBException(Rejected.invalid("ownerId", "ownerId: no user 42")));
        assertThat(invalid.status()).as("unwrapped from the EJB container").isEqualTo(400);
        assertThat(invalid.errors()).containsExactly(new Rejected.FieldError("ownerId", "ownerId: no user 42"));
    }

    @Test
    void aConstraintViolationListsEachFieldByItsName() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        var violations =
                validator.validate(new DeviceRequest("", null, null, new BigDecimal("-1"), null, "Nowhere", null));
        Problem problem = problem(new ConstraintViolationException(violations));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors())
                .extracting(Rejected.FieldError::field)
                .containsExactly("maxHourlyKwh", "name", "timeZone");
        assertThat(problem.detail())
                .contains("maxHourlyKwh must be a number above 0")
                .contains("name must have");
        assertThat(new ViolationMapper()
                        .toResponse(new ConstraintViolationException(violations))
                        .getEntity())
                .as("the same answer where Jersey's own mapper would otherwise win")
                .isEqualTo(problem);
    }

    @Test
    void anUnexpectedFailureIsA500WithAnIncidentIdAndNoInternals() {
        Problem problem = problem(new IllegalStateException("secret internals at org.ems.Foo"));
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).startsWith("internal error, incident ").doesNotContain("secret", "org.ems");
        assertThat(problem.errors()).isNull();
    }

    @Test
    void theFrameworksClientErrorsKeepTheirStatusAndOurProblemsPassUnchanged() {
        assertThat(problem(new NotFoundException()))
                .extracting(Problem::status, Problem::detail)
                .containsExactly(404, "Not Found");
        Problem ours = Problem.of(Response.Status.BAD_REQUEST, "date must be a day as YYYY-MM-DD");
        assertThat(problem(ours.asException())).isEqualTo(ours);
    }

    @Test
    void fieldsAreTheLastNodeOfTheViolationsPath() {
        Problem problem = Problem.invalid(
                List.of(new Rejected.FieldError("b", "b is bad"), new Rejected.FieldError("a", "a is bad")));
        assertThat(problem.detail()).isEqualTo("a is bad; b is bad");
    }

    private Problem problem(Throwable exception) {
        Response response = mapper.toResponse(exception);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(response.getEntity()).isInstanceOf(Problem.class);
        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(problem.status());
        return problem;
    }
}
