-- Issue 18: whether a score model version is being trained, as every console instance sees it. The instance training
-- holds slot 'training' and renews heartbeat_at every few seconds; a row not renewed for 30 s is a training that
-- died with its instance. Slot 'first-problem' keeps why the first (background) training failed. Instances answer
-- "being trained" from this table, not from a flag of their own, so they all say the same (ScoreTrainingClaims).
create table score_training (
    slot          varchar(16)   primary key,
    owner         varchar(128)  not null,
    started_at    timestamp with time zone not null,
    heartbeat_at  timestamp with time zone not null,
    problem       varchar(2000)
);
