-- Issue 18: rows the simulator stored (the elected instance, for the others to follow) are marked, so they can be
-- pruned after what followers and late starters need (about a day) instead of the telemetry retention (14 days) that
-- ingested rows keep (README "The simulator with several instances"). A constant default: PostgreSQL 11+ adds the
-- column without rewriting the table.
alter table node_cpu_sample add column simulated boolean default false not null;
alter table registry_traffic_sample add column simulated boolean default false not null;
