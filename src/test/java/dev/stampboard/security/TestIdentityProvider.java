package dev.stampboard.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID provider for the single-sign-on test: Spring Authorization Server in its own small Spring
 * application, a process of its own on a port the test chose (no console beans, no database), playing the company's Entra ID. Its people and
 * applications carry Entra-style app roles in a {@code roles} claim and their sign-in name in
 * {@code preferred_username}.
 */
public final class TestIdentityProvider {

    static final String CONSOLE_CLIENT = "stampboard";
    static final String CONSOLE_SECRET = "console-client-secret";
    static final String SCRIPT_CLIENT = "nightly-report";
    static final String SCRIPT_SECRET = "nightly-report-secret";
    static final String ROLELESS_CLIENT = "unassigned-app";
    /** A command-line client a person signs in with to get their own access token for the API. */
    static final String CLI_CLIENT = "stampboard-cli";

    static final String CLI_REDIRECT = "http://127.0.0.1:9/cli-callback";
    static final String CLI_SECRET = "cli-client-secret";
    static final String PASSWORD = "correct-horse-sso";

    /** Entra-style app roles per person or application. */
    static final Map<String, List<String>> APP_ROLES = Map.of(
            "grace@contoso.example",
            List.of("Stampboard.Admin"),
            "ivan@contoso.example",
            List.of("Stampboard.Engineer", "Unrelated.Role"),
            "nora@contoso.example",
            List.of(),
            SCRIPT_CLIENT,
            List.of("Stampboard.Viewer"),
            ROLELESS_CLIENT,
            List.of());

    private TestIdentityProvider() {}

    /**
     * The provider as a process of its own (a child JVM of the single-sign-on test, {@code ChildConsole}):
     * {@code --server.port=…} and {@code --console.base-url=…}, where the console will send people back to.
     */
    public static void main(String[] args) {
        new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .properties(Map.of(
                        "spring.config.name",
                        "test-identity-provider",
                        "spring.main.banner-mode",
                        "off",
                        "logging.level.root",
                        "WARN",
                        // a cookie of its own name: the console's session must never be overwritten by it
                        "server.servlet.session.cookie.name",
                        "IDPSESSION"))
                .run(args);
    }

    // not a @Configuration: the console's component scan must never find this provider
    @EnableWebSecurity
    @ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class
    })
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            return http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, s -> s.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                    .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()))
                    .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(APP_ROLES.keySet().stream()
                    .filter(n -> n.contains("@"))
                    .map(n -> User.withUsername(n)
                            .password("{noop}" + PASSWORD)
                            .roles("EMPLOYEE")
                            .build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients(org.springframework.core.env.Environment env) {
            ClientSettings noConsent =
                    ClientSettings.builder().requireAuthorizationConsent(false).build();
            RegisteredClient console = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CONSOLE_CLIENT)
                    .clientSecret("{noop}" + CONSOLE_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(env.getRequiredProperty("console.base-url") + "/login/oauth2/code/contoso")
                    .scope(OidcScopes.OPENID)
                    .clientSettings(noConsent)
                    .build();
            RegisteredClient cli = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLI_CLIENT)
                    .clientSecret("{noop}" + CLI_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(CLI_REDIRECT)
                    .scope(OidcScopes.OPENID)
                    .clientSettings(noConsent)
                    .build();
            List<RegisteredClient> apps = List.of(SCRIPT_CLIENT, ROLELESS_CLIENT).stream()
                    .map(id -> RegisteredClient.withId(UUID.randomUUID().toString())
                            .clientId(id)
                            .clientSecret("{noop}" + (id.equals(SCRIPT_CLIENT) ? SCRIPT_SECRET : SCRIPT_SECRET + "-2"))
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                            .scope("api")
                            .build())
                    .toList();
            List<RegisteredClient> all = new java.util.ArrayList<>(List.of(console, cli));
            all.addAll(apps);
            return new InMemoryRegisteredClientRepository(all);
        }

        /** Entra ID puts app roles into both the ID token and the access token, and the sign-in name into the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> appRoles() {
            return context -> {
                String who = context.getPrincipal().getName();
                boolean idToken = OidcParameterNames.ID_TOKEN.equals(
                        context.getTokenType().getValue());
                if (idToken || OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    context.getClaims().claim("roles", APP_ROLES.getOrDefault(who, List.of()));
                    if (who.contains("@")) {
                        context.getClaims().claim("preferred_username", who);
                    } else {
                        context.getClaims().claim("azp", who);
                    }
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> signingKeys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings(org.springframework.core.env.Environment env) {
            return AuthorizationServerSettings.builder()
                    .issuer("http://localhost:" + env.getRequiredProperty("server.port"))
                    .build();
        }
    }
}
