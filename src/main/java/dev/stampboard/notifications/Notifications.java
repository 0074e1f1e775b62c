package dev.stampboard.notifications;

import dev.stampboard.base.NotFoundException;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification centre: publishes notifications (the other modules' events do, through this
 * module's listeners) and answers the signed-in user's list and unread count. Times are the
 * application clock, like the audit log, so they line up with the simulated minutes.
 */
@Service
public class Notifications {

    private static final String VISIBLE = """
            (n.except_user is null or n.except_user <> :user)
            and exists (select 1 from notification_audience a where a.notification_id = n.id and a.audience in (:audiences))""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final WebhookOutbox outbox;

    /** A savepoint around the first-wins insert: a lost race must not abort the caller's transaction (PostgreSQL). */
    private final TransactionTemplate firstWins;

    Notifications(
            JdbcClient jdbc,
            Clock clock,
            CurrentUser currentUser,
            WebhookOutbox outbox,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.firstWins = new TransactionTemplate(transactions);
        this.firstWins.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.currentUser = currentUser;
        this.outbox = outbox;
    }

    /** Stores the notification for its audiences and, when the webhook is on, queues it for delivery. */
    @Transactional
    public long publish(NewNotification n) {
        var key = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into notification (at, kind, except_user, subject, title, detail, link) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        now(),
                        n.kind().name(),
                        n.exceptUser(),
                        cut(n.subject(), 255),
                        cut(n.title(), 255),
                        cut(n.detail(), 2000),
                        cut(n.link(), 255))
                .update(key, "id");
        Number generated = key.getKey();
        if (generated == null) {
            throw new IllegalStateException("The database returned no id for the new notification");
        }
        long id = generated.longValue();
        addAudiences(id, n);
        return id;
    }

    private void addAudiences(long id, NewNotification n) {
        for (Audience audience : n.audiences()) {
            jdbc.sql("insert into notification_audience (notification_id, audience) values (?, ?)")
                    .params(id, audience.key())
                    .update();
        }
        outbox.enqueue(id);
    }

    /**
     * Publishes unless a notification of the same kind about the same subject is still open (not
     * resolved): a pool flapping around the threshold, or a plan submitted twice, notifies once.
     *
     * <p>First wins in the database: an open notification holds its {@code open_key} (kind and subject, unique; V91)
     * until it is resolved. Several console instances see the same pool turn HOT, each in its own engine, and raise
     * the notice at about the same moment; the one whose insert commits first stores it, the others' inserts find the
     * key taken (or fail on it, inside a savepoint, when they raced) and store nothing.
     */
    @Transactional
    public boolean publishUnlessOpen(NewNotification n) {
        String openKey = openKey(n.kind(), n.subject());
        Long id;
        try {
            id = firstWins.execute(status -> {
                var key = new GeneratedKeyHolder();
                int inserted = jdbc.sql("insert into notification (at, kind, except_user, subject, title, detail, link,"
                                + " open_key) select ?, ?, ?, ?, ?, ?, ?, ? from (values (1)) v"
                                + " where not exists (select 1 from notification where open_key = ?)")
                        .params(
                                now(),
                                n.kind().name(),
                                n.exceptUser(),
                                cut(n.subject(), 255),
                                cut(n.title(), 255),
                                cut(n.detail(), 2000),
                                cut(n.link(), 255),
                                openKey,
                                openKey)
                        .update(key, "id");
                Number generated = key.getKey();
                return inserted == 1 && generated != null ? generated.longValue() : null;
            });
        } catch (DuplicateKeyException raced) {
            return false; // another instance's insert of the same open notice committed first
        }
        if (id == null) {
            return false;
        }
        addAudiences(id, n);
        return true;
    }

    /** The key an open notification of this kind about this subject holds until it is resolved. */
    static String openKey(NotificationKind kind, String subject) {
        return kind.name() + ":" + cut(subject, 255);
    }

    /** What was asked for has happened (e.g. the plan was decided): the notifications stop counting as unread. */
    @Transactional
    public int resolve(NotificationKind kind, String subject) {
        return jdbc.sql("update notification set resolved_at = ?, open_key = null where kind = ? and subject = ?"
                        + " and resolved_at is null")
                .params(now(), kind.name(), subject)
                .update();
    }

    /** The signed-in user's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> mine(int limit) {
        return jdbc.sql("select n.*, (select count(*) from notification_read r where r.notification_id = n.id"
                        + " and r.username = :user) as is_read from notification n where " + VISIBLE
                        + " order by n.id desc limit :limit")
                .params(visibility())
                .param("limit", limit)
                .query((rs, i) -> new Notification(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("subject"),
                        rs.getString("title"),
                        rs.getString("detail"),
                        rs.getString("link"),
                        rs.getLong("is_read") > 0,
                        rs.getObject("resolved_at") != null))
                .list();
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return jdbc.sql(
                        "select count(*) from notification n where n.resolved_at is null and " + VISIBLE
                                + " and not exists (select 1 from notification_read r where r.notification_id = n.id and r.username = :user)")
                .params(visibility())
                .query(Long.class)
                .single();
    }

    @Transactional
    public void markRead(long id) {
        Map<String, Object> params = visibility();
        boolean visible = jdbc.sql("select count(*) from notification n where n.id = :id and " + VISIBLE)
                        .params(params)
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
        if (!visible) {
            throw new NotFoundException("No notification " + id + " for you");
        }
        jdbc.sql("insert into notification_read (notification_id, username) select :id, :user from notification n"
                        + " where n.id = :id and not exists (select 1 from notification_read r where r.notification_id = :id"
                        + " and r.username = :user)")
                .params(params)
                .param("id", id)
                .update();
    }

    @Transactional
    public int markAllRead() {
        return jdbc.sql(
                        "insert into notification_read (notification_id, username) select n.id, :user from notification n where "
                                + VISIBLE
                                + " and not exists (select 1 from notification_read r where r.notification_id = n.id"
                                + " and r.username = :user)")
                .params(visibility())
                .update();
    }

    /** The user's name and every audience they belong to: themselves, their roles, their customer. */
    private Map<String, Object> visibility() {
        String user = currentUser.name();
        List<String> audiences = new ArrayList<>();
        audiences.add(Audience.user(user).key());
        for (Role role : currentUser.roles()) {
            audiences.add(Audience.role(role).key());
        }
        if (currentUser.has(Role.CUSTOMER)) {
            currentUser
                    .restrictedToCustomer()
                    .ifPresent(c -> audiences.add(Audience.customer(c).key()));
        }
        return Map.of("user", user, "audiences", audiences);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
