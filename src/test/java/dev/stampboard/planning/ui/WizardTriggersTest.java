package dev.stampboard.planning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.stampboard.KaribuTest;
import org.junit.jupiter.api.Test;

/** The wizard preselects every triggered stamp and says which signal triggered it. */
class WizardTriggersTest extends KaribuTest {

    @Test
    void the_seeds_hot_stamps_are_preselected_with_their_p95_trigger() {
        login("alice");
        UI.getCurrent().navigate(MigrationWizardView.class);
        MigrationWizardView wizard = _get(MigrationWizardView.class);
        wizard.region.setValue("eastus");
        String note = wizard.triggeredNote.getElement().getTextRecursively();
        assertThat(wizard.stamps.getValue()).contains("eus-s01", "eus-s04");
        assertThat(note).startsWith("Triggered stamps are preselected:");
        // DESIGN §10's seed: the source stamp's dataproxy pool runs near 96 % hot-node P95, far above 45 %
        assertThat(note).containsPattern("eus-s01 P95 DATAPROXY hot-node P95 9\\d\\.\\d % above 45\\.0 %");
        for (String stamp : wizard.stamps.getValue()) {
            assertThat(note).contains(stamp + " ");
        }
    }
}
