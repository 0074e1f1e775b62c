-- Registry traffic ingested from outside the simulator (API, Log Analytics), reloaded into the in-memory
-- window at start and pruned after the telemetry retention. One row per replica (registry, region) and
-- minute: the stamp that served it is a column, so a duplicate for another stamp is refused by the key.
create table registry_traffic_sample (
    registry    varchar(255) not null,
    region      varchar(64)  not null,
    stamp       varchar(64)  not null,
    minute_at   timestamp with time zone not null,
    requests    bigint       not null,
    bytes       bigint       not null,
    throttled   bigint       not null,
    errors      bigint       not null,
    p99_ms      double precision not null,
    primary key (registry, region, minute_at)
);
create index ix_registry_traffic_sample_minute on registry_traffic_sample (minute_at);
