package dev.stampboard.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import dev.stampboard.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Two auto-configurations that only the tests' class path brings (test-scope jars, which every test context and every
 * console a test starts inherit) stay out, so a test start does no work production never does (application.yml,
 * {@code spring.autoconfigure.exclude}; README "Tests"): Spring Authorization Server's JWT support generated an RSA key
 * at every start and its {@link JwtDecoder} switched on the API's bearer-JWT check; springdoc's Kotlin support loaded
 * kotlin-reflect. The test profile names no identity provider, so no decoder may exist at all.
 */
class NoTestClassPathAutoConfigurationTest extends SpringTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void no_authorization_server_key_and_no_jwt_decoder_without_an_identity_provider() {
        assertThat(context.getBeanNamesForType(JWKSource.class)).isEmpty();
        assertThat(context.getBeanNamesForType(JwtDecoder.class)).isEmpty();
        assertThat(
                        context.containsBean(
                                "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"))
                .isFalse();
    }

    @Test
    void no_springdoc_kotlin_support() throws ClassNotFoundException {
        Class<?> kotlinSupport = Class.forName("org.springdoc.core.configuration.SpringDocKotlinConfiguration");
        assertThat(context.getBeanNamesForType(kotlinSupport)).isEmpty();
    }
}
