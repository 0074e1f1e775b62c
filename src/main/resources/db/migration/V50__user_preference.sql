-- Per-user console preferences (lane ux, V50-V59). One row per user who changed something.
CREATE TABLE user_preference (
    username   VARCHAR(100) PRIMARY KEY,
    dark_theme BOOLEAN      NOT NULL
);
