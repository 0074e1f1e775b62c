package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    void rehome_binds_the_replica_to_the_new_stamp_and_returns_the_old() {
        Registry registry = Registry.create("contoso.azurecr.io", "contoso");
        registry.addReplica("eastus", "eus-s01");
        registry.addReplica("westeurope", "weu-s01");
        assertThat(registry.rehome("eastus", "eus-s04")).isEqualTo("eus-s01");
        assertThat(registry.toInfo().homeStamp("eastus")).contains("eus-s04");
        assertThat(registry.toInfo().homeStamp("westeurope")).contains("weu-s01");
    }

    @Test
    void rehome_to_the_same_stamp_or_a_region_without_replica_is_refused() {
        Registry registry = Registry.create("contoso.azurecr.io", "contoso");
        registry.addReplica("eastus", "eus-s01");
        assertThatThrownBy(() -> registry.rehome("eastus", "eus-s01"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already served by");
        assertThatThrownBy(() -> registry.rehome("westeurope", "weu-s01"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no replica in westeurope");
    }

    @Test
    void one_replica_per_region() {
        Registry registry = Registry.create("contoso.azurecr.io", "contoso");
        registry.addReplica("eastus", "eus-s01");
        assertThatThrownBy(() -> registry.addReplica("eastus", "eus-s02")).isInstanceOf(IllegalStateException.class);
    }
}
