-- Issue 18: the newest simulated minute whose telemetry the elected instance stored in the sample tables (null: none).
-- Raised in the transaction that stores the minute's rows, only upwards: a minute is stored once, and an instance
-- that takes over the simulator continues after it.
alter table simulator_state add column stored_minute bigint;
