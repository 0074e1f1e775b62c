-- A pool whose VM scale set disappeared from Azure is marked, never deleted: its nodes and their
-- samples stay as history. Null while the scale set is present (or for pools not backed by Azure).
alter table stamp_pool add column scale_set_missing_since timestamp with time zone;
