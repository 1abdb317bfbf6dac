-- comments of client representatives on a plan van aanpak, on the plan as a whole (section null) or on one of its
-- sections; a comment is no change of the plan, so it has no part in the plan's versions or lock version
create table plan_comment (
    id           bigserial primary key,
    plan_id      bigint      not null references action_plan (id) on delete cascade,
    section      text,
    body         text        not null check (length(body) between 1 and 2000),
    -- the organisation the comment speaks for, as it was when written
    organisation text,
    -- the version of the plan the writer read
    plan_version int         not null,
    written_at   timestamptz not null default now(),
    written_by   text        not null
);
create index plan_comment_plan on plan_comment (plan_id, written_at);
