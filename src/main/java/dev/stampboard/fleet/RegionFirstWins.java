package dev.stampboard.fleet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creates a region first-wins: two stamps of a region nobody declared yet, declared at once (two console instances,
 * or two threads of one), both see no region and both insert it. The second insert waits for the first to commit and
 * then fails on the primary key; that failure is rolled back to a savepoint, so it does not abort the declaring
 * transaction (PostgreSQL aborts a transaction on any failed statement), and the declaration goes on with the region
 * the other one stored.
 */
final class RegionFirstWins {

    private final JdbcClient jdbc;

    RegionFirstWins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the region unless it exists; true when this call stored it. Runs inside the caller's transaction. */
    boolean insert(String name, String zoneId) {
        jdbc.sql("savepoint region_first_wins").update();
        try {
            int inserted = jdbc.sql("insert into region (name, zone_id) select ?, ? from (values (1)) v"
                            + " where not exists (select 1 from region where name = ?)")
                    .params(name, zoneId, name)
                    .update();
            jdbc.sql("release savepoint region_first_wins").update();
            return inserted == 1;
        } catch (DuplicateKeyException raced) {
            jdbc.sql("rollback to savepoint region_first_wins").update();
            return false;
        }
    }
}
