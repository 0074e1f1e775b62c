package dev.stampboard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.signals.engine.AlertSubject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A reactive alert belongs to a region by what it is about, not by how its name reads: the dashboard once matched
 * {@code "registry@region"} with {@code endsWith("@" + region)}. The fleet refuses {@code @} in names, but the engine's
 * subjects do not depend on it.
 */
class AlertRegionTest {

    private static final Set<String> EASTUS_STAMPS = Set.of("eus-s01", "eus-s02");

    @Test
    void a_stamp_belongs_to_the_region_whose_stamps_include_it() {
        assertThat(DashboardService.inRegion(AlertSubject.stamp("eus-s01"), "eastus", EASTUS_STAMPS))
                .isTrue();
        assertThat(DashboardService.inRegion(AlertSubject.stamp("weu-s01"), "eastus", EASTUS_STAMPS))
                .isFalse();
        // a stamp whose name reads like another region's replica is still only a stamp
        assertThat(DashboardService.inRegion(AlertSubject.stamp("reg@eastus"), "eastus", EASTUS_STAMPS))
                .isFalse();
    }

    @Test
    void a_replica_belongs_to_its_own_region_whatever_its_names_contain() {
        assertThat(DashboardService.inRegion(AlertSubject.replica("contoso.azurecr.io", "eastus"), "eastus", Set.of()))
                .isTrue();
        assertThat(DashboardService.inRegion(
                        AlertSubject.replica("eastus.azurecr.io", "westeurope"), "eastus", EASTUS_STAMPS))
                .isFalse();
        // its label "a@b@eastus" ends with "@eastus": the old text match put it in eastus
        assertThat(DashboardService.inRegion(AlertSubject.replica("a", "b@eastus"), "eastus", EASTUS_STAMPS))
                .isFalse();
        assertThat(DashboardService.inRegion(AlertSubject.replica("x@eastus", "westeurope"), "westeurope", Set.of()))
                .isTrue();
        // a registry named like one of the region's stamps is not that stamp
        assertThat(DashboardService.inRegion(AlertSubject.replica("eus-s01", "westeurope"), "eastus", EASTUS_STAMPS))
                .isFalse();
    }

    @Test
    void subjects_are_equal_by_what_they_name_and_read_as_before() {
        assertThat(AlertSubject.replica("reg", "weu")).isEqualTo(AlertSubject.replica("reg", "weu"));
        assertThat(AlertSubject.replica("reg", "weu")).isNotEqualTo(AlertSubject.replica("reg", "eus"));
        assertThat(AlertSubject.stamp("reg")).isNotEqualTo(AlertSubject.replica("reg", "weu"));
        // the label is what evidence and the alert list showed before the subject was typed
        assertThat(AlertSubject.replica("reg.azurecr.io", "weu").label()).isEqualTo("reg.azurecr.io@weu");
        assertThat(AlertSubject.stamp("weu-s01").label()).isEqualTo("weu-s01");
    }
}
