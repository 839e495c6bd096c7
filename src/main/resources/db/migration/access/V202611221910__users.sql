-- Users of Simpul. region_code is the user's territory (a region code, or null for the whole country).
create table app_user (
    id            uuid        not null,
    version       integer     not null,
    username      text        not null,
    display_name  text        not null,
    password_hash text        not null,
    role          text        not null,
    region_code   text,
    active        boolean     not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    constraint pk_app_user primary key (id),
    constraint uq_app_user_username unique (username),
    constraint ck_app_user_role check (role in ('ADMIN', 'MANAGER', 'SUPERVISOR', 'BACK_OFFICE', 'FRONT_OFFICE',
        'FACILITATOR', 'PROGRAM_MANAGER', 'DATA_OPERATOR', 'DPO', 'VIEWER')),
    constraint ck_app_user_region check (region_code is not null or role in ('ADMIN', 'DPO', 'VIEWER', 'PROGRAM_MANAGER'))
);
create index ix_app_user_region on app_user (region_code text_pattern_ops);

-- Failed logins and lockout, kept apart from the user row so that logins never race an edit.
create table login_state (
    user_id         uuid        not null,
    failures        integer     not null default 0,
    locked_until    timestamptz,
    last_failure_at timestamptz,
    last_login_at   timestamptz,
    constraint pk_login_state primary key (user_id),
    constraint fk_login_state_user foreign key (user_id) references app_user (id) on delete cascade
);

-- API bearer tokens: only a SHA-256 of the token is stored; a token lives at most 15 minutes.
create table api_token (
    token_hash bytea       not null,
    user_id    uuid        not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    constraint pk_api_token primary key (token_hash),
    constraint fk_api_token_user foreign key (user_id) references app_user (id) on delete cascade
);
create index ix_api_token_user on api_token (user_id);
create index ix_api_token_expires on api_token (expires_at);
