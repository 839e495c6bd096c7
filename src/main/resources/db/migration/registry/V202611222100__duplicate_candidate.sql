-- Possible duplicate persons found by blocking and scoring; a decision (dismissed, merged) is remembered so
-- that a pair is never proposed again.
create table duplicate_candidate (
    id          uuid         not null,
    person_a    uuid         not null,
    person_b    uuid         not null,
    score       numeric(4, 3) not null,
    blocks      text         not null,
    status      text         not null,
    found_at    timestamptz  not null,
    decided_at  timestamptz,
    decided_by  uuid,
    constraint pk_duplicate_candidate primary key (id),
    constraint uq_duplicate_candidate_pair unique (person_a, person_b),
    constraint ck_duplicate_candidate_order check (person_a < person_b),
    constraint ck_duplicate_candidate_status check (status in ('OPEN', 'DISMISSED', 'MERGED'))
);
create index ix_duplicate_candidate_status on duplicate_candidate (status, score desc);
