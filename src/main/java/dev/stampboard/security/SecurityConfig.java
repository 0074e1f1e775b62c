package dev.stampboard.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import dev.stampboard.security.ui.LoginView;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)
@EnableConfigurationProperties(UsersProperties.class)
@org.springframework.context.annotation.Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    /**
     * Actuator: health and its liveness/readiness groups are open (load balancers and kubelets do not
     * log in); the Prometheus scrape needs a console user with VIEWER unless
     * {@code stampboard.metrics.anonymous=true} (e.g. a scraper inside a private network).
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http,
                                      @org.springframework.beans.factory.annotation.Value("${stampboard.metrics.anonymous:false}")
                                      boolean anonymousMetrics) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    if (anonymousMetrics) {
                        a.requestMatchers("/actuator/prometheus").permitAll();
                    }
                    a.anyRequest().hasRole(Role.VIEWER_NAME);
                })
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED,
                        "Authentication required: send HTTP Basic credentials of a console user with the VIEWER role")))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN,
                        "Your role does not allow reading the console's metrics")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    /** The JSON API: HTTP Basic, no session, problem+json on 401/403 so scripts get a readable answer. */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED,
                        "Authentication required: send HTTP Basic credentials of a console user")))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN,
                        "Your role does not allow this action")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain vaadinChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/swagger-ui/**", "/swagger-ui.html").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse res, HttpStatus status, String detail)
            throws java.io.IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
