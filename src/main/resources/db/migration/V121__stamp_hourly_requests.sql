-- Issue 18: each stamp's requests per hour, for the stamp score's growth feature (the last 24 h against the 24 h
-- before), which needs two days, more than the signals engine keeps (12 h). Every console instance writes the hours
-- it read whole from its engine; late telemetry only adds requests, so the larger total stays. An instance that reads
-- a stamp afresh (at start) takes the hours before its engine's first minute from here. Rows older than 3 days are
-- deleted hourly by the elected instance.
create table stamp_hourly_requests (
    stamp     varchar(64) not null,
    hour_at   timestamp with time zone not null,
    requests  bigint      not null,
    primary key (stamp, hour_at)
);
create index stamp_hourly_requests_hour on stamp_hourly_requests (hour_at);
