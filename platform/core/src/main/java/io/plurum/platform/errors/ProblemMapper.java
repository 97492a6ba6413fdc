package io.plurum.platform.errors;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * The one place where failures become RFC 9457 problem+json: domain exceptions, validation, unreadable JSON,
 * JAX-RS errors and anything unexpected (a 500 without internals).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response plurum(PlurumException e) {
        Response.ResponseBuilder builder = respond(e.problem());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(new PlurumException.BadRequest(detail, errors).problem()).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(unreadable(e).problem()).build();
    }

    /** Quarkus ships its own mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response jaxrs(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request failed with %d", status);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "Method not allowed on this resource.";
            case 406 -> "This resource answers application/json.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> status >= 500 ? "The service failed to answer this request." : title;
        };
        return respond(Problem.of(status, slug, title, detail)).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "internal", "Internal error", "The service failed to answer this request."))
                .build();
    }

    static PlurumException.BadRequest unreadable(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = jsonPath(mismatch);
            String message = e instanceof InvalidFormatException ? "has the wrong type or value" : "has the wrong type";
            return PlurumException.BadRequest.field(field, message);
        }
        return new PlurumException.BadRequest("The request body is not valid JSON.");
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What the client calls the invalid value: a query parameter by its name, else the path into the body. */
    private static String fieldName(ConstraintViolation<?> violation) {
        return queryParameter(violation).orElseGet(() -> fieldName(violation.getPropertyPath()));
    }

    /** The name a query parameter is sent by, when the violation is on one (its path is just method and parameter). */
    private static Optional<String> queryParameter(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        if (nodes.size() != 2 || nodes.get(0).getKind() != ElementKind.METHOD
                || nodes.get(1).getKind() != ElementKind.PARAMETER) {
            return Optional.empty();
        }
        Path.MethodNode method = nodes.get(0).as(Path.MethodNode.class);
        Path.ParameterNode parameter = nodes.get(1).as(Path.ParameterNode.class);
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        // The bean may be a generated subclass whose override carries no JAX-RS annotations: look up the hierarchy.
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            Optional<String> name = Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> m.getName().equals(method.getName()) && Arrays.equals(m.getParameterTypes(), types))
                    .findFirst()
                    .flatMap(m -> queryName(m.getParameters()[parameter.getParameterIndex()]));
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> queryName(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            return Optional.of(query.value());
        }
        RestQuery restQuery = parameter.getAnnotation(RestQuery.class);
        if (restQuery != null) {
            return Optional.of(restQuery.value().isEmpty() ? parameter.getName() : restQuery.value());
        }
        return Optional.empty();
    }

    /** The property path without the method and parameter names (e.g. "register.request.username" -> "username"). */
    private static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(snakeCase(node.getName()));
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
