-- The register of qualitative input per region (signals, visits, dialogues, meetings, providers,
-- projects); owned by the signal package. One table for all kinds keeps counting per region and
-- year one query; the checks say which fields each kind needs.

-- Main categories of client and OCO signals as in the regioperspectief (seed 004); data, so more can be added.
create table signal_category (
    code       text primary key,
    name       text not null,
    sort_order int  not null
);
insert into signal_category (code, name, sort_order) values
    ('ORGANISATIE', 'Organisatie', 1),
    ('PASSENDE_ZORG', 'Passende zorg', 2),
    ('KWALITEIT_EN_ZORG', 'Kwaliteit en zorg', 3),
    ('PASSENDE_WOONPLEK', 'Passende woonplek', 4),
    ('OVERIG', 'Overig', 5);

create table register_entry (
    id            bigserial primary key,
    region_code   text not null references region (code),
    kind          text not null check (kind in ('CLIENT_SIGNAL', 'OCO_SIGNAL', 'LOCATION_VISIT', 'QUALITY_DIALOGUE',
                                                'EXPERT_BY_EXPERIENCE', 'REGIONAL_MEETING', 'CONTRACTED_PROVIDER',
                                                'INNOVATION_PROJECT', 'STIMULUS_PROJECT')),
    entry_date    date not null,
    year          int generated always as (extract(year from entry_date)::int) stored,
    category_code text references signal_category (code),
    name          text check (length(name) <= 200),
    location_kind text check (location_kind in ('WOONLOCATIE', 'VPT_LOCATIE', 'DAGBESTEDING', 'THUIS', 'OVERIG')),
    description   text check (length(description) <= 2000),
    created_by    text not null,
    created_at    timestamptz not null default now(),
    changed_by    text,
    changed_at    timestamptz,
    version       int not null default 0,
    check ((kind in ('CLIENT_SIGNAL', 'OCO_SIGNAL')) = (category_code is not null)),
    check ((kind = 'LOCATION_VISIT') = (location_kind is not null)),
    check (name is not null or kind not in ('LOCATION_VISIT', 'QUALITY_DIALOGUE', 'CONTRACTED_PROVIDER',
                                            'INNOVATION_PROJECT', 'STIMULUS_PROJECT')),
    check (description is not null or kind not in ('INNOVATION_PROJECT', 'STIMULUS_PROJECT'))
);
create index register_entry_region_year on register_entry (region_code, year, kind);
