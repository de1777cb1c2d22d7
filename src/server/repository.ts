import type { Answer, Answers } from '../domain/assessment'
import type { LiveAnswerChange } from '../domain/live-protocol'
import type { Profile } from '../domain/profile'
import { WORKSHOP_LIMITS, type ConsensusEntry } from '../domain/workshop-model'
import type { Database, Queryable } from './database'

/**
 * Every read and write of live workshops, in SQL that PGlite and PostgreSQL both run. Each write that the
 * facilitator's screen must see sends a notification in the same transaction (delivered on commit), so a change is
 * announced only once it is stored, and whichever process stored it.
 */

export const EVENTS_CHANNEL = 'workshop_events'

/** A notification: which workshop changed, and how (a participant's answers or state, the settings, or deletion). */
export type WorkshopEvent =
  | { workshopId: string, kind: 'participant', participantId: string }
  | { workshopId: string, kind: 'settings' }
  | { workshopId: string, kind: 'consensus', delegationId: string, indicatorId: string }
  | { workshopId: string, kind: 'deleted' }

export interface WorkshopRow {
  id: string
  joinCode: string
  facilitatorDigest: string
  title: string
  questionnaireId: string
  questionnaireVersion: string
  locale: string
  closed: boolean
  spreadAllowed: boolean
  createdAt: string
  updatedAt: string
}

/** One delegation of a workshop (a country's or a ministry's), in the order the facilitator gave them. */
export interface DelegationRow {
  id: string
  position: number
  profile: Profile
  /** Indicator id → what the facilitator set for this delegation. */
  consensus: Record<string, ConsensusEntry>
}

export interface ParticipantRow {
  workshopId: string
  delegationId: string
  id: string
  number: number
  role: string
  submitted: boolean
  joinedAt: string
  updatedAt: string
  answers: Answers
  /** Indicator id → the highest change version stored (cleared answers included). */
  versions: Record<string, number>
}

/**
 * A row read from the database with its columns named as in TypeScript (`join_code` → `joinCode`) and its
 * timestamps as ISO strings, for the columns of `names` (the select lists each one, so the row holds no other).
 */
function fromRow<T>(row: Record<string, unknown>, names: readonly string[]): T {
  return Object.fromEntries(names.map((name) => {
    const value = row[name]
    return [name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()), value instanceof Date ? value.toISOString() : value]
  })) as T
}

const WORKSHOP_COLUMNS = ['id', 'join_code', 'facilitator_digest', 'title', 'questionnaire_id', 'questionnaire_version', 'locale', 'closed', 'spread_allowed', 'created_at', 'updated_at']

const workshopFromRow = (row: Record<string, unknown>): WorkshopRow => fromRow(row, WORKSHOP_COLUMNS)

const PARTICIPANT_COLUMNS = ['id', 'delegation_id', 'number', 'role', 'submitted', 'joined_at', 'updated_at']

async function notify(tx: Queryable, event: WorkshopEvent): Promise<void> {
  await tx.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify(event)])
}

/** A workshop to store: open, with the spread hidden, created `now`. */
export type NewWorkshop = Omit<WorkshopRow, 'closed' | 'spreadAllowed' | 'createdAt' | 'updatedAt'> & {
  /** In order; each with the id the server drew for it. */
  delegations: Array<{ id: string, profile: Profile }>
  now: string
}

export type JoinOutcome = { ok: true, number: number } | { ok: false, reason: 'notFound' | 'closed' | 'participantExists' | 'delegationUnknown' | 'full' }

export type WriteOutcome =
  | { ok: true, applied: number, acknowledged: Array<{ indicatorId: string, version: number }> }
  | { ok: false, reason: 'closed' | 'submitted' | 'notFound' }

export function createRepository(db: Database) {
  return {
    /** Stores a new workshop; false when its id or join code is already taken (the caller draws new ones). */
    async createWorkshop(input: NewWorkshop): Promise<boolean> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query(
          `insert into workshops (id, join_code, facilitator_digest, title, questionnaire_id, questionnaire_version, locale, created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $8) on conflict do nothing returning id`,
          [input.id, input.joinCode, input.facilitatorDigest, input.title, input.questionnaireId, input.questionnaireVersion, input.locale, input.now],
        )
        if (rows.length !== 1) return false
        await tx.query(
          `insert into delegations (workshop_id, id, position, profile)
           select $1, d.id, d.position, d.profile from jsonb_to_recordset($2::jsonb) as d (id text, position integer, profile jsonb)`,
          [input.id, JSON.stringify(input.delegations.map((delegation, index) => ({ id: delegation.id, position: index + 1, profile: delegation.profile })))],
        )
        return true
      })
    },

    async workshopById(id: string): Promise<WorkshopRow | undefined> {
      const { rows } = await db.query(`select ${WORKSHOP_COLUMNS.join(', ')} from workshops where id = $1`, [id])
      return rows[0] ? workshopFromRow(rows[0]) : undefined
    },

    async workshopByCode(joinCode: string): Promise<WorkshopRow | undefined> {
      const { rows } = await db.query(`select ${WORKSHOP_COLUMNS.join(', ')} from workshops where join_code = $1`, [joinCode])
      return rows[0] ? workshopFromRow(rows[0]) : undefined
    },

    /** The delegations of a workshop, in order. */
    async delegations(workshopId: string): Promise<DelegationRow[]> {
      const { rows } = await db.query('select id, position, profile, consensus from delegations where workshop_id = $1 order by position', [workshopId])
      return rows.map(row => ({ id: row.id as string, position: row.position as number, profile: row.profile as Profile, consensus: row.consensus as Record<string, ConsensusEntry> }))
    },

    /**
     * Adds a participant to a delegation, numbered after its last one; joins to one workshop take turns (a row lock),
     * so numbers never clash.
     */
    async join(workshopId: string, delegationId: string, participantId: string, tokenDigest: string, role: string, now: string): Promise<JoinOutcome> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ closed: boolean }>('select closed from workshops where id = $1 for update', [workshopId])
        if (!rows[0]) return { ok: false, reason: 'notFound' }
        if (rows[0].closed) return { ok: false, reason: 'closed' }
        const delegation = await tx.query('select 1 from delegations where workshop_id = $1 and id = $2', [workshopId, delegationId])
        if (delegation.rows.length === 0) return { ok: false, reason: 'delegationUnknown' }
        const existing = await tx.query('select 1 from participants where workshop_id = $1 and id = $2', [workshopId, participantId])
        if (existing.rows.length > 0) return { ok: false, reason: 'participantExists' }
        const next = await tx.query<{ n: number }>(
          'select (coalesce(max(number), 0) + 1)::integer as n from participants where workshop_id = $1 and delegation_id = $2',
          [workshopId, delegationId],
        )
        const number = next.rows[0]!.n
        // A delegation holds as many participants as a workshop file may (so the export stays a valid file).
        if (number > WORKSHOP_LIMITS.participants) return { ok: false, reason: 'full' }
        await tx.query(
          'insert into participants (workshop_id, delegation_id, id, token_digest, number, role, joined_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7)',
          [workshopId, delegationId, participantId, tokenDigest, number, role, now],
        )
        await notify(tx, { workshopId, kind: 'participant', participantId })
        return { ok: true, number }
      })
    },

    /** The participant holding this token, their delegation and their workshop, in one read. */
    async participantByToken(tokenDigest: string): Promise<{ workshop: WorkshopRow, participantId: string, delegationId: string } | undefined> {
      const { rows } = await db.query(
        `select p.id as participant_id, p.delegation_id, ${WORKSHOP_COLUMNS.map(column => `w.${column}`).join(', ')}
         from participants p join workshops w on w.id = p.workshop_id where p.token_digest = $1`,
        [tokenDigest],
      )
      const row = rows[0]
      return row ? { workshop: workshopFromRow(row), participantId: row.participant_id as string, delegationId: row.delegation_id as string } : undefined
    },

    /**
     * Stores answer changes: each is applied only when its version is higher than the one stored, so a replay or an
     * older change is acknowledged without being applied again. Refused whole when the workshop is closed or the
     * participant has submitted. One statement (so one implicit transaction): the check, the writes and the
     * notification commit together, and a busy embedded database spends one round trip per request.
     */
    async putAnswers(workshopId: string, participantId: string, changes: readonly LiveAnswerChange[], now: string): Promise<WriteOutcome> {
      const rows = changes.map(change => ({ indicator_id: change.indicatorId, version: change.version, answer: change.answer }))
      const event: WorkshopEvent = { workshopId, kind: 'participant', participantId }
      const { rows: result } = await db.query<{ closed: boolean | null, submitted: boolean | null, applied: number }>(
        `with me as (
           select w.closed, p.submitted from workshops w join participants p on p.workshop_id = w.id
           where w.id = $1 and p.id = $2 for share of w
         ), changes as (
           -- Two changes of one indicator in one request: only the later version counts (one row may be written once per statement).
           select distinct on (indicator_id) * from jsonb_to_recordset($3::jsonb) as c (indicator_id text, version bigint, answer jsonb)
           order by indicator_id, version desc
         ), applied as (
           insert into answers (workshop_id, participant_id, indicator_id, version, answer, received_at)
           select $1, $2, c.indicator_id, c.version, nullif(c.answer, 'null'::jsonb), $4 from changes c, me where not me.closed and not me.submitted
           on conflict (workshop_id, participant_id, indicator_id) do update
             set version = excluded.version, answer = excluded.answer, received_at = excluded.received_at, writes = answers.writes + 1
             where answers.version < excluded.version
           returning 1
         ), touched as (
           update participants set updated_at = $4 where workshop_id = $1 and id = $2 and exists (select 1 from applied) returning 1
         )
         select (select closed from me) as closed, (select submitted from me) as submitted, (select count(*) from applied)::int as applied,
           (select pg_notify($5, $6) from applied limit 1) is not null as notified`,
        [workshopId, participantId, JSON.stringify(rows), now, EVENTS_CHANNEL, JSON.stringify(event)],
      )
      const row = result[0]
      if (!row || row.closed === null) return { ok: false, reason: 'notFound' }
      if (row.closed) return { ok: false, reason: 'closed' }
      if (row.submitted) return { ok: false, reason: 'submitted' }
      return { ok: true, applied: row.applied, acknowledged: changes.map(change => ({ indicatorId: change.indicatorId, version: change.version })) }
    },

    /** Marks the participant done; true when the workshop is open (submitting twice is harmless). */
    async submit(workshopId: string, participantId: string, now: string): Promise<'ok' | 'closed' | 'notFound'> {
      return db.transaction(async (tx) => {
        const state = await tx.query<{ closed: boolean, submitted: boolean }>(
          'select w.closed, p.submitted from workshops w join participants p on p.workshop_id = w.id where w.id = $1 and p.id = $2',
          [workshopId, participantId],
        )
        const row = state.rows[0]
        if (!row) return 'notFound'
        if (row.submitted) return 'ok'
        if (row.closed) return 'closed'
        await tx.query('update participants set submitted = true, updated_at = $3 where workshop_id = $1 and id = $2', [workshopId, participantId, now])
        await notify(tx, { workshopId, kind: 'participant', participantId })
        return 'ok'
      })
    },

    /**
     * Participants of a workshop with their current answers, ordered by delegation then number; only those of `ids`
     * when `ids` is given, only those of one delegation when `delegationId` is.
     */
    async participants(workshopId: string, filter: { ids?: readonly string[], delegationId?: string } = {}): Promise<ParticipantRow[]> {
      const params: unknown[] = [workshopId, filter.ids ?? null, filter.delegationId ?? null]
      const people = await db.query(
        `select ${PARTICIPANT_COLUMNS.map(column => `p.${column}`).join(', ')} from participants p
         join delegations d on d.workshop_id = p.workshop_id and d.id = p.delegation_id
         where p.workshop_id = $1 and ($2::text[] is null or p.id = any($2::text[])) and ($3::text is null or p.delegation_id = $3)
         order by d.position, p.number`,
        params,
      )
      const answers = await db.query(
        `select a.participant_id, a.indicator_id, a.version::float8 as version, a.answer from answers a
         join participants p on p.workshop_id = a.workshop_id and p.id = a.participant_id
         where a.workshop_id = $1 and ($2::text[] is null or a.participant_id = any($2::text[])) and ($3::text is null or p.delegation_id = $3)`,
        params,
      )
      const byId = new Map<string, ParticipantRow>()
      for (const row of people.rows) {
        byId.set(row.id as string, { ...fromRow<Omit<ParticipantRow, 'workshopId' | 'answers' | 'versions'>>(row, PARTICIPANT_COLUMNS), workshopId, answers: {}, versions: {} })
      }
      for (const row of answers.rows) {
        const participant = byId.get(row.participant_id as string)
        if (!participant) continue
        const indicatorId = row.indicator_id as string
        participant.versions[indicatorId] = Number(row.version)
        if (row.answer !== null) participant.answers[indicatorId] = row.answer as Answer
      }
      return [...byId.values()]
    },

    async setSettings(workshopId: string, settings: { closed?: boolean, spreadAllowed?: boolean }, now: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query(
          'update workshops set closed = coalesce($2, closed), spread_allowed = coalesce($3, spread_allowed), updated_at = $4 where id = $1',
          [workshopId, settings.closed ?? null, settings.spreadAllowed ?? null, now],
        )
        await notify(tx, { workshopId, kind: 'settings' })
      })
    },

    /** Sets one delegation's consensus on one indicator; false when the workshop has no such delegation. */
    async setConsensus(workshopId: string, delegationId: string, indicatorId: string, entry: ConsensusEntry, now: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query(
          `update delegations set consensus = jsonb_set(consensus, array[$3::text], $4::jsonb, true) where workshop_id = $1 and id = $2 returning 1`,
          [workshopId, delegationId, indicatorId, JSON.stringify(entry)],
        )
        if (rows.length === 0) return false
        await tx.query('update workshops set updated_at = $2 where id = $1', [workshopId, now])
        await notify(tx, { workshopId, kind: 'consensus', delegationId, indicatorId })
        return true
      })
    },

    /** Deletes the workshop with all its participants and answers (cascade). */
    async deleteWorkshop(workshopId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('delete from workshops where id = $1', [workshopId])
        await notify(tx, { workshopId, kind: 'deleted' })
      })
    },
  }
}

export type Repository = ReturnType<typeof createRepository>
