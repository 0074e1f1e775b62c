package dev.stampboard.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.stampboard.security.ui.LoginView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)
@EnableConfigurationProperties({UsersProperties.class, SecurityProperties.class, SingleSignOnProperties.class})
@org.springframework.context.annotation.Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    /**
     * What the browser may load: Vaadin needs inline scripts/styles and eval for its bootstrap and
     * Lit templates, websockets to itself, data: images; nothing from other origins, no framing.
     */
    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";
    /** The API answers JSON only: nothing in it may run or be framed. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    /**
     * Actuator: health and its liveness/readiness groups are open (load balancers and kubelets do not
     * log in); the Prometheus scrape needs a console user with VIEWER unless
     * {@code stampboard.metrics.anonymous=true} (e.g. a scraper inside a private network).
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            @org.springframework.beans.factory.annotation.Value("${stampboard.metrics.anonymous:false}")
                    boolean anonymousMetrics)
            throws Exception {
        return http.securityMatcher("/actuator/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    if (anonymousMetrics) {
                        a.requestMatchers("/actuator/prometheus").permitAll();
                    }
                    a.anyRequest().hasRole(Role.VIEWER_NAME);
                })
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::unauthenticated))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> ProblemResponse.write(
                        res, HttpStatus.FORBIDDEN, "Your role does not allow reading the console's metrics")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    /**
     * The JSON API: API tokens, the identity provider's JWTs where one is configured (OAuth2 resource server),
     * HTTP Basic of local users; no session; problem+json on 401/403 so scripts get a readable answer. A caller
     * needs a console role: a JWT that maps to none is refused.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            SecurityProperties properties,
            AuthenticationManager authenticationManager,
            ApiTokens tokens,
            SecurityContextHolderStrategy holder,
            ObjectProvider<JwtDecoder> jwtDecoder,
            TokenClaims claims,
            UserAccounts accounts)
            throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
            // its own manager: the chain's is the local password check
            JwtAuthenticationProvider jwts = new JwtAuthenticationProvider(decoder);
            jwts.setJwtAuthenticationConverter(new ConsoleJwtUsers(claims, accounts));
            http.oauth2ResourceServer(o -> o
                    // the console's own API tokens are not JWTs: the API token filter answers for them
                    .bearerTokenResolver(request -> {
                        String token = bearer.resolve(request);
                        return token == null || token.startsWith(ApiTokens.PREFIX) ? null : token;
                    })
                    .jwt(j -> j.authenticationManager(new ProviderManager(jwts)))
                    .authenticationEntryPoint(SecurityConfig::unauthenticated)
                    .accessDeniedHandler((req, res, ex) ->
                            ProblemResponse.write(res, HttpStatus.FORBIDDEN, "Your role does not allow this action")));
        }
        return http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authenticationManager(authenticationManager)
                .addFilterBefore(new ApiTokenFilter(tokens, holder), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    if (properties.publicApiDocs()) {
                        a.requestMatchers("/v3/api-docs/**").permitAll();
                    }
                    a.anyRequest()
                            .hasAnyRole(java.util.Arrays.stream(Role.values())
                                    .map(Role::name)
                                    .toArray(String[]::new));
                })
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::unauthenticated))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
                        ProblemResponse.write(res, HttpStatus.FORBIDDEN, "Your role does not allow this action")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .csrf(c -> c.disable()) // no cookies are accepted here, so there is nothing to forge
                .build();
    }

    /**
     * The console. Vaadin protects its own requests with its CSRF token; every other POST, the login
     * form's included, needs Spring's token (the login view signs in through Vaadin, not a bare POST).
     */
    @Bean
    @Order(2)
    SecurityFilterChain vaadinChain(
            HttpSecurity http,
            SecurityProperties properties,
            RequestUtil requestUtil,
            AuthenticationManager authenticationManager,
            ObjectProvider<ClientRegistrationRepository> identityProviders,
            TokenClaims claims,
            UserAccounts accounts,
            SingleSignOnProperties sso)
            throws Exception {
        if (identityProviders.getIfAvailable() == null) {
            http.authenticationManager(authenticationManager);
        } else {
            // the OpenID Connect providers that oauth2Login adds come first, the local password check after them
            http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(authenticationManager);
            // OpenID Connect: the login view links to /oauth2/authorization/{provider}; a refusal comes back to it
            SimpleUrlAuthenticationFailureHandler failed =
                    new SimpleUrlAuthenticationFailureHandler("/login?sso-failed");
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(new ConsoleOidcUsers(claims, accounts, sso)))
                    .failureHandler(failed));
        }
        if (properties.publicApiDocs()) {
            http.authorizeHttpRequests(
                    a -> a.requestMatchers("/swagger-ui/**", "/swagger-ui.html").permitAll());
        }
        http.csrf(c -> c.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONSOLE_CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.with(
                        VaadinSecurityConfigurer.vaadin(),
                        c -> c.loginView(LoginView.class).enableCsrfConfiguration(false))
                .build();
    }

    @Bean
    TokenClaims tokenClaims(SingleSignOnProperties sso) {
        return new TokenClaims(sso);
    }

    /**
     * BCrypt at {@code stampboard.security.password-hash-strength} (log rounds; 10, BCrypt's default, unless set).
     * The test profile and the consoles the tests start use 4: every HTTP Basic request and every test login is one
     * check, 72 ms of CPU each at 10 and about 1 ms at 4. Hashes carry their strength, so either setting checks both.
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @org.springframework.beans.factory.annotation.Value("${stampboard.security.password-hash-strength:10}")
                    int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    SignInThrottle signInThrottle(SecurityProperties properties) {
        SecurityProperties.SignIn s = properties.signIn();
        return new SignInThrottle(
                new SignInThrottle.Policy(s.freeFailuresPerUser(), s.firstLock(), s.maxLock()),
                new SignInThrottle.Policy(s.freeFailuresPerAddress(), s.firstLock(), s.maxLock()),
                Clock.systemUTC()); // locks run on the wall clock, never the simulated one
    }

    /** Every password check (login view, HTTP Basic) goes through the throttle. */
    @Bean
    AuthenticationManager authenticationManager(
            UserAccounts users,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            ApplicationEventPublisher events,
            LocalSignInSetting localSignIn) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(
                new LocalSignInGate(new ThrottledPasswordCheck(passwords, throttle, events), localSignIn));
    }

    /** 401 with a hint, or 429 with {@code Retry-After} while the sign-in is throttled. */
    private static void unauthenticated(HttpServletRequest req, HttpServletResponse res, AuthenticationException ex)
            throws IOException {
        if (ex instanceof SignInThrottled throttled) {
            res.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            ProblemResponse.write(
                    res,
                    HttpStatus.TOO_MANY_REQUESTS,
                    java.util.Objects.requireNonNullElse(throttled.getMessage(), "Too many failed sign-ins"));
        } else if (ex instanceof LocalSignInOff || ex instanceof SingleSignOnRefused) {
            ProblemResponse.write(
                    res,
                    HttpStatus.UNAUTHORIZED,
                    java.util.Objects.requireNonNullElse(ex.getMessage(), "Not signed in"));
        } else if (ex instanceof OAuth2AuthenticationException) {
            res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ProblemResponse.write(
                    res,
                    HttpStatus.UNAUTHORIZED,
                    "The bearer token is not a valid token of the configured identity provider (signature, issuer,"
                            + " audience or expiry)");
        } else {
            ProblemResponse.write(
                    res,
                    HttpStatus.UNAUTHORIZED,
                    "Authentication required: send an API token (Authorization: Bearer sbt_…) or HTTP Basic credentials of a console user");
        }
    }
}
