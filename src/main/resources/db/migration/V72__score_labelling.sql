-- What counts as an incident when the next score model version is trained (lane score, issue 16): the p99 SLO,
-- the throttling share and the horizon, as an admin set them at runtime. One row (id 1) or none (the defaults of
-- stampboard.score.*). Changes are audited (audit_event, SETTING_CHANGED on score.labelling).
CREATE TABLE score_labelling (
    id                  INTEGER          PRIMARY KEY,
    p99_slo_ms          DOUBLE PRECISION NOT NULL,
    throttling_percent  DOUBLE PRECISION NOT NULL,
    horizon_hours       INTEGER          NOT NULL,
    changed_by          VARCHAR(100)     NOT NULL,
    changed_at          TIMESTAMP        NOT NULL
);
