-- API tokens for scripts (personal: act as their owner with at most the owner's roles; service: a named
-- client with its own roles). Only a SHA-256 of the secret is stored: the secret is random and long, so a
-- fast hash suffices and each API call costs a lookup instead of a BCrypt.
create table api_token (
    id          varchar(36)  primary key,
    name        varchar(64)  not null,
    kind        varchar(16)  not null,
    owner       varchar(64)  not null,
    token_hash  varchar(64)  not null unique,
    roles       varchar(255) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone,
    revoked_by  varchar(64),
    last_used_at timestamp with time zone
);
create index ix_api_token_owner on api_token (owner);
