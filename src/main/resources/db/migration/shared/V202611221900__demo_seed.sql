-- Which module demo worlds were seeded (only on the embedded database): each seeds once.
create table demo_seed (
    name      text        not null,
    seeded_at timestamptz not null default now(),
    constraint pk_demo_seed primary key (name)
);
