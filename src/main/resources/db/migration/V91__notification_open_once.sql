-- Issue 18: several console instances raise the same notice (a pool turning HOT is seen by every instance's engine).
-- An open notification raised "unless open" holds its kind and subject as open_key until it is resolved; the unique
-- index lets the first instance's insert win and the others store nothing. NULL (resolved, or a notice that may
-- repeat) is not unique-checked on H2 or PostgreSQL.
alter table notification add column open_key varchar(300);

-- the oldest open notice per kind and subject keeps the key (duplicates raised before this fix stay open, unkeyed)
update notification set open_key = kind || ':' || subject
where resolved_at is null
  and kind in ('STAMP_HOT', 'APPROVAL_NEEDED', 'MIGRATION_PAUSED')
  and id = (select min(n2.id) from notification n2
            where n2.kind = notification.kind and n2.subject = notification.subject and n2.resolved_at is null);

create unique index ux_notification_open_key on notification (open_key);
