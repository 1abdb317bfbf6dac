-- A publication: one immutable, numbered version of every published table, protected and audited together.
-- A build that fails its audit or breaks is kept as a row (with why) but without tables, and never becomes current.
create sequence publication_version;

create table publication (
    version      bigint primary key,
    status       text        not null check (status in ('PUBLISHED', 'REJECTED', 'FAILED')),
    reason       text        not null,
    data_through date,
    built_at     timestamptz not null,
    build_ms     bigint      not null,
    last_import  bigint      not null,
    threshold    int         not null,
    tables       int         not null,
    cells        int         not null,
    digest       text,
    problem      text
);

-- The cells of a published table as shown: key -> number, or the mark ('<5', 'x'); never a hidden value.
create table publication_table (
    version bigint not null references publication (version),
    name    text   not null,
    cells   jsonb  not null,
    primary key (version, name)
);

create function publication_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'a publication is never changed';
end $$;

create trigger publication_immutable before update or delete on publication
    for each row execute function publication_immutable();
create trigger publication_table_immutable before update or delete on publication_table
    for each row execute function publication_immutable();
