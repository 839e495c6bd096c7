-- A restriction of processing (UU PDP Pasal 41): while set, the person is kept but not used. Searches do not
-- find them, their record and their place in a household are not shown, no complaint, assessment or referral
-- takes them, until the data protection officer lifts it. Only the DPO still sees them.
alter table person add column restricted_since timestamptz;
create index ix_person_restricted on person (id) where restricted_since is not null;
