-- Kemendagri regions: 38 provinces, 514 regencies, 7,285 districts, 83,762 villages (idn-area-data, ODbL).
-- One table for all four levels; the level follows from the code's length (2, 5, 8 or 13 characters).
-- Codes use the "C" collation: they are digits and dots, compared byte by byte, and prefix searches
-- (code like '33.28.%') use the primary key. The rows, then the keys and the index (built once after the
-- rows, which is faster than row by row), come from the Java migration V202611221902 with COPY.
create table region (
    code        text collate "C" not null,
    parent_code text collate "C",
    name        text not null
);
