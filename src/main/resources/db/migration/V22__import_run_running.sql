-- An import is recorded when it starts (RUNNING), so a process killed mid-import leaves a trace:
-- the next start marks it ABORTED ("Afgebroken") and removes its upload file (upload_path).
alter table import_run drop constraint import_run_status_check;
alter table import_run add constraint import_run_status_check
    check (status in ('RUNNING', 'LOADED', 'UNCHANGED', 'REJECTED', 'FAILED', 'ABORTED'));
alter table import_run alter column finished_at drop not null;
alter table import_run alter column sha256 drop not null;
alter table import_run add column upload_path text;
