-- Reference data, owned by the region package. Filled from src/main/resources/reference/*.csv
-- by the Java migration V2__Reference_data.

create table region (
    code text primary key,
    name text not null
);

create table care_profile (
    code       text primary key,
    name       text not null,
    sector     text not null,
    series     text not null,
    sort_order int  not null
);

create table delivery_form (
    code       text primary key,
    name       text not null,
    in_kind    boolean not null,
    sort_order int  not null
);

create table origin (
    code       text primary key,
    name       text not null,
    sort_order int  not null
);

create table wait_status (
    code       text primary key,
    name       text not null,
    sort_order int  not null
);

create table age_band (
    code       text primary key,
    name       text not null,
    min_age    int  not null,
    max_age    int,
    sort_order int  not null
);

-- Municipality, its region and its population per year. import_id is null for the built-in
-- reference rows and names the import that loaded the others; an import of the population
-- format replaces every row of the years it contains (no primary key: the import checks
-- (year, municipality_code) is unique and removes the rows it replaces in the same transaction).
create table population (
    year               int     not null,
    municipality_code  text    not null,
    municipality_name  text    not null,
    region_code        text    not null references region (code),
    inhabitants        int     not null check (inhabitants >= 0),
    inhabitants_18plus int     not null check (inhabitants_18plus >= 0),
    import_id          bigint
);
create index population_year on population (year);
