package dev.stampboard.base;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the JDBC stores of the state machines (capacity changes, plan and move runs) do alike: instants written as
 * UTC timestamps and read back, nullable numbers, and a row inserted at most once (a step journal's line, a
 * redelivered proposal) where the table's unique key says whether it was there already.
 */
public final class StoreColumns {

    private StoreColumns() {}

    /** An instant as the timestamp parameter of a statement (UTC), null stays null. */
    public static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A nullable timestamp column. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A {@code not null} timestamp column. */
    public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        Instant value = instant(rs, column);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is declared not null but read null");
        }
        return value;
    }

    /** A nullable number column. */
    public static @Nullable Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** Runs an insert; false when the row's unique key was taken already (nothing was written). */
    public static boolean insertOnce(JdbcClient.StatementSpec insert) {
        try {
            return insert.update() == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }
}
