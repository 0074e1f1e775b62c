package dev.stampboard.score;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.SignalsService;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Live stamp scores. Every minute the signals engine advances to, each stamp's previous (complete) minute goes through
 * its feature tracker ({@link LiveScoreBoard}) and the active model ({@link ActiveScoreModel}) scores it; telemetry
 * that arrives late is read and scored again. The versions behind the scores: {@link ScoreModelService}; what counts
 * as an incident: {@link ScoreLabellingService}.
 */
@Service
@EnableConfigurationProperties(ScoreProperties.class)
public class ScoreService {

    private final SignalsService signals;
    private final FleetService fleet;
    private final ScoreProperties properties;
    private final ActiveScoreModel active;
    private final ScoreLabellingService labelling;
    private final LiveObservations observations;
    private final LiveScoreBoard board;

    ScoreService(
            SignalsService signals,
            SignalFeed feed,
            FleetService fleet,
            ScoreProperties properties,
            ActiveScoreModel active,
            ScoreLabellingService labelling,
            StoredHourlyRequests hourlyRequests) {
        this.signals = signals;
        this.fleet = fleet;
        this.properties = properties;
        this.active = active;
        this.labelling = labelling;
        this.observations = new LiveObservations(signals, fleet);
        this.board = new LiveScoreBoard(hourlyRequests);
        active.onChange(board::scoreWith);
        feed.onAdvance(this::onMinute);
        feed.onPastMinuteRecorded(board::late);
    }

    /**
     * Called with each new current minute: minute − 1 is complete in the engine (the feed records after moving).
     * When the clock jumped (a wall clock after a pause), the minutes in between are read too, up to 12 h back.
     */
    void onMinute(long minute) {
        if (board.wants(minute)) {
            board.onMinute(minute, fleet.stamps(), CurrentFeatureSettings.of(signals), observations);
        }
    }

    /**
     * Telemetry recorded after its minute was scored (collectors post a minute after it, back-fills, rows followed
     * from another instance): those stamps' minutes are read and scored again within a second, so every instance
     * shows the score of the minutes as stored, whenever it read them (README "Several instances"). After the active
     * model changed, every stamp's 12 h is scored again with it here too.
     */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void settleLate() {
        if (board.hasLate()) {
            board.settle(fleet.stamps(), CurrentFeatureSettings.of(signals), observations);
        }
    }

    /**
     * Reads the active model before anything moves the engine's minute at start (the stored telemetry's reload, order
     * 1; the simulator's back-fill, order 10, each minute of which this board reads): those minutes are then scored
     * with it as they are read. Read only at readiness, the model came after them, and a model that comes to a board
     * that has read minutes makes it read every stamp's 12 h again ({@link LiveScoreBoard#scoreWith}): a second pass
     * of a start's scoring.
     */
    @EventListener(ApplicationStartedEvent.class)
    @Order(-10)
    void activeModelFirst() {
        active.reload();
    }

    /**
     * Scores at once after start-up (the trailing 12 h the telemetry reload and the simulator's back-fill put in the
     * engine, listeners 1–20), not next minute, under the active version; before the first training may start.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void afterStartup() {
        active.reload();
        onMinute(signals.nowMinute());
    }

    /** The stamp's latest score and breakdown; empty without an active model or before its first minute. */
    public Optional<StampScore> scoreOf(String stamp) {
        return board.scoreOf(stamp);
    }

    /** The latest score, 0–100 (the signals' {@code StampScores} port reads this). */
    public OptionalDouble score(String stamp) {
        return scoreOf(stamp).map(s -> OptionalDouble.of(s.score())).orElse(OptionalDouble.empty());
    }

    /** Consecutive scored minutes, ending with the latest, at or above {@code threshold}. */
    public int minutesAtOrAbove(String stamp, double threshold) {
        return board.minutesAtOrAbove(stamp, threshold);
    }

    /** The stamp's scores of the last 12 h, oldest first: {@code [epoch minute, score]} (score NaN when none). */
    public List<double[]> trend(String stamp) {
        return board.trend(stamp);
    }

    /** How far ahead the active version's score looks, in hours (without one: what the next training uses). */
    public int horizonHours() {
        return active.horizonHours().orElseGet(() -> labelling.labelling().horizonHours());
    }

    /** The score at which a stamp counts as at risk (the evaluation's operating point). */
    public double operatingScore() {
        return properties.operatingScore();
    }
}
