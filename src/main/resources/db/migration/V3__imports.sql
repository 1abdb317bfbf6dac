-- Imports and the pseudonymised client data they load, owned by the ingest package.

create sequence import_run_id_seq;

-- One row per finished import attempt. The current version of a source (type + name) is its
-- latest LOADED run that no later run replaced.
create table import_run (
    id            bigint primary key,
    import_type   text        not null,
    source_name   text        not null,
    sha256        text        not null,
    status        text        not null check (status in ('LOADED', 'UNCHANGED', 'REJECTED', 'FAILED')),
    started_at    timestamptz not null,
    finished_at   timestamptz not null,
    row_count     int         not null,
    error_count   int         not null,
    errors        jsonb       not null default '[]',
    message       text        not null,
    replaced_by   bigint references import_run (id) deferrable initially deferred
);
create index import_run_source on import_run (import_type, source_name);

-- The client tables carry no indexes or foreign keys: codes are checked against the reference
-- tables during the import, and bulk loads stay close to the speed of PostgreSQL's COPY.
-- Rows belong to the import that loaded them (import_id), so a corrected file replaces exactly them.
create table indication (
    client_id     text   not null,
    decision_date date   not null,
    valid_from    date   not null,
    valid_to      date,
    region_code   text   not null,
    profile_code  text   not null,
    origin        text   not null,
    birth_year    int    not null,
    import_id     bigint not null
);

create table care_allocation (
    client_id     text   not null,
    provider_code text   not null,
    region_code   text   not null,
    delivery_form text   not null,
    start_date    date   not null,
    end_date      date,
    import_id     bigint not null
);

create table waitlist_entry (
    snapshot_date date   not null,
    client_id     text   not null,
    region_code   text   not null,
    profile_code  text   not null,
    wait_status   text   not null,
    import_id     bigint not null
);

-- month is stored as its first day.
create table cost_line (
    month         date          not null,
    region_code   text          not null,
    profile_code  text          not null,
    delivery_form text          not null,
    client_days   int           not null,
    amount_eur    numeric(14,2) not null,
    import_id     bigint        not null
);
