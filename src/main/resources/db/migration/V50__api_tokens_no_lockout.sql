-- Guessing is slowed down in memory (LoginThrottle) instead of locking accounts: the lock is gone.
alter table app_user drop column failed_logins;
alter table app_user drop column locked_until;

-- Personal API keys: only a SHA-256 of the key is kept (the key itself is shown once), so a copy of
-- the database lets nobody call the API. A revoked key is deleted; the audit trail keeps that it was.
create table api_token (
    id           bigserial primary key,
    user_id      bigint not null references app_user (id) on delete cascade,
    name         text not null check (length(name) between 1 and 100),
    token_hash   text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz not null default now(),
    last_used_at timestamptz
);
create index api_token_user on api_token (user_id, created_at);
