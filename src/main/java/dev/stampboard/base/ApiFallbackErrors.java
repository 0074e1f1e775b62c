package dev.stampboard.base;

import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What {@link ApiErrors} does not map. Races answer 409; anything unexpected answers 500 with a
 * reference to the log line and never the exception's class, message or SQL, which can carry
 * internals. Consulted last, so the modules' own mappings win.
 */
@RestControllerAdvice(basePackages = "dev.stampboard")
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiFallbackErrors.class);

    /** Bean Validation of a request body ({@link InputLimits}): every offending field, named as the JSON names it. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .sorted()
                .distinct()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", fields + ". Nothing was stored");
    }

    /** A value the database refuses (too long, missing) that no check caught earlier: the client's, not a race. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail refusedByDatabase(DataIntegrityViolationException e) {
        if (e instanceof DuplicateKeyException) {
            return race(e);
        }
        log.warn(
                "A value reached the database unchecked: {}",
                e.getMostSpecificCause().toString());
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                "A value in the request is too long or missing; nothing was stored");
    }

    @ExceptionHandler({ConcurrencyFailureException.class, DuplicateKeyException.class})
    ProblemDetail race(RuntimeException e) {
        log.info("Refused a change that lost a race: {}", e.toString());
        return problem(
                HttpStatus.CONFLICT,
                "Changed a moment ago",
                "Someone else changed this at the same moment and their change won; nothing of yours was stored."
                        + " Reload it and try again if it still makes sense");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // the security filters answer these with 401/403
        }
        if (e instanceof ErrorResponse known) {
            // Spring MVC's own refusals (405, 415, missing parameter, …) already say what was wrong
            return ResponseEntity.status(known.getStatusCode()).body(known.getBody());
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error answered as 500, reference {}", reference, e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Unexpected error",
                        "The console could not complete the request; nothing was stored. Report reference " + reference
                                + " to an administrator"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        return pd;
    }
}
