package dev.stampboard.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelStatusTest {

    @ParameterizedTest
    @CsvSource({
        "INACTIVE, INACTIVE, false",
        "INACTIVE, ACTIVE, true",
        "INACTIVE, RETIRED, false",
        "ACTIVE, INACTIVE, false",
        "ACTIVE, ACTIVE, false",
        "ACTIVE, RETIRED, true",
        "RETIRED, INACTIVE, false",
        "RETIRED, ACTIVE, true",
        "RETIRED, RETIRED, false"
    })
    void every_pair_against_the_table(ModelStatus from, ModelStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }
}
