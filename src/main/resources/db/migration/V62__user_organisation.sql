-- the organisation a user works for (care office, municipality, provider, client representation): action owners are
-- chosen from the organisations of a plan's regions, and a provider reports progress on its own actions only
alter table app_user add column organisation text check (length(organisation) between 1 and 200);
create index app_user_organisation on app_user (organisation) where organisation is not null;
