import { z } from 'zod'
import { answersSchema, CONFIDENCES } from './assessment'
import { idSchema, LIMITS, levelNumberSchema, localeSchema, timestampSchema, versionSchema } from './input-rules'
import { profileSchema } from './profile'
import { roadmapEditsSchema } from './roadmap'
import { signOffSchema } from './sign-off'

/**
 * A group assessment (a workshop): one questionnaire version, one or more delegations (one context profile
 * each: a ministry and its partners, or each country of a regional workshop), each with its participants, the
 * answers each participant gave, and the consensus the room agreed. Results and the roadmap of a delegation are
 * computed on its consensus answers by the ordinary scoring and roadmap code (see `workshop.ts`).
 *
 * Stored beside assessments, exported as `*.tdw.json` (see `workshop-file.ts`), and held by the live workshop
 * server (`src/server/`) with the same schemas.
 */

/** What an exported workshop file (`*.tdw.json`) says it is (see `workshop-file.ts`). */
export const WORKSHOP_FILE_FORMAT = 'tech-diplomacy-workshop'

export const WORKSHOP_LIMITS = {
  delegations: 50,
  /** Participants per delegation; also the highest number a live workshop's server gives (it refuses the next one). */
  participants: 500,
  /**
   * The highest participant number: twice the participants, so that a participant added on the facilitator's device
   * whose number a live participant took can move above every number the server gives (see `live-mirror.ts`).
   */
  participantNumber: 1000,
  titleLength: 200,
  roleLength: 200,
  nameLength: 200,
  noteLength: 5000,
} as const

/** How a participant's answers reached the workshop. */
export const PARTICIPANT_SOURCES = ['file', 'device', 'qr', 'live'] as const
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number]

export const participantSchema = z.object({
  id: z.string().min(1).max(100),
  /** 1, 2, 3 … within the delegation: shown as "P1", "P2" … unless the workshop shows names. */
  number: z.number().int().min(1).max(WORKSHOP_LIMITS.participantNumber),
  /** Optional role, e.g. "ICT ministry", "regulator". */
  role: z.string().max(WORKSHOP_LIMITS.roleLength, 'value.tooLong').default(''),
  /** Optional name; shown only when the workshop's `showNames` is on. */
  name: z.string().max(WORKSHOP_LIMITS.nameLength, 'value.tooLong').optional(),
  source: z.enum(PARTICIPANT_SOURCES),
  /**
   * What identifies the same answers coming in twice (the id of the imported assessment and its last change,
   * or a QR payload's digest), so an import already made is recognised and not counted twice.
   */
  fingerprint: z.string().max(200).optional(),
  answers: answersSchema,
  /** Whether the participant said they are done (a live participant "submits"); imported answers count as submitted. */
  submitted: z.boolean().default(true),
  addedAt: timestampSchema,
  updatedAt: timestampSchema,
}).strict()
export type Participant = z.infer<typeof participantSchema>

/** The answer the room agreed for one indicator; without `choice`, the default (the median) stands and only the note is kept. */
export const consensusChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('level'), level: levelNumberSchema, confidence: z.enum(CONFIDENCES).optional() }).strict(),
  z.object({ kind: z.literal('dont_know') }).strict(),
  z.object({ kind: z.literal('not_applicable') }).strict(),
])
export type ConsensusChoice = z.infer<typeof consensusChoiceSchema>

export const consensusEntrySchema = z.object({
  choice: consensusChoiceSchema.optional(),
  /** Why the room agreed this answer; becomes the consensus answer's evidence note. */
  note: z.string().max(WORKSHOP_LIMITS.noteLength, 'value.tooLong').default(''),
  /** The facilitator marked the item as discussed (progress counts these). */
  discussed: z.boolean().default(false),
  updatedAt: timestampSchema,
}).strict()
export type ConsensusEntry = z.infer<typeof consensusEntrySchema>

export const delegationSchema = z.object({
  id: z.string().min(1).max(100),
  profile: profileSchema,
  participants: z.array(participantSchema).max(WORKSHOP_LIMITS.participants, 'value.tooMany'),
  /** Indicator id → what the facilitator set; indicators absent here take the default consensus. */
  consensus: z.record(idSchema, consensusEntrySchema),
  /** The room's changes to the roadmap generated from the consensus, as for one assessment. */
  roadmap: roadmapEditsSchema.default({}),
  signOff: signOffSchema.optional(),
}).strict()
export type Delegation = z.infer<typeof delegationSchema>

/**
 * What this browser knows of a live workshop it mirrors from the workshop server (see `live-mirror.ts`): how
 * participants join, whether it is closed and shows the spread, and when the server said it deleted it. Never in a
 * workshop file: an imported file is never live. The facilitator's key is not here either (it stays in this browser).
 */
export const liveMarkerSchema = z.object({
  joinCode: z.string().max(20, 'value.tooLong'),
  /** Addresses participants reach the server at; empty when the server does not know them (the page's own then). */
  joinBases: z.array(z.string().max(300, 'value.tooLong')).max(20, 'value.tooMany'),
  closed: z.boolean(),
  spreadAllowed: z.boolean(),
  /** When the server said the workshop was deleted there; the local copy stays until the facilitator chooses. */
  deletedAt: timestampSchema.optional(),
}).strict()
export type LiveMarker = z.infer<typeof liveMarkerSchema>

export const workshopSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().trim().min(1, 'value.required').max(WORKSHOP_LIMITS.titleLength, 'value.tooLong'),
  /** Key of the questionnaire in the app (`id@version` or `file:id@version`), as for an assessment. */
  questionnaireKey: z.string().max(LIMITS.idLength + LIMITS.versionLength + 10),
  questionnaireId: idSchema,
  questionnaireVersion: versionSchema,
  /** Language of the questionnaire texts and the PDF. */
  locale: localeSchema,
  /** Participants are anonymous (P1, P2 …) unless the facilitator chooses to show names. */
  showNames: z.boolean().default(false),
  delegations: z.array(delegationSchema).min(1).max(WORKSHOP_LIMITS.delegations, 'value.tooMany'),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Present only on the facilitator's copy of a live workshop (same id as on the server). */
  live: liveMarkerSchema.optional(),
}).strict()
export type Workshop = z.infer<typeof workshopSchema>

/** How a participant is shown: "P3", "P3 (regulator)", or the name when names are shown. */
export function participantLabel(participant: Pick<Participant, 'number' | 'role' | 'name'>, showNames: boolean): string {
  const base = showNames && participant.name !== undefined && participant.name.trim() !== '' ? participant.name.trim() : `P${participant.number}`
  return participant.role.trim() === '' ? base : `${base} (${participant.role.trim()})`
}

/** The delegation of a workshop, found by its id; `undefined` for an unknown id. */
export function findDelegation(workshop: Pick<Workshop, 'delegations'>, delegationId: string): Delegation | undefined {
  return workshop.delegations.find(d => d.id === delegationId)
}
