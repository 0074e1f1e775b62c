-- Users managed in the console (issue 14): an admin disables a user instead of deleting it (its audit trail and
-- tokens keep a name to point at), and people who sign in through the identity provider are listed too, with
-- the roles their last token carried. They have no password here: single sign-on is their only way in.
alter table app_user add column enabled boolean default true not null;
alter table app_user add column source varchar(8) default 'LOCAL' not null;
alter table app_user add column last_sign_in_at timestamp with time zone;
alter table app_user alter column password_hash drop not null;

-- Sign-in settings an administrator changes at runtime (local password sign-in on or off); security's own, beside
-- the signal thresholds' table.
create table security_setting (
    name          varchar(64)  primary key,
    setting_value varchar(255) not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(64)  not null
);
