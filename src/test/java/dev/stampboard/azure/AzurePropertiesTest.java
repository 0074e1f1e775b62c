package dev.stampboard.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code stampboard.azure.*}: a missing or wrong property stops the start-up with a message that names it. */
class AzurePropertiesTest {

    @Configuration
    @EnableConfigurationProperties(AzureProperties.class)
    static class Bind {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    private static final String[] COMPLETE = {
        "stampboard.azure.subscription-id=sub-1", "stampboard.azure.resource-groups=rg-a,rg-b",
        "stampboard.azure.dns.resource-group=rg-dns", "stampboard.azure.dns.zone=data.example.net"
    };

    @Test
    void a_complete_configuration_gets_defaults_for_the_rest() {
        runner.withPropertyValues(COMPLETE).run(context -> {
            AzureProperties p = context.getBean(AzureProperties.class);
            assertThat(p.resourceManager()).isEqualTo("https://management.azure.com");
            assertThat(p.authorityHost()).isEqualTo(URI.create("https://login.microsoftonline.com/"));
            assertThat(p.resourceGroups()).containsExactly("rg-a", "rg-b");
            assertThat(p.provisioning().resourceGroup()).isEqualTo("rg-a");
            assertThat(p.telemetryLag()).isEqualTo(Duration.ofMinutes(3));
            assertThat(p.dns().recordName()).isEqualTo("{registry}.{region}");
            assertThat(p.tenantId()).isNull();
        });
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({
        "stampboard.azure.subscription-id, Missing property stampboard.azure.subscription-id",
        "stampboard.azure.resource-groups, Missing property stampboard.azure.resource-groups",
        "stampboard.azure.dns.zone, Missing property stampboard.azure.dns.zone"
    })
    void a_missing_property_is_named(String left, String message) {
        String[] without = java.util.Arrays.stream(COMPLETE)
                .filter(p -> !p.startsWith(left + "="))
                .toArray(String[]::new);
        runner.withPropertyValues(without)
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining(message));
    }

    @Test
    void a_plain_http_endpoint_is_refused() {
        runner.withPropertyValues(COMPLETE)
                .withPropertyValues("stampboard.azure.resource-manager-endpoint=http://localhost:8443")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("stampboard.azure.resource-manager-endpoint must be an https:// URL"));
    }
}
