-- The name-word index also holds the person's place: the codes of their province, regency, district and
-- village ('33', '33.28', '33.28.10', '33.28.10.1008', which never look like a name word, those being
-- letters only). A search within a territory then intersects the name words and the territory inside the
-- index, instead of fetching every namesake of the country from the table to throw most of them away
-- (ADR 0005). PersonSearch.NAME_AND_PLACE must stay the same expression.
drop index ix_person_name_words;
create index ix_person_name_and_place on person using gin ((string_to_array(name_key, ' ')
    || array[left(village_code, 2), left(village_code, 5), left(village_code, 8), village_code]));
