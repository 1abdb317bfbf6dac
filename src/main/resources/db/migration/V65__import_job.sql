-- An uploaded file waiting for or in its import, so that any instance on this database can import it and another
-- can take it over when the one that claimed it dies (ingest.ImportQueue). The row goes in the transaction that
-- records the run's outcome; the upload's bytes go with it.
create table import_job (
    id                bigint primary key references import_run (id),
    requested_type    text,
    upload            bytea       not null,
    claimed_by        text,
    lease_until       timestamptz,
    attempts          int         not null default 0,
    progress_type     text,
    progress_rows     bigint      not null default 0,
    progress_fraction double precision not null default 0
);
-- read in slices (ImportQueue), which needs no decompression of the whole value first
alter table import_job alter column upload set storage external;
