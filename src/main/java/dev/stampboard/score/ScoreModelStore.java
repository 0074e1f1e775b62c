package dev.stampboard.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampboard.score.engine.ScoreModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every trained version ({@code score_model_version}): the fitted model, pinned weights, training and evaluation. */
@Component
class ScoreModelStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ScoreModelStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored version. */
    record Stored(
            int version,
            Instant trainedAt,
            String trainedBy,
            ModelStatus status,
            @Nullable Instant activatedAt,
            @Nullable String activatedBy,
            ScoreModel fitted,
            double @Nullable [] pinnedWeights,
            ModelCard.Training training,
            ModelCard.Evaluated evaluation) {

        ScoreModel effective() {
            return pinnedWeights == null ? fitted : fitted.withWeights(pinnedWeights);
        }
    }

    private record ModelJson(double[] means, double[] scales, double[] weights, double intercept) {}

    int nextVersion() {
        Integer max = jdbc.sql("select max(version) from score_model_version")
                .query(Integer.class)
                .optional()
                .orElse(null);
        return max == null ? 1 : max + 1;
    }

    void insert(
            int version,
            Instant trainedAt,
            String trainedBy,
            ScoreModel model,
            ModelCard.Training training,
            ModelCard.Evaluated evaluation) {
        jdbc.sql(
                        "insert into score_model_version (version, trained_at, trained_by, status, model, training, evaluation)"
                                + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        version,
                        Timestamp.from(trainedAt),
                        trainedBy,
                        ModelStatus.INACTIVE.name(),
                        write(new ModelJson(model.means(), model.scales(), model.weights(), model.intercept())),
                        write(training),
                        write(evaluation))
                .update();
    }

    List<Stored> all() {
        return jdbc.sql("select * from score_model_version order by version desc")
                .query(this::row)
                .list();
    }

    Optional<Stored> find(int version) {
        return jdbc.sql("select * from score_model_version where version = ?")
                .param(version)
                .query(this::row)
                .optional();
    }

    /**
     * {@link #find}, with the row locked until the transaction ends: a read-modify-write of the version (pinning
     * weights) waits for another one in progress and then reads what it wrote. Call it inside a transaction.
     */
    Optional<Stored> findForUpdate(int version) {
        return jdbc.sql("select * from score_model_version where version = ? for update")
                .param(version)
                .query(this::row)
                .optional();
    }

    Optional<Stored> active() {
        return jdbc.sql("select * from score_model_version where status = ?")
                .param(ModelStatus.ACTIVE.name())
                .query(this::row)
                .optional();
    }

    /** The active version and its pinned weights as one string ("" when none is active): changes when either does. */
    String activeMark() {
        return jdbc.sql("select version, pinned_weights from score_model_version where status = ?")
                .param(ModelStatus.ACTIVE.name())
                .query((rs, n) -> rs.getInt(1) + ":" + rs.getString(2))
                .optional()
                .orElse("");
    }

    /**
     * What can change in the list of versions, as one string: each version's number, status and pinned weights (the
     * rest of a version never changes). Read without the versions' JSON, for a page that polls.
     */
    String versionsMark() {
        return String.join(
                ";",
                jdbc.sql("select version, status, pinned_weights from score_model_version order by version")
                        .query((rs, n) -> rs.getInt(1) + ":" + rs.getString(2) + ":" + rs.getString(3))
                        .list());
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from score_model_version")
                        .query(Long.class)
                        .single()
                == 0;
    }

    /** Moves a version from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    boolean move(int version, ModelStatus from, ModelStatus to, @Nullable Instant at, @Nullable String by) {
        if (to == ModelStatus.ACTIVE) {
            return jdbc.sql("update score_model_version set status = ?, activated_at = ?, activated_by = ?"
                                    + " where version = ? and status = ?")
                            .params(to.name(), at == null ? null : Timestamp.from(at), by, version, from.name())
                            .update()
                    == 1;
        }
        return jdbc.sql("update score_model_version set status = ? where version = ? and status = ?")
                        .params(to.name(), version, from.name())
                        .update()
                == 1;
    }

    void pin(int version, double @Nullable [] weights) {
        jdbc.sql("update score_model_version set pinned_weights = ? where version = ?")
                .params(weights == null ? null : write(weights), version)
                .update();
    }

    private Stored row(ResultSet rs, int n) throws SQLException {
        ModelJson m = read(rs.getString("model"), ModelJson.class);
        String pinned = rs.getString("pinned_weights");
        Timestamp activatedAt = rs.getTimestamp("activated_at");
        return new Stored(
                rs.getInt("version"),
                rs.getTimestamp("trained_at").toInstant(),
                rs.getString("trained_by"),
                ModelStatus.valueOf(rs.getString("status")),
                activatedAt == null ? null : activatedAt.toInstant(),
                rs.getString("activated_by"),
                new ScoreModel(m.means(), m.scales(), m.weights(), m.intercept()),
                pinned == null ? null : read(pinned, double[].class),
                read(rs.getString("training"), ModelCard.Training.class),
                read(rs.getString("evaluation"), ModelCard.Evaluated.class));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a score model version", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored score model version", e);
        }
    }
}
