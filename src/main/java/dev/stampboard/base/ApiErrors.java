package dev.stampboard.base;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns the modules' exceptions into RFC 9457 problem details with a message a person can act on. */
@RestControllerAdvice(basePackages = "dev.stampboard")
@org.springframework.core.annotation.Order(0) // before ApiFallbackErrors, whose catch-all would otherwise win
class ApiErrors {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    // Only the project's own types are mapped: a bare IllegalStateException or IllegalArgumentException
    // is a bug (ours or a library's) and must surface as a 500, not pass for the caller's mistake.
    @ExceptionHandler(TransitionRefused.class)
    ProblemDetail refused(TransitionRefused e) {
        return problem(HttpStatus.CONFLICT, "Not allowed in the current state", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    /** Another change holds what this one needs: a retryable answer, with when to retry, not a 500. */
    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.CONFLICT, "Busy, try again", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getMostSpecificCause() instanceof BodyTooLargeException tooLarge) {
            return problem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "Content Too Large",
                    "The request body is larger than "
                            + tooLarge.cap() / 1024 + " KB, the most this endpoint accepts; send it in smaller parts."
                            + " Nothing was stored");
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return problem(
                HttpStatus.BAD_REQUEST, "Malformed request body", JsonShape.explain(cause) + "; nothing was stored");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid parameter",
                "Parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    }

    private static ProblemDetail problem(
            HttpStatus status, String title, @org.jspecify.annotations.Nullable String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        return pd;
    }
}
