package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DatabaseRoutingTest extends SpringTest {

    @Autowired
    Routing routing;

    @Test
    void points_an_endpoint_idempotently() {
        assertThat(routing.current("routing-test.azurecr.io", "eastus")).isEmpty();
        assertThat(routing.pointAt("routing-test.azurecr.io", "eastus", "eus-s01"))
                .isTrue();
        assertThat(routing.pointAt("routing-test.azurecr.io", "eastus", "eus-s01"))
                .as("same stamp again")
                .isFalse();
        assertThat(routing.pointAt("routing-test.azurecr.io", "eastus", "eus-s05"))
                .isTrue();
        assertThat(routing.current("routing-test.azurecr.io", "eastus")).contains("eus-s05");
        assertThat(routing.current("routing-test.azurecr.io", "westeurope")).isEmpty();
    }
}
