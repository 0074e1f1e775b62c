-- Spring Modulith's event publication registry: a publication is stored with the transaction that
-- published it and deleted once its listener has run, so a cross-module reaction survives a crash.
-- Column types valid on H2 and PostgreSQL alike (Modulith's own scripts differ per database).
create table event_publication (
    id               uuid          not null primary key,
    listener_id      varchar(512)  not null,
    event_type       varchar(512)  not null,
    serialized_event varchar(4000) not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
