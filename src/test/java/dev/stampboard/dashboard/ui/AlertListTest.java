package dev.stampboard.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.signals.engine.AlertSubject;
import org.junit.jupiter.api.Test;

/** The alert list's "Where" column: the same text as when subjects were {@code registry@region} strings. */
class AlertListTest {

    @Test
    void an_azure_registry_replica_reads_name_at_region_and_a_stamp_reads_its_name() {
        assertThat(AlertList.where(AlertSubject.replica("contoso.azurecr.io", "eastus")))
                .isEqualTo("contoso @ eastus");
        assertThat(AlertList.where(AlertSubject.replica("reg.example.io", "eastus")))
                .isEqualTo("reg.example.io@eastus");
        assertThat(AlertList.where(AlertSubject.stamp("eus-s01"))).isEqualTo("eus-s01");
    }
}
