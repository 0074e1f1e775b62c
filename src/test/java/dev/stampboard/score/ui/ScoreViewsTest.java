package dev.stampboard.score.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.SortDirection;
import dev.stampboard.KaribuTest;
import dev.stampboard.base.Actor;
import dev.stampboard.score.ModelCard;
import dev.stampboard.score.ScoreFixture;
import dev.stampboard.score.ScoreModelService;
import dev.stampboard.score.ScoreService;
import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.signals.StampSignals;
import dev.stampboard.simulator.SimulatorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The score's screens: the dashboard column, the stamp detail section and the model page, for viewers and admins. */
class ScoreViewsTest extends KaribuTest {

    @Autowired
    ScoreService scores;

    @Autowired
    ScoreModelService versions;

    @Autowired
    SimulatorService simulator;

    @Autowired
    JdbcClient jdbc;

    private ModelCard active;

    @BeforeEach
    void anActiveModelAndAScoredMinute() {
        active = ScoreFixture.activeVersion(versions);
        simulator.advance(1, Actor.SYSTEM);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_dashboard_sorts_stamps_by_score_highest_first() {
        login("dave");
        UI.getCurrent().navigate("");
        Grid<StampSignals> grid = _get(Grid.class, spec -> spec.withId("stamps"));
        assertThat(grid.getSortOrder()).hasSize(1);
        assertThat(grid.getSortOrder().get(0).getSorted().getKey()).isEqualTo(ScoreColumn.KEY);
        assertThat(grid.getSortOrder().get(0).getDirection()).isEqualTo(SortDirection.DESCENDING);
        double previous = Double.MAX_VALUE;
        for (int row = 0; row < GridKt._size(grid); row++) {
            String stamp = GridKt._get(grid, row).stamp().name();
            double score = scores.score(stamp).orElse(-1);
            assertThat(score).as(stamp).isLessThanOrEqualTo(previous);
            previous = score;
            String shown = GridKt._getFormattedRow(grid, row).toString();
            assertThat(shown).contains(String.format(java.util.Locale.ROOT, "%.0f", score));
        }
    }

    @Test
    void the_stamp_detail_shows_the_breakdown_and_the_trend_with_its_threshold() {
        login("dave");
        UI.getCurrent().navigate("stamps/eus-s01");
        StampScoreSection section = _get(StampScoreSection.class);
        assertThat(section.summary.getText()).contains("model version " + active.version());
        String breakdown = section.breakdown.getElement().getProperty("option");
        assertThat(breakdown).contains("hot-node P95 dataproxy").contains("lowers the score");
        String trend = section.trend.getElement().getProperty("option");
        assertThat(trend).contains("threshold 70");
    }

    @Test
    void viewers_see_the_model_page_without_admin_actions() {
        login("dave");
        UI.getCurrent().navigate(ScoreModelView.class);
        ScoreModelView view = _get(ScoreModelView.class);
        assertThat(view.summary.getText())
                .contains("Version " + active.version())
                .contains("baseline rule AUC");
        assertThat(GridKt._size(view.weights)).isEqualTo(10);
        assertThat(GridKt._size(view.versions)).isEqualTo(versions.versions().size());
        assertThat(view.train.isVisible()).isFalse();
        assertThat(view.roc.getElement().getProperty("option")).contains("baseline rule");
        assertThat(view.leadTimes.getElement().getProperty("option")).contains("minutes before the incident");
        assertThat(view.method.getText())
                .contains("How it is evaluated")
                .contains("not already inside an incident")
                .contains("The model alarms at a score of at least");
        // the labelling of the next training: read-only for a viewer
        LabellingForm labelling = _get(LabellingForm.class);
        assertThat(labelling.slo.isReadOnly()).isTrue();
        assertThat(labelling.save.isVisible()).isFalse();
        assertThat(labelling.state.getText()).contains("Admins change it");
    }

    /**
     * The page polls every 5 s. A poll with nothing changed reads no version (counted in H2's statistics of the
     * statements run: every read of a version's row selects all its columns) and leaves the grid's rows as they were; a
     * version stored, or pinned, by another instance is shown at the next poll. Its own version number, removed after.
     */
    @Test
    void a_poll_loads_the_versions_only_when_they_changed() {
        login("dave");
        UI.getCurrent().navigate(ScoreModelView.class);
        ScoreModelView view = _get(ScoreModelView.class);
        int shown = GridKt._size(view.versions);
        var rows = view.versions.getDataProvider();
        jdbc.sql("set query_statistics true").update();
        try {
            poll();
            poll();
            assertThat(versionReads())
                    .as("versions read by two polls with nothing changed")
                    .isZero();
            assertThat(view.versions.getDataProvider()).isSameAs(rows);

            ScoreFixture.storeCopy(ctx, active.version(), EXTRA);
            poll();
            assertThat(GridKt._size(view.versions)).isEqualTo(shown + 1);
            assertThat(shownVersion(view, EXTRA).pinned()).isFalse();

            double[] weights = new double[ScoreFeature.COUNT];
            ScoreFixture.pinInStore(ctx, EXTRA, weights);
            poll();
            assertThat(shownVersion(view, EXTRA).pinned())
                    .as("a pin changes no number of versions")
                    .isTrue();
        } finally {
            jdbc.sql("set query_statistics false").update();
            ScoreFixture.remove(ctx, EXTRA);
        }
    }

    private static final int EXTRA = 913_512;

    private static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    private long versionReads() {
        return jdbc.sql("select coalesce(sum(execution_count), 0) from information_schema.query_statistics"
                        + " where sql_statement like 'select * from score_model_version%'")
                .query(Long.class)
                .single();
    }

    private static ModelCard shownVersion(ScoreModelView view, int version) {
        for (int row = 0; row < GridKt._size(view.versions); row++) {
            ModelCard card = GridKt._get(view.versions, row);
            if (card.version() == version) {
                return card;
            }
        }
        throw new AssertionError("version " + version + " is not shown");
    }

    @Test
    void admins_see_train_and_activate() {
        login("erin");
        UI.getCurrent().navigate(ScoreModelView.class);
        ScoreModelView view = _get(ScoreModelView.class);
        assertThat(view.train.isVisible()).isTrue();
        LabellingForm labelling = _get(LabellingForm.class);
        assertThat(labelling.slo.isReadOnly()).isFalse();
        assertThat(labelling.save.isVisible()).isTrue();
        for (int row = 0; row < GridKt._size(view.versions); row++) {
            ModelCard card = GridKt._get(view.versions, row);
            Button activate = (Button) GridKt._getCellComponent(view.versions, row, "activate");
            assertThat(activate.isVisible())
                    .isEqualTo(card.version()
                            != versions.activeCard().orElseThrow().version());
        }
    }
}
