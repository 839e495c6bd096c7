-- Where the registry update a complaint led to stands (the usulan to enter its subject, issue 17): kept by the
-- complaint module from the update module's events, so that the citizen's tracking can say it without reading
-- another module's tables. No personal data: a status and when it was reached.
create table complaint_registry_update (
    complaint_id uuid        not null,
    status       text        not null,
    updated_at   timestamptz not null,
    constraint pk_complaint_registry_update primary key (complaint_id),
    constraint fk_complaint_registry_update_complaint foreign key (complaint_id) references complaint (id)
);
