package dev.stampboard.signals;

import dev.stampboard.fleet.StampDeclared;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the {@link SignalFeed} of stamps the inventory declared. The listener lives here and not on the feed because
 * Spring Modulith proxies every bean with a {@link TransactionalEventListener} method (to mark its event publications
 * complete), and a proxied feed cost every simulated sample a reflective call: the feed takes some 400 samples a
 * simulated minute (7 % of the scenario JVM's Java samples went to that proxy, README "Tests").
 */
@Component
class StampDeclaredListener {

    private final SignalFeed feed;

    StampDeclaredListener(SignalFeed feed) {
        this.feed = feed;
    }

    /**
     * The id is the one this listener had as {@code SignalFeed.onStampDeclared}: publications stored under it (the
     * registry keeps one per listener until it ran) are still delivered here.
     */
    @TransactionalEventListener(
            id = "dev.stampboard.signals.SignalFeed.onStampDeclared(dev.stampboard.fleet.StampDeclared)",
            fallbackExecution = true)
    public void onStampDeclared(StampDeclared event) {
        feed.onStampDeclared(event);
    }
}
