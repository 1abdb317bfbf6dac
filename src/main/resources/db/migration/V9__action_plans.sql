-- the plan van aanpak (SPEC §6): programmes with a deadline, plans of one or more regions, their
-- sections, SMART objectives, actions with progress, milestones, and every version as a snapshot
create table programme (
    id          bigserial primary key,
    name        text        not null unique check (length(name) between 1 and 200),
    deadline    date        not null,
    monthly_aim int         not null check (monthly_aim >= 0),
    created_at  timestamptz not null default now(),
    created_by  text        not null
);

create table action_plan (
    id             bigserial primary key,
    programme_id   bigint      not null references programme (id),
    title          text        not null check (length(title) between 1 and 200),
    status         text        not null check (status in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    -- optimistic locking: every write checks and raises it
    lock_version   int         not null default 0,
    -- 1, 2, …: a change after submission starts the next version
    version_number int         not null default 1,
    submitted_at   timestamptz,
    submitted_by   text,
    late           boolean     not null default false,
    review_comment text check (length(review_comment) <= 5000),
    reviewed_at    timestamptz,
    reviewed_by    text,
    changed_at     timestamptz not null default now(),
    changed_by     text        not null
);

create table plan_region (
    plan_id     bigint not null references action_plan (id) on delete cascade,
    region_code text   not null references region (code),
    primary key (plan_id, region_code)
);
create index plan_region_region on plan_region (region_code);

create table plan_section (
    plan_id bigint not null references action_plan (id) on delete cascade,
    section text   not null,
    -- light markup, made into safe HTML each time it is shown
    body    text   not null check (length(body) <= 20000),
    primary key (plan_id, section)
);

create table plan_objective (
    id           bigserial primary key,
    plan_id      bigint  not null references action_plan (id) on delete cascade,
    position     int     not null,
    description  text    check (length(description) <= 2000),
    figure       text,
    profile_code text references care_profile (code),
    direction    text check (direction in ('DOWN', 'UP', 'STABLE')),
    target_value numeric(12, 2),
    target_date  date
);
create index plan_objective_plan on plan_objective (plan_id);

create table plan_action (
    id          bigserial primary key,
    plan_id     bigint not null references action_plan (id) on delete cascade,
    position    int    not null,
    paragraph   text check (length(paragraph) <= 200),
    description text check (length(description) <= 2000),
    owner_party text check (length(owner_party) <= 200),
    owner_role  text check (length(owner_role) <= 200),
    timeline    text check (length(timeline) <= 100),
    -- derived from the timeline (end of the quarter or year named); null when continuous or unreadable
    due_date    date,
    status      text   not null check (status in ('NOT_STARTED', 'RUNNING', 'DONE', 'DELAYED'))
);
create index plan_action_plan on plan_action (plan_id);
create index plan_action_due on plan_action (due_date) where status <> 'DONE';

create table plan_action_progress (
    id         bigserial primary key,
    action_id  bigint      not null references plan_action (id) on delete cascade,
    note       text check (length(note) <= 2000),
    status     text        not null check (status in ('NOT_STARTED', 'RUNNING', 'DONE', 'DELAYED')),
    written_at timestamptz not null default now(),
    written_by text        not null
);
create index plan_action_progress_action on plan_action_progress (action_id);

create table plan_milestone (
    id        bigserial primary key,
    plan_id   bigint  not null references action_plan (id) on delete cascade,
    position  int     not null,
    activity  text check (length(activity) <= 500),
    milestone text check (length(milestone) <= 500),
    due_date  date,
    done      boolean not null default false
);
create index plan_milestone_plan on plan_milestone (plan_id);

-- every version of a plan as it was last saved under that number; the submitted one stays when the next begins
create table plan_version (
    plan_id  bigint      not null references action_plan (id) on delete cascade,
    number   int         not null,
    status   text        not null,
    saved_at timestamptz not null,
    saved_by text        not null,
    snapshot jsonb       not null,
    primary key (plan_id, number)
);

-- accepting and returning a plan are in the audit trail
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('LOGIN', 'LOGIN_FAILED', 'CREATE', 'CHANGE', 'DELETE', 'IMPORT', 'SUBMIT', 'EXPORT', 'PUBLISH',
                      'ACCEPT', 'RETURN'));
