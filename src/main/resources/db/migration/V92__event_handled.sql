-- Issue 18: cross-module events handled once. A listener whose effect is not idempotent by itself stores the event's
-- key with its effect (HandledEvents); a redelivered event then finds it and does nothing.
create table event_handled (
    listener   varchar(100) not null,
    event_key  varchar(255) not null,
    handled_at timestamp with time zone not null,
    primary key (listener, event_key)
);
