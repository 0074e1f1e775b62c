-- Execution of approved plans (DESIGN §5). One row per plan being executed, one per move; every step
-- is written here before it acts, and each transition is a conditional UPDATE on the version, so a
-- second console instance (or a retry after a crash) never applies the same step twice.
create table plan_run (
    plan_id         varchar(36)  primary key,
    region          varchar(64)  not null,
    status          varchar(24)  not null,
    auto_rollback   boolean      not null,
    started_by      varchar(64)  not null,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    reason          varchar(2000),
    version         integer      not null
);

create table move_run (
    plan_id         varchar(36)  not null references plan_run (plan_id),
    seq             integer      not null,
    registry        varchar(255) not null,
    region          varchar(64)  not null,
    from_stamp      varchar(64)  not null,
    to_stamp        varchar(64)  not null,
    phase           integer      not null,
    batch           integer      not null,
    observation_hours integer    not null,
    state           varchar(24)  not null,
    paused_from     varchar(24),
    state_since     timestamp with time zone not null,
    cutover_at      timestamp with time zone,
    drain_until     timestamp with time zone,
    validate_until  timestamp with time zone,
    baseline_p99_ms double precision,
    baseline_requests double precision,
    verdict         varchar(16),
    evidence        varchar(4000),
    prediction_error_pp double precision,
    note            varchar(2000),
    version         integer      not null,
    primary key (plan_id, seq)
);

-- The step journal: one row per step a move went through, written in the same transaction as the
-- state change that starts it (the unique key refuses a step recorded twice).
create table move_step (
    plan_id         varchar(36)  not null,
    seq             integer      not null,
    step            varchar(24)  not null,
    at              timestamp with time zone not null,
    executor        varchar(128) not null,
    detail          varchar(2000),
    primary key (plan_id, seq, step)
);

-- Stamps the embedded simulator is provisioning, and the simulated minute each becomes ACTIVE.
create table simulated_provisioning (
    stamp           varchar(64)  primary key,
    ready_minute    bigint       not null
);

-- Predicted against measured hot-node P95 of each pool a validated move touched: the error that will
-- calibrate the model (DESIGN §3).
create table move_prediction (
    plan_id         varchar(36)  not null,
    seq             integer      not null,
    stamp           varchar(64)  not null,
    pool            varchar(16)  not null,
    before_p95      double precision,
    predicted_p95   double precision,
    measured_p95    double precision,
    primary key (plan_id, seq, stamp, pool)
);

-- Hot-node P95 of every pool a plan predicted, measured when its execution finished: the "after" of
-- the outcome report (the "before" is the plan's evidence).
create table plan_outcome (
    plan_id         varchar(36)  not null references plan (id) on delete cascade,
    stamp           varchar(64)  not null,
    pool            varchar(16)  not null,
    after_p95       double precision,
    measured_at     timestamp with time zone not null,
    primary key (plan_id, stamp, pool)
);
