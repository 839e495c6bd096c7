-- NIK and KK numbers encrypted at rest (issue 6): each identifier becomes its ciphertext (AES-256-GCM, written
-- by the application, v1:<key id>:<Base64>) and its blind index (HMAC-SHA256 under a key of its own, 32 hex
-- digits) for exact search, uniqueness and joins. The application fills them (V202611261001, a Java migration
-- that holds the keys); V202611261002 drops the plain columns.
alter table household
    add column kk_index  text collate "C",
    add column kk_cipher text;

alter table person
    add column nik_index  text collate "C",
    add column nik_cipher text,
    add column kk_index   text collate "C",
    add column kk_cipher  text;
