import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import type { ZodType, ZodTypeDef } from 'zod'
import type { Answer } from '../domain/assessment'
import { parseJson } from '../domain/check'
import { findForbiddenKeys } from '../domain/input-rules'
import {
  checkAnswerChanges, chooseDelegation, consensusRequestSchema, createWorkshopRequestSchema, joinCodeSchema, joinRequestSchema, LIVE_BODY_BYTES,
  normalizeJoinCode, putAnswersRequestSchema, workshopSettingsRequestSchema, type FacilitatorSnapshot, type JoinDelegation, type LiveErrorCode,
} from '../domain/live-protocol'
import type { Problem } from '../domain/problem'
import type { Questionnaire } from '../domain/questionnaire'
import { delegationSpreads } from '../domain/workshop-spread'
import { buildWorkshopFile, serializeWorkshopFile, workshopFileName } from '../domain/workshop-file'
import type { ConsensusChoice } from '../domain/workshop-model'
import { problemFromZodIssue } from '../domain/zod-problems'
import { CONTENT_SECURITY_POLICY } from '../security-policy'
import type { LiveHub } from './live-hub'
import { createRateLimiter } from './rate-limit'
import type { Repository, WorkshopRow } from './repository'
import { bearerOf, digestOf, matchesDigest, newDelegationId, newJoinCode, newSecret, newWorkshopId } from './secrets'
import { registerStaticFiles } from './static-files'
import { liveStatusOf, participantOf, workshopOf } from './workshop-view'

/** A refusal the API sends as `{ error: { code, problems? } }` with its HTTP status. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: LiveErrorCode, readonly problems: Problem[] = [], readonly retryAfter?: number) {
    super(code)
  }
}

export interface AppOptions {
  repository: Repository
  hub: LiveHub
  questionnaires: ReadonlyMap<string, Questionnaire>
  /** Folder of the built app; nothing is served but the API when undefined. */
  distDir?: string
  /** Requests per minute per client (address, or participant/facilitator secret on the API). */
  rateLimit: number
  /** Workshops created and joins per minute per address. */
  joinLimit: number
  /** Whether a workshop may be created from another machine than this one (a hosted server); else from loopback only. */
  createFromAnyAddress: boolean
  /** Behind a load balancer: take the client's address from X-Forwarded-For. */
  trustProxy: boolean
  /** The addresses participants reach this server at (local-network addresses with --lan, or --public-url). */
  joinBases?: () => string[]
  now?: () => Date
  /** One line per request (method, route pattern, status, time): no ids, no secrets, no answer text. */
  log?: (line: string) => void
  onWorkshopCreated?: (created: { joinCode: string, workshopId: string, facilitatorKey: string }) => void
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
} as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address.startsWith('::ffff:127.') || address.startsWith('127.')
}

/** The consensus choice as an answer, to check it with the answers' rules (indicator known, level in range). */
function answerOfChoice(choice: ConsensusChoice | undefined, at: string): Answer | null {
  if (!choice) return null
  if (choice.kind === 'level') return { kind: 'level', level: choice.level, confidence: choice.confidence ?? 'self-declared', evidence: '', updatedAt: at }
  return { kind: choice.kind, evidence: '', updatedAt: at }
}

function validated<T>(schema: ZodType<T, ZodTypeDef, unknown>, body: unknown): T {
  if (body === undefined || body === null) throw new ApiError(400, 'invalid', [])
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ApiError(400, 'invalid', parsed.error.issues.slice(0, 50).map(problemFromZodIssue))
  return parsed.data
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = () => (options.now ?? (() => new Date()))().toISOString()
  const { repository, hub } = options
  const app = Fastify({ logger: false, bodyLimit: LIVE_BODY_BYTES, trustProxy: options.trustProxy, return503OnClosing: false, forceCloseConnections: true })
  const requests = createRateLimiter(options.rateLimit)
  const joins = createRateLimiter(options.joinLimit)

  // Request bodies are read as text and checked like a file (size, depth, JSON, forbidden keys) before any schema.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: LIVE_BODY_BYTES }, (_request, body, done) => {
    const json = parseJson(body as string, LIVE_BODY_BYTES, 'answers')
    if (!json.ok) return done(new ApiError(json.error.code === 'file.tooLarge' ? 413 : 400, json.error.code === 'file.tooLarge' ? 'tooLarge' : 'invalid', [json.error]), undefined)
    const forbidden = findForbiddenKeys(json.value)
    if (forbidden.length > 0) return done(new ApiError(400, 'invalid', forbidden), undefined)
    done(null, json.value)
  })

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value)
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store')
    const secret = bearerOf(request.headers.authorization)
    const key = secret && request.url.startsWith('/api/') ? `secret:${digestOf(secret)}` : `address:${request.ip}`
    const wait = requests.take(key)
    if (wait > 0) throw new ApiError(429, 'rateLimited', [], wait)
  })

  if (options.log) {
    const log = options.log
    app.addHook('onResponse', async (request, reply) => {
      log(`${request.method} ${request.routeOptions.url ?? '(no route)'} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)} ms`)
    })
  }

  app.setErrorHandler((error: Error & { statusCode?: number, code?: string }, _request, reply) => {
    if (error instanceof ApiError) {
      if (error.retryAfter !== undefined) reply.header('Retry-After', String(error.retryAfter))
      return reply.code(error.status).send({ error: { code: error.code, ...(error.problems.length > 0 ? { problems: error.problems } : {}) } })
    }
    const status = error.statusCode ?? 500
    if (status === 413) return reply.code(413).send({ error: { code: 'tooLarge' } })
    if (status === 415) return reply.code(415).send({ error: { code: 'unsupportedMediaType' } })
    if (status >= 400 && status < 500) return reply.code(status).send({ error: { code: 'invalid' } })
    options.log?.(`error ${error.name}${error.code ? ` ${error.code}` : ''}`)
    return reply.code(500).send({ error: { code: 'internal' } })
  })
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: { code: 'notFound' } }))

  async function facilitatorWorkshop(request: FastifyRequest): Promise<WorkshopRow> {
    const { id } = request.params as { id: string }
    const secret = bearerOf(request.headers.authorization)
    if (!secret) throw new ApiError(401, 'unauthorized')
    const row = UUID.test(id) ? await repository.workshopById(id) : undefined
    if (!row) throw new ApiError(404, 'notFound')
    if (!matchesDigest(secret, row.facilitatorDigest)) throw new ApiError(403, 'forbidden')
    return row
  }

  async function participantOfRequest(request: FastifyRequest): Promise<{ workshop: WorkshopRow, participantId: string, delegationId: string }> {
    const secret = bearerOf(request.headers.authorization)
    if (!secret) throw new ApiError(401, 'unauthorized')
    const found = await repository.participantByToken(digestOf(secret))
    if (!found) throw new ApiError(403, 'forbidden')
    return found
  }

  // Who writes with a token: the busiest lookup (every answer). Kept a few seconds, and dropped at once when the
  // workshop is deleted (whichever process deletes it, through the notification); "closed" and "submitted" are
  // checked by the write itself, so nothing here can let a refused write through.
  const writers = new Map<string, { workshopId: string, participantId: string, questionnaireKey: string, until: number }>()
  hub.onDeleted((workshopId) => { for (const [digest, writer] of writers) if (writer.workshopId === workshopId) writers.delete(digest) })
  async function writerOfRequest(request: FastifyRequest): Promise<{ workshopId: string, participantId: string, questionnaireKey: string }> {
    const secret = bearerOf(request.headers.authorization)
    if (!secret) throw new ApiError(401, 'unauthorized')
    const digest = digestOf(secret)
    const cached = writers.get(digest)
    if (cached && cached.until > Date.now()) return cached
    const found = await repository.participantByToken(digest)
    if (!found) throw new ApiError(403, 'forbidden')
    if (writers.size > 10_000) writers.clear()
    const writer = { workshopId: found.workshop.id, participantId: found.participantId, questionnaireKey: `${found.workshop.questionnaireId}@${found.workshop.questionnaireVersion}`, until: Date.now() + 5000 }
    writers.set(digest, writer)
    return writer
  }

  function takeJoin(request: FastifyRequest): void {
    const wait = joins.take(request.ip)
    if (wait > 0) throw new ApiError(429, 'rateLimited', [], wait)
  }

  async function workshopByCode(code: string): Promise<WorkshopRow> {
    const normalized = normalizeJoinCode(code)
    const row = joinCodeSchema.safeParse(normalized).success ? await repository.workshopByCode(normalized) : undefined
    if (!row) throw new ApiError(404, 'notFound')
    return row
  }

  // --- facilitator ---------------------------------------------------------------------------------------------

  app.post('/api/workshops', async (request, reply) => {
    if (!options.createFromAnyAddress && !isLoopback(request.socket.remoteAddress ?? '')) throw new ApiError(403, 'forbidden')
    takeJoin(request)
    const input = validated(createWorkshopRequestSchema, request.body)
    if (!options.questionnaires.has(`${input.questionnaireId}@${input.questionnaireVersion}`)) throw new ApiError(400, 'questionnaireUnknown')
    const facilitatorKey = newSecret()
    const delegations = input.delegations.map(delegation => ({ id: newDelegationId(), profile: delegation.profile }))
    for (let attempt = 0; attempt < 5; attempt++) {
      const workshopId = newWorkshopId()
      const joinCode = newJoinCode()
      const stored = await repository.createWorkshop({ ...input, delegations, id: workshopId, joinCode, facilitatorDigest: digestOf(facilitatorKey), now: now() })
      if (!stored) continue
      options.onWorkshopCreated?.({ joinCode, workshopId, facilitatorKey })
      return reply.code(201).send({
        workshopId,
        joinCode,
        facilitatorKey,
        joinPath: `/#/join/${joinCode}`,
        facilitatorPath: `/#/live/${workshopId}?key=${facilitatorKey}`,
      })
    }
    throw new ApiError(500, 'internal')
  })

  /** Everything the facilitator sees, read in full from the database. */
  async function snapshotOf(row: WorkshopRow): Promise<FacilitatorSnapshot> {
    const [delegations, participants] = await Promise.all([repository.delegations(row.id), repository.participants(row.id)])
    return { workshop: workshopOf(row, delegations, participants), live: liveStatusOf(row, participants, options.joinBases?.() ?? []) }
  }

  app.get('/api/workshops/:id', async request => snapshotOf(await facilitatorWorkshop(request)))

  app.patch('/api/workshops/:id', async (request) => {
    const row = await facilitatorWorkshop(request)
    const settings = validated(workshopSettingsRequestSchema, request.body)
    await repository.setSettings(row.id, settings, now())
    const updated = (await repository.workshopById(row.id))!
    return { closed: updated.closed, spreadAllowed: updated.spreadAllowed }
  })

  app.put('/api/workshops/:id/consensus', async (request) => {
    const row = await facilitatorWorkshop(request)
    const input = validated(consensusRequestSchema, request.body)
    const questionnaire = options.questionnaires.get(`${row.questionnaireId}@${row.questionnaireVersion}`)
    if (!questionnaire) throw new ApiError(400, 'questionnaireUnknown')
    const problems = checkAnswerChanges(questionnaire, [{ indicatorId: input.indicatorId, version: 1, answer: answerOfChoice(input.entry.choice, now()) }])
    if (problems.length > 0) throw new ApiError(400, 'invalid', problems)
    if (!await repository.setConsensus(row.id, input.delegationId, input.indicatorId, input.entry, now())) throw new ApiError(400, 'delegationUnknown')
    return { ok: true }
  })

  app.get('/api/workshops/:id/export', async (request, reply) => {
    const { workshop } = await snapshotOf(await facilitatorWorkshop(request))
    const at = now()
    reply.header('Content-Disposition', `attachment; filename="${workshopFileName(workshop.title, at.slice(0, 10))}"`)
    return reply.type('application/json').send(serializeWorkshopFile(buildWorkshopFile(workshop, at)))
  })

  app.delete('/api/workshops/:id', async (request, reply) => {
    const row = await facilitatorWorkshop(request)
    await repository.deleteWorkshop(row.id)
    return reply.code(204).send()
  })

  app.get('/api/workshops/:id/events', async (request, reply) => {
    const row = await facilitatorWorkshop(request)
    const raw = reply.raw
    raw.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'Connection': 'keep-alive',
      'X-Accel-Buffering': 'no',
    })
    const send = (event: string, data: unknown) => { raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`) }
    let ended = false
    const end = () => {
      if (ended) return
      ended = true
      clearInterval(heartbeat)
      unsubscribe()
      raw.end()
    }
    // Subscribed before the snapshot is read: a change made in between arrives twice (harmless), never not at all.
    const unsubscribe = hub.subscribe(row.id, { send, end })
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000)
    request.raw.on('close', end)
    reply.hijack()
    send('snapshot', await snapshotOf(row))
  })

  // --- participants --------------------------------------------------------------------------------------------

  app.get('/api/join/:code', async (request) => {
    const row = await workshopByCode((request.params as { code: string }).code)
    // Only what a participant needs to pick their delegation: nothing else of the profiles.
    const delegations: JoinDelegation[] = (await repository.delegations(row.id)).map(d => ({ id: d.id, country: d.profile.country, ministry: d.profile.ministry }))
    return { title: row.title, questionnaireId: row.questionnaireId, questionnaireVersion: row.questionnaireVersion, locale: row.locale, closed: row.closed, delegations }
  })

  app.post('/api/join/:code', async (request, reply) => {
    takeJoin(request)
    const row = await workshopByCode((request.params as { code: string }).code)
    const input = validated(joinRequestSchema, request.body)
    if (row.closed) throw new ApiError(403, 'closed')
    const chosen = chooseDelegation((await repository.delegations(row.id)).map(d => d.id), input.delegationId)
    if (!chosen.ok) throw new ApiError(400, chosen.code)
    const token = newSecret()
    const joined = await repository.join(row.id, chosen.delegationId, input.participantId, digestOf(token), input.role, now())
    if (!joined.ok) {
      if (joined.reason === 'closed') throw new ApiError(403, 'closed')
      if (joined.reason === 'participantExists') throw new ApiError(409, 'participantExists')
      if (joined.reason === 'delegationUnknown') throw new ApiError(400, 'delegationUnknown')
      if (joined.reason === 'full') throw new ApiError(403, 'full')
      throw new ApiError(404, 'notFound')
    }
    return reply.code(201).send({
      participantId: input.participantId,
      delegationId: chosen.delegationId,
      token,
      number: joined.number,
      workshop: { title: row.title, questionnaireId: row.questionnaireId, questionnaireVersion: row.questionnaireVersion, locale: row.locale },
    })
  })

  app.get('/api/participant', async (request) => {
    const { workshop, participantId, delegationId } = await participantOfRequest(request)
    const [me] = await repository.participants(workshop.id, { ids: [participantId] })
    return {
      participantId,
      delegationId,
      number: me!.number,
      submitted: me!.submitted,
      answers: me!.answers,
      versions: me!.versions,
      workshop: { title: workshop.title, questionnaireId: workshop.questionnaireId, questionnaireVersion: workshop.questionnaireVersion, locale: workshop.locale, closed: workshop.closed, spreadAllowed: workshop.spreadAllowed },
    }
  })

  app.put('/api/participant/answers', async (request) => {
    const writer = await writerOfRequest(request)
    const input = validated(putAnswersRequestSchema, request.body)
    const questionnaire = options.questionnaires.get(writer.questionnaireKey)
    if (!questionnaire) throw new ApiError(400, 'questionnaireUnknown')
    const problems = checkAnswerChanges(questionnaire, input.changes)
    if (problems.length > 0) throw new ApiError(400, 'invalid', problems.slice(0, 50))
    const outcome = await repository.putAnswers(writer.workshopId, writer.participantId, input.changes, now())
    if (!outcome.ok) throw outcome.reason === 'notFound' ? new ApiError(403, 'forbidden') : new ApiError(403, 'closed')
    return { applied: outcome.applied, acknowledged: outcome.acknowledged }
  })

  app.post('/api/participant/submit', async (request) => {
    const { workshop, participantId } = await participantOfRequest(request)
    const outcome = await repository.submit(workshop.id, participantId, now())
    if (outcome === 'closed') throw new ApiError(403, 'closed')
    if (outcome === 'notFound') throw new ApiError(404, 'notFound')
    return { submitted: true }
  })

  app.get('/api/participant/spread', async (request) => {
    const { workshop, participantId, delegationId } = await participantOfRequest(request)
    // The participant's own delegation only: another delegation's answers are not theirs to see.
    const participants = await repository.participants(workshop.id, { delegationId })
    const me = participants.find(p => p.id === participantId)
    if (!me?.submitted) throw new ApiError(403, 'notSubmitted')
    if (!workshop.spreadAllowed) throw new ApiError(403, 'spreadNotAllowed')
    const questionnaire = options.questionnaires.get(`${workshop.questionnaireId}@${workshop.questionnaireVersion}`)
    if (!questionnaire) throw new ApiError(400, 'questionnaireUnknown')
    // The delegation's spread as the facilitator's heatmap counts it, with no one's identity or notes.
    return { participants: participants.length, spread: delegationSpreads(questionnaire, { participants: participants.map(participantOf) }) }
  })

  if (options.distDir) registerStaticFiles(app, options.distDir)
  return app
}
