-- Stamp score model versions (lane score, V70-V74; issue 16). One row per trained version: the fitted model
-- (standardisation, weights, intercept) and an admin's pinned weights as JSON, what it was trained on and its
-- evaluation against the baseline rule. At most one version is ACTIVE; activations are audited (audit_event).
CREATE TABLE score_model_version (
    version         INTEGER      PRIMARY KEY,
    trained_at      TIMESTAMP    NOT NULL,
    trained_by      VARCHAR(100) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    activated_at    TIMESTAMP,
    activated_by    VARCHAR(100),
    model           TEXT         NOT NULL,
    pinned_weights  TEXT,
    training        TEXT         NOT NULL,
    evaluation      TEXT         NOT NULL
);
CREATE INDEX score_model_version_status ON score_model_version (status);
