package dev.stampboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.fleet.StampDeclared;
import dev.stampboard.support.PublicationRows;
import dev.stampboard.support.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulator hands the feed every sample of every minute, so the feed is a plain bean: a Spring proxy in front of
 * it (Modulith's, for a transactional event listener) made each sample a reflective call. The listener that moved off
 * it still stores its publications under the id it had there.
 */
class SignalFeedWithoutProxyTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(SignalFeedWithoutProxyTest.class);

    @Autowired
    SignalFeed feed;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_feed_is_called_directly() {
        assertThat(AopUtils.isAopProxy(feed)).as(feed.getClass().getName()).isFalse();
    }

    @Test
    void a_stamp_declared_is_stored_for_the_listener_under_its_old_id() {
        String stamp = NAMES.stamp(1);
        assertThat(PublicationRows.of(new StampDeclared(stamp), stamp, tx, events, jdbc))
                .extracting(row -> row.get("listener_id"))
                .contains("dev.stampboard.signals.SignalFeed.onStampDeclared(dev.stampboard.fleet.StampDeclared)");
    }
}
