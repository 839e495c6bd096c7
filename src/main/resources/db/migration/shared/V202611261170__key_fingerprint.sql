-- Which blind index key the database's indexes were computed with (a keyed hash of a fixed text, never the
-- key): a start with another key would find no NIK and let duplicates in, silently, so it is refused.
create table key_fingerprint (
    name        text        not null,
    fingerprint text        not null,
    recorded_at timestamptz not null,
    constraint pk_key_fingerprint primary key (name)
);
