-- the regioperspectief: texts the care office writes per region and year, and published (frozen) reports
create table report_text (
    id          bigserial primary key,
    region_code text        not null references region (code),
    year        int         not null check (year between 2000 and 2100),
    kind        text        not null check (kind in ('INTRODUCTION', 'LOOK_BACK', 'REGIONAL_TASK', 'DISCLAIMER')),
    title       text        check (title is null or length(title) <= 200),
    -- what the care office wrote, in light markup; made into safe HTML each time it is shown
    body        text        not null check (length(body) <= 20000),
    position    int         not null default 0,
    version     int         not null default 0,
    changed_at  timestamptz not null default now(),
    changed_by  text        not null
);
create index report_text_region_year on report_text (region_code, year);

-- one published report per region and year: the page content and the PDF as they were at publication
create table report_publication (
    region_code  text        not null references region (code),
    year         int         not null check (year between 2000 and 2100),
    published_at timestamptz not null,
    published_by text        not null,
    content      text        not null,
    pdf          bytea       not null,
    primary key (region_code, year)
);

-- publishing a report is in the audit trail
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('LOGIN', 'LOGIN_FAILED', 'CREATE', 'CHANGE', 'DELETE', 'IMPORT', 'SUBMIT', 'EXPORT', 'PUBLISH'));
