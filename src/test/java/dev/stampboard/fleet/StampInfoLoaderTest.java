package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fleet snapshot's bulk read (four queries) gives every stamp exactly as the repository's aggregate mapping does
 * ({@link Stamp#toInfo}): pools in kind order, nodes and storage accounts sorted, a missing scale set's time.
 */
class StampInfoLoaderTest extends SpringTest {

    @Autowired
    StampRepository stamps;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void the_bulk_read_gives_every_stamp_as_the_aggregate_mapping_does() {
        List<StampInfo> expected = tx.execute(s -> stamps.findAll().stream()
                .map(Stamp::toInfo)
                .sorted(Comparator.comparing(StampInfo::name))
                .toList());
        List<StampInfo> bulk = tx.execute(s -> StampInfoLoader.all(jdbc).stream()
                .sorted(Comparator.comparing(StampInfo::name))
                .toList());
        assertThat(expected).as("the seed's stamps").hasSizeGreaterThanOrEqualTo(10);
        assertThat(expected.stream().anyMatch(st -> !st.storageAccounts().isEmpty()))
                .as("some with storage accounts")
                .isTrue();
        assertThat(bulk).isEqualTo(expected);
    }
}
