-- Issue 18: one version for the signals settings (the thresholds in `setting` and every region's own settings). Every
-- change raises it in its own transaction; an instance applies what the follower read only when the stored version is
-- newer than the one its memory holds, so the follower never puts back an older version over this instance's own
-- change (before its commit, or after it from a read taken just before it). The row lock makes changes take turns.
create table signal_settings_version (
    id      integer primary key,
    version bigint  not null
);
insert into signal_settings_version (id, version) values (1, 0);
