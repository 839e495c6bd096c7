-- The letterheads of the offices, published for every module that writes an office's letter (the PBI-JK
-- reactivation letter of Dinsos): the most specific row covering a region is the office's.
create view office_letterhead as
select region_code, office_name, address, signatory_name, signatory_title from letterhead;
