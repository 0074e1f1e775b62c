-- One executor at a time per name: with two console instances on one database, the instance that
-- holds the lease runs the steps; the other takes over when the lease expires.
create table executor_lease (
    name        varchar(64)  primary key,
    owner       varchar(128) not null,
    expires_at  timestamp with time zone not null
);
