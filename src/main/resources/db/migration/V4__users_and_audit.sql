-- Users, their roles per region, and the audit trail; owned by the security package.

create table app_user (
    id            bigserial primary key,
    username      text not null unique check (username ~ '^[a-z0-9._@-]{3,64}$'),
    display_name  text not null,
    password_hash text not null,
    enabled       boolean not null default true,
    failed_logins integer not null default 0,
    locked_until  timestamptz,
    created_at    timestamptz not null default now()
);

-- LANDELIJK and BEHEERDER are national roles; every other role is held for one region.
create table user_role (
    user_id     bigint not null references app_user (id) on delete cascade,
    role        text not null check (role in ('ZORGKANTOOR', 'GEMEENTE', 'AANBIEDER', 'CLIENTVERTEGENWOORDIGING',
                                              'LANDELIJK', 'BEHEERDER')),
    region_code text references region (code),
    check ((role in ('LANDELIJK', 'BEHEERDER')) = (region_code is null))
);
create unique index user_role_unique on user_role (user_id, role, coalesce(region_code, ''));

create table audit_event (
    id          bigserial primary key,
    at          timestamptz not null default clock_timestamp(),
    actor       text not null,
    action      text not null check (action in ('LOGIN', 'LOGIN_FAILED', 'CREATE', 'CHANGE', 'DELETE', 'IMPORT', 'SUBMIT')),
    subject     text not null,
    subject_id  text,
    region_code text,
    summary     text not null,
    before      jsonb,
    after       jsonb
);
create index audit_event_at on audit_event (at desc);
create index audit_event_region on audit_event (region_code, at desc);

-- The trail is append-only, also for a program that goes around the application's services.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'Het audittrail kan niet worden gewijzigd of verwijderd';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

-- An import is national (region_code null, by a BEHEERDER) or for one region (by its care office).
alter table import_run add column region_code text references region (code);
alter table import_run add column imported_by text;
