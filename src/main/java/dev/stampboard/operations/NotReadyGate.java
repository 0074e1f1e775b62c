package dev.stampboard.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server accepts connections before the console is ready (users not yet written: 401; back-fill
 * not done: empty answers). Until {@link StartupReadiness} is UP, every request except the actuator's
 * gets 503 with {@code Retry-After}, which clients and load balancers understand as "come back".
 * First in the filter chain, before security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotReadyGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final StartupReadiness readiness;
    /** Once ready, stays open: readiness going down later is for the load balancer, not for refusing requests. */
    private volatile boolean opened;

    NotReadyGate(StartupReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (opened || request.getRequestURI().startsWith(request.getContextPath() + "/actuator")) {
            chain.doFilter(request, response);
            return;
        }
        if (readiness.isReady()) {
            opened = true;
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String awaiting = String.join("; ", readiness.awaiting()).replace("\"", "'");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                        + "\"detail\":\"The console is starting and not ready yet (awaiting: " + awaiting
                        + "); retry after "
                        + RETRY_AFTER_SECONDS + " s\"}");
    }
}
