-- Protection patterns and clean audits already worked out, by the fingerprint of the table's true counts
-- (never published): after a restart, or after an import that changed a few months, a publication
-- protects and audits only the tables whose counts changed.
create table protection_memory (
    kind       text        not null check (kind in ('PATTERN', 'CLEAN_AUDIT')),
    key        text        not null,
    marks      text,
    created_at timestamptz not null default now(),
    primary key (kind, key)
);
