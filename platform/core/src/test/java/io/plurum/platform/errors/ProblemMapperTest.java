package io.plurum.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Set;

import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.plurum.platform.json.Json;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    record Sample(int count, String name) {
    }

    public static class Resource {
        public void list(@QueryParam("limit") @Min(value = 1, message = "must be at least 1") Integer limit,
                         @RestQuery("unread_only") @Pattern(regexp = "true|false", message = "must be true or false")
                         String unreadOnly,
                         @RestQuery @Min(value = 1, message = "must be at least 1") Integer page,
                         @NotNull(message = "is required") Sample body) {
        }
    }

    /** As CDI subclasses a resource to intercept it: the override carries no JAX-RS annotations. */
    public static class InterceptedResource extends Resource {
        @Override
        public void list(Integer limit, String unreadOnly, Integer page, Sample body) {
        }
    }

    @Test
    void shouldAnswerDomainExceptionsWithTheirStatusAndHeaders() {
        Response response = mapper.plurum(new PlurumException.RateLimited("slow down", 5, 0, 30));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type()).endsWith("/rate-limited");
        assertThat(problem.detail()).isEqualTo("slow down");

        assertThat(mapper.plurum(new PlurumException.NotFound("x")).getStatus()).isEqualTo(404);
        assertThat(mapper.plurum(new PlurumException.Conflict("x")).getStatus()).isEqualTo(409);
        assertThat(mapper.plurum(new PlurumException.Forbidden("x")).getStatus()).isEqualTo(403);
        assertThat(mapper.plurum(new PlurumException.Unauthorized("x")).getHeaderString("WWW-Authenticate"))
                .isEqualTo("Bearer");
    }

    @Test
    void shouldNameTheFieldOfAWrongType() {
        JsonProcessingException e = readFailure("{\"count\": \"many\"}");
        Problem problem = (Problem) mapper.unreadableJson(e).getEntity();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("count");
    }

    @Test
    void shouldAnswerMalformedJsonWithoutEchoingIt() {
        JsonProcessingException e = readFailure("{\"name\": \"sk-secret-value\"");
        Problem problem = (Problem) mapper.unreadableJson(e).getEntity();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).isEqualTo("The request body is not valid JSON.").doesNotContain("sk-secret");
    }

    @Test
    void shouldTurnValidationFailuresIntoFieldErrors() {
        Response response = mapper.validation(new ConstraintViolationException("bad", Set.of()));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(ProblemMapper.snakeCase("toolsUsed")).isEqualTo("tools_used");
    }

    @Test
    void shouldNameAViolatedQueryParameterAsTheClientSendsIt() throws NoSuchMethodException {
        Method list = InterceptedResource.class.getMethod("list", Integer.class, String.class, Integer.class,
                Sample.class);
        Set<ConstraintViolation<InterceptedResource>> violations;
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            violations = factory.getValidator().forExecutables()
                    .validateParameters(new InterceptedResource(), list, new Object[] {0, "maybe", 0, null});
        }
        Problem problem = (Problem) mapper.validation(new ConstraintViolationException(violations)).getEntity();
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("body", "is required"),
                new Problem.FieldError("limit", "must be at least 1"),
                new Problem.FieldError("page", "must be at least 1"),
                new Problem.FieldError("unread_only", "must be true or false"));
    }

    @Test
    void shouldHideInternalsOfUnexpectedFailures() {
        Response response = mapper.unexpected(new IllegalStateException("password=hunter2 at db"));
        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(Json.write(problem)).doesNotContain("hunter2").doesNotContain("IllegalState");
    }

    @Test
    void shouldKeepStatusOfJaxRsErrors() {
        Response response = mapper.jaxrs(new NotFoundException());
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(((Problem) response.getEntity()).title()).isEqualTo("Not Found");
    }

    private static JsonProcessingException readFailure(String json) {
        try {
            Json.mapper().readValue(json, Sample.class);
            throw new AssertionError("expected a parse failure");
        } catch (JsonProcessingException e) {
            return e;
        }
    }
}
