-- Validation watches the whole 24 h / 48 h window (issue 12): each executor pass appends the minutes it has not
-- seen yet of the move's pools and of the registry replica, one row per series and chunk, values as text
-- (comma-separated, "" for a minute without a value). The verdict reads the whole window back.
create table validation_series (
    plan_id         varchar(36)  not null,
    seq             integer      not null,
    series          varchar(160) not null,
    from_minute     bigint       not null,
    minute_values   text         not null,
    primary key (plan_id, seq, series, from_minute)
);

-- How the source drained after a cutover: in-flight requests as the fleet reported them, every 5 s.
create table move_drain (
    plan_id         varchar(36)  not null,
    seq             integer      not null,
    cutover_at      timestamp with time zone not null,
    ended_after_s   integer      not null,
    curve           varchar(2000) not null,
    primary key (plan_id, seq)
);
