-- Live workshops: one row per workshop, its participants, and each participant's latest answer per indicator.
-- Secrets are stored only as SHA-256 digests: a copy of the database does not let anyone act as the facilitator.
create table workshops (
  id text primary key,
  join_code text not null unique,
  facilitator_digest text not null,
  title text not null,
  questionnaire_id text not null,
  questionnaire_version text not null,
  locale text not null,
  profile jsonb not null,
  consensus jsonb not null default '{}'::jsonb,
  closed boolean not null default false,
  spread_allowed boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table participants (
  workshop_id text not null references workshops (id) on delete cascade,
  id text not null,
  token_digest text not null unique,
  number integer not null,
  role text not null default '',
  submitted boolean not null default false,
  joined_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (workshop_id, id),
  unique (workshop_id, number)
);

-- The latest version of each answer. `writes` counts how many times a change was applied, so a test or the
-- load bench can prove that no change was applied twice; `answer` is null when the participant cleared it.
create table answers (
  workshop_id text not null,
  participant_id text not null,
  indicator_id text not null,
  version bigint not null,
  answer jsonb,
  writes integer not null default 1,
  received_at timestamptz not null,
  primary key (workshop_id, participant_id, indicator_id),
  foreign key (workshop_id, participant_id) references participants (workshop_id, id) on delete cascade
);
