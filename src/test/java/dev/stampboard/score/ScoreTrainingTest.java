package dev.stampboard.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A training that could not even write its claim (the database was unreachable for a moment) leaves nothing behind:
 * the next training asks for the claim again instead of being refused for ever as "being trained already" here.
 */
class ScoreTrainingTest {

    /** Claims whose first write fails as an unreachable database does; later ones find another instance training. */
    private static final class FailingOnceClaims extends ScoreTrainingClaims {
        int calls;

        FailingOnceClaims() {
            super(null); // no database: claim is the only method the training calls before it trains
        }

        @Override
        boolean claim(Instant now) {
            calls++;
            if (calls == 1) {
                throw new DataAccessResourceFailureException("connection refused");
            }
            return false;
        }
    }

    @Test
    void a_claim_that_could_not_be_written_does_not_leave_this_instance_training() {
        FailingOnceClaims claims = new FailingOnceClaims();
        // nothing but the claims is reached before the claim is held, so the rest may be absent
        ScoreTraining training = new ScoreTraining(null, claims, null, null, null, null, null);

        assertThatThrownBy(() -> training.trainAndStore(null, 1, Actor.SYSTEM))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> training.trainAndStore(null, 1, Actor.SYSTEM))
                .as("the second training asks for the claim again")
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("on another console instance");
        assertThat(claims.calls).isEqualTo(2);
    }
}
