package dev.stampboard.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18: whether a score model version is being trained is the same answer on every instance, because it is read
 * from the store. "Another instance" here is a second {@link ScoreTrainingClaims} on the same database (its own
 * owner name), writing what the training instance writes; this instance trains nothing meanwhile.
 */
class ScoreTrainingClaimsTest extends SpringTest {

    @Autowired
    ScoreModelService scores;

    @Autowired
    JdbcClient jdbc;

    private final java.util.List<ScoreTrainingClaims> others = new java.util.ArrayList<>();

    private ScoreTrainingClaims anotherInstance() {
        ScoreTrainingClaims other = new ScoreTrainingClaims(jdbc);
        others.add(other);
        return other;
    }

    @AfterEach
    void releaseTheOtherInstancesClaims() {
        others.forEach(ScoreTrainingClaims::release);
        jdbc.sql("delete from score_training where slot = ?")
                .param(ScoreTrainingClaims.FIRST_PROBLEM)
                .update();
    }

    @Test
    void a_training_on_another_instance_is_seen_here_and_a_second_one_is_refused() {
        assertThat(scores.isTraining()).as("nothing trains before").isFalse();
        assertThat(scores.noActiveModel()).contains("an admin trains one");

        ScoreTrainingClaims other = anotherInstance();
        assertThat(other.claim(Instant.now())).isTrue();

        assertThat(scores.isTraining()).as("another instance trains").isTrue();
        assertThat(scores.noActiveModel())
                .isEqualTo("No score model is active yet: the first version is being trained");
        assertThatThrownBy(() -> scores.train(Actor.SYSTEM))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("being trained already");

        other.release();
        assertThat(scores.isTraining()).as("its training ended").isFalse();
        assertThat(scores.noActiveModel())
                .isEqualTo("No score model is active; an admin trains one with POST /api/v1/score-model/train");
    }

    @Test
    void a_claim_not_renewed_for_30_s_is_a_training_that_died_and_is_taken_over() {
        ScoreTrainingClaims crashed = anotherInstance();
        Instant now = Instant.now();
        assertThat(crashed.claim(now.minusSeconds(31))).isTrue();
        assertThat(scores.isTraining()).as("its heartbeat is 31 s old").isFalse();

        ScoreTrainingClaims next = anotherInstance();
        assertThat(next.claim(now)).as("the next training takes the slot over").isTrue();
        assertThat(scores.isTraining()).isTrue();
        assertThat(crashed.claim(now))
                .as("while it is renewed, nobody else claims it")
                .isFalse();
        next.renew(now.plusSeconds(25));
        assertThat(crashed.claim(now.plusSeconds(40))).as("renewed 15 s before").isFalse();
    }

    @Test
    void why_the_first_training_failed_is_known_on_every_instance() {
        assertThat(scores.initialTrainingProblem()).isEmpty();
        anotherInstance().firstFailed("the training world could not be simulated", Instant.now());
        assertThat(scores.initialTrainingProblem()).contains("the training world could not be simulated");
    }
}
