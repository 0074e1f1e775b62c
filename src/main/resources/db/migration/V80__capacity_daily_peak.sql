-- Each pool's hot-node P95 of a day's peak window (the trailing window at the day's end, UTC) and its node count
-- then: the history of the growth forecast and of realised savings. MEASURED rows are recorded as days end;
-- SIMULATED rows are the embedded simulator's back-filled weeks before it started.
create table capacity_daily_peak (
    stamp     varchar(64) not null,
    pool      varchar(16) not null,
    peak_day  date        not null,
    p95       double precision not null,
    nodes     integer     not null,
    origin    varchar(16) not null,
    primary key (stamp, pool, peak_day)
);
