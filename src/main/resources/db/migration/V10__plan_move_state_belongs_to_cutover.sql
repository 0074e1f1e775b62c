-- A move's execution state is the cutover engine's (move_run.state); planning no longer keeps a copy.
alter table plan_move drop column state;
