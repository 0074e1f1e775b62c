-- Which signal triggered each source stamp of a plan (issue 16): typed, not only in the notes.
create table plan_trigger (
    plan_id         varchar(36)  not null references plan (id) on delete cascade,
    seq             integer      not null,
    stamp           varchar(64)  not null,
    kind            varchar(16)  not null,
    detail          varchar(1000) not null,
    since_minute    bigint       not null,
    signal_value    double precision,
    threshold       double precision,
    primary key (plan_id, seq)
);
