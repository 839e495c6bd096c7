-- The views that cross the territory line (V202611261110) are for reading only: written through, they would
-- change rows of any territory past the policies, since their owner is the tables' owner (ADR 0008).
revoke insert, update, delete, truncate on person_placement, household_placement, person_in_scope from ${approle};
