package dev.stampboard.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows of Spring Modulith's {@code event_publication} table as an instance leaves them when it stops before a
 * listener ran: the listener and type columns are taken from a real publication (whose transaction is rolled back),
 * so a test never spells out a listener id by hand.
 */
public final class PublicationRows {

    private PublicationRows() {}

    /**
     * The rows (listener_id, event_type, serialized_event) the registry stores when {@code event} is published, one
     * per listener, found by {@code marker} in the serialized event; the publishing transaction is rolled back.
     */
    public static List<Map<String, Object>> of(
            Object event, String marker, TransactionTemplate tx, ApplicationEventPublisher events, JdbcClient jdbc) {
        List<Map<String, Object>> rows = tx.execute(status -> {
            events.publishEvent(event);
            List<Map<String, Object>> r = jdbc.sql(
                            "select listener_id, event_type, serialized_event from event_publication"
                                    + " where serialized_event like ?")
                    .param("%" + marker + "%")
                    .query()
                    .listOfRows();
            status.setRollbackOnly();
            return r;
        });
        return rows == null ? List.of() : rows;
    }

    /** An outstanding (not completed) publication of {@code row}'s listener and type, with this JSON and date. */
    public static void insertOutstanding(
            JdbcClient jdbc, UUID id, Map<String, Object> row, Object serializedEvent, Instant publishedAt) {
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                        id,
                        row.get("listener_id"),
                        row.get("event_type"),
                        serializedEvent,
                        OffsetDateTime.ofInstant(publishedAt, ZoneOffset.UTC))
                .update();
    }
}
