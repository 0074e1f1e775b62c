-- Issue 16: a region's own signal settings (peak window, reactive rules, score rule). A region without a
-- row uses the stampboard.signals.* defaults. Owned by the signals module; changes are audited (SETTING_CHANGED).
create table region_signal_setting (
    region             varchar(64)  primary key,
    window_kind        varchar(16)  not null,
    window_minutes     integer,
    daily_start        varchar(5),
    daily_end          varchar(5),
    daily_zone         varchar(64),
    throttling_percent double precision not null,
    throttling_minutes integer      not null,
    error_percent      double precision not null,
    error_minutes      integer      not null,
    p99_latency_ms     double precision not null,
    p99_minutes        integer      not null,
    score_threshold    double precision not null,
    score_minutes      integer      not null,
    updated_at         timestamp with time zone not null,
    updated_by         varchar(64)  not null
);
