package dev.stampboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer sbt_…} on the API: a live {@link ApiTokens} token signs the request in
 * (no session); a dead or unknown one is a 401 at once, never a fall-back to other credentials.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final SecurityContextHolderStrategy holder;

    ApiTokenFilter(ApiTokens tokens, SecurityContextHolderStrategy holder) {
        this.tokens = tokens;
        this.holder = holder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null
                || !header.regionMatches(true, 0, "Bearer " + ApiTokens.PREFIX, 0, 7 + ApiTokens.PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Bearer> bearer =
                tokens.authenticate(header.substring(7).strip());
        if (bearer.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ProblemResponse.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The API token is unknown, expired or revoked; create a new one in the console");
            return;
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                bearer.get().principal(),
                null,
                bearer.get().roles().stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList()));
        holder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            holder.clearContext();
        }
    }
}
