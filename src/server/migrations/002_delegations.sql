-- Several delegations in one live workshop (a regional workshop of several countries' delegations): each has its own
-- context profile and consensus, and each participant belongs to one. A workshop created before this migration
-- becomes one delegation with the id `live`, carrying its profile and consensus, and keeps its participants.
create table delegations (
  workshop_id text not null references workshops (id) on delete cascade,
  id text not null,
  position integer not null,
  profile jsonb not null,
  consensus jsonb not null default '{}'::jsonb,
  primary key (workshop_id, id),
  unique (workshop_id, position)
);

insert into delegations (workshop_id, id, position, profile, consensus)
select id, 'live', 1, profile, consensus from workshops;

alter table participants add column delegation_id text;

update participants set delegation_id = 'live';

alter table participants alter column delegation_id set not null;

alter table participants add constraint participants_delegation_fkey
  foreign key (workshop_id, delegation_id) references delegations (workshop_id, id) on delete cascade;

-- Participants are numbered P1, P2 … within their delegation (as in a workshop held on one device).
alter table participants drop constraint participants_workshop_id_number_key;

alter table participants add constraint participants_delegation_number_key unique (workshop_id, delegation_id, number);

alter table workshops drop column profile;

alter table workshops drop column consensus;
