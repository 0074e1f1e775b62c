-- The routing entry behind each registry endpoint in a region: which stamp serves it. The embedded
-- Routing adapter keeps it here; the DNS adapter (Azure issue) points a record instead.
create table routing_entry (
    registry    varchar(255) not null,
    region      varchar(64)  not null,
    stamp       varchar(64)  not null,
    updated_at  timestamp with time zone not null,
    primary key (registry, region)
);
