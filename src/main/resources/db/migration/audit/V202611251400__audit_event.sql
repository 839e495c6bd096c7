-- The audit trail (UU PDP Pasal 31, issue 6): every read of a person's or household's data and every write,
-- with who, when (UTC), what, whose data (the persons it concerns) and the purpose. Append-only: the trigger
-- below refuses every delete and every update but the one that seals a row. Sealing (AuditSealer) chains the
-- rows in the order it reaches them: hash = SHA-256(previous hash || the row's canonical text), so that a row
-- changed or removed behind the application's back breaks the chain (AuditVerification).
create table audit_event (
    id          bigint generated always as identity,
    at          timestamptz not null,
    user_id     uuid,
    username    text,
    role        text,
    action      text        not null,
    object_type text        not null,
    object_id   uuid,
    subject_ids uuid[]      not null,
    purpose     text        not null,
    chain_seq   bigint,
    hash        bytea,
    constraint pk_audit_event primary key (id),
    constraint ck_audit_event_action check (action in ('READ', 'SEARCH', 'PRINT', 'EXPORT', 'CREATE', 'UPDATE')),
    constraint ck_audit_event_sealed check ((chain_seq is null) = (hash is null))
);
create unique index uq_audit_event_chain_seq on audit_event (chain_seq);
create index ix_audit_event_unsealed on audit_event (id) where chain_seq is null;
-- whose data: everything about a person, for the data protection officer
create index ix_audit_event_subjects on audit_event using gin (subject_ids);
create index ix_audit_event_user on audit_event (user_id, at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'TRUNCATE') then
        raise exception 'audit_event is append-only: rows are never deleted';
    end if;
    if old.chain_seq is not null or new.chain_seq is null
       or (new.id, new.at, new.user_id, new.username, new.role, new.action, new.object_type, new.object_id,
           new.subject_ids, new.purpose)
          is distinct from
          (old.id, old.at, old.user_id, old.username, old.role, old.action, old.object_type, old.object_id,
           old.subject_ids, old.purpose) then
        raise exception 'audit_event is append-only: a row is only ever sealed, once';
    end if;
    return new;
end;
$$;
create trigger tg_audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger tg_audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
