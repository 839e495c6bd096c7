-- Name search through a dictionary of name words (ADR 0005). A trigram index over two million full names
-- was slow to search (every common trigram matches a large part of the registry) and slow to maintain on
-- import. Instead: every distinct word of every normalised name is kept once, with its phonetic key, in
-- name_word (thousands of rows, not millions); a search first widens each searched word to the similar,
-- same-sounding and prefixed words of that dictionary, then finds the persons whose name holds one of the
-- widened words for every searched word, through a GIN index on the words of the name.

-- the trigram index on whole names goes (first, so that the update below need not maintain it)
drop index ix_person_name_trgm;
drop index ix_person_phonetic;

-- the village, copied from the household, so that a search is narrowed to a territory without a join; the
-- composite foreign key keeps the copy right (a person of a household is always in its village) and
-- follows a household that moves
alter table person add column village_code text collate "C";
update person p set village_code = h.village_code from household h where h.id = p.household_id;
alter table person alter column village_code set not null;
alter table household add constraint uq_household_id_village unique (id, village_code);
alter table person drop constraint fk_person_household;
alter table person add constraint fk_person_household foreign key (household_id, village_code)
    references household (id, village_code) on update cascade;
create index ix_person_village on person (village_code);

create index ix_person_name_words on person using gin (string_to_array(name_key, ' '));

create table name_word (
    word     text collate "C" not null,
    phonetic text collate "C" not null,
    constraint pk_name_word primary key (word)
);
insert into name_word (word, phonetic)
select w.word, min(w.phonetic)
from person p
cross join lateral unnest(string_to_array(p.name_key, ' '), string_to_array(p.phonetic_key, ' ')) as w (word, phonetic)
where w.word <> ''
group by w.word;
create index ix_name_word_trgm on name_word using gin (word gin_trgm_ops);
create index ix_name_word_phonetic on name_word (phonetic);

-- the dictionary follows every insert and update of a person, whichever code path writes it; the phonetic
-- key holds one key per word of the normalised name, in the same order
create function remember_name_words() returns trigger language plpgsql as $$
begin
    insert into name_word (word, phonetic)
    select w.word, min(w.phonetic)
    from written r
    cross join lateral unnest(string_to_array(r.name_key, ' '), string_to_array(r.phonetic_key, ' ')) as w (word, phonetic)
    where w.word <> '' and w.phonetic is not null
    group by w.word
    on conflict (word) do nothing;
    return null;
end
$$;
create trigger tg_person_name_words_insert after insert on person
    referencing new table as written for each statement execute function remember_name_words();
create trigger tg_person_name_words_update after update on person
    referencing new table as written for each statement execute function remember_name_words();

-- imports give new rows time-ordered ids (UUID version 7), so that primary-key inserts append to the index
-- instead of touching a random page for every row. PostgreSQL 18 has uuidv7(); on 15 to 17 this function
-- takes its place: the first 48 bits hold the Unix time in milliseconds, the version nibble reads 7, the
-- rest stays random.
do $$
begin
    if not exists (select 1 from pg_proc where proname = 'uuidv7' and pronargs = 0) then
        create function uuidv7() returns uuid language sql volatile as $f$
            select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                       placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                       from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
        $f$;
    end if;
end
$$;

-- a membership belongs to a person or to a household, never both: each index holds only its own owners
drop index ix_programme_membership_person;
drop index ix_programme_membership_household;
create index ix_programme_membership_person on programme_membership (person_id) where person_id is not null;
create index ix_programme_membership_household on programme_membership (household_id) where household_id is not null;
