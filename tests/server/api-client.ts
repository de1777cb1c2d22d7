// A scripted participant and facilitator speaking the workshop API with the app's own calls (`src/data/live-api.ts`).
import { randomUUID } from 'node:crypto'
import { liveCalls, readEventStream, requestInit, type CreatedWorkshop, type FacilitatorSnapshot, type Joined, type LiveCall, type StreamMessage } from '../../src/data/live-api'
import type { Answer } from '../../src/domain/assessment'
import type { LiveAnswerChange } from '../../src/domain/live-protocol'
import { emptyProfile, type Profile } from '../../src/domain/profile'

export const QUESTIONNAIRE = { questionnaireId: 'tech-diplomacy', questionnaireVersion: '1.1.0' }

export interface Reply {
  status: number
  body: unknown
  headers: Headers
  text: string
}

/** Sends one of the app's calls (or a hand-made one, to try what the app never sends) and returns the raw reply. */
export async function callApi(url: string, call: LiveCall<unknown>, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${url}${call.path}`, requestInit(call, headers))
  const text = await response.text()
  let body: unknown = undefined
  try {
    body = text === '' ? undefined : JSON.parse(text)
  }
  catch {
    body = text
  }
  return { status: response.status, body, headers: response.headers, text }
}

export function call(url: string, method: LiveCall<unknown>['method'] | 'OPTIONS', path: string, options: { secret?: string, body?: unknown, headers?: Record<string, string> } = {}): Promise<Reply> {
  return callApi(url, { method: method as LiveCall<unknown>['method'], path, secret: options.secret, body: options.body }, options.headers)
}

export type { CreatedWorkshop, Joined }

/** A profile of `country` (ISO3) and `ministry`, the rest empty. */
export function profileOf(country: string, ministry: string): Profile {
  return { ...emptyProfile('2026-11-29'), country, ministry }
}

export async function createWorkshop(url: string, title = 'Live test workshop', profiles: Profile[] = [emptyProfile('2026-11-29')]): Promise<CreatedWorkshop> {
  const reply = await callApi(url, liveCalls.create({ title, ...QUESTIONNAIRE, locale: 'en', delegations: profiles.map(profile => ({ profile })) }))
  if (reply.status !== 201) throw new Error(`create: ${reply.status} ${reply.text}`)
  return reply.body as CreatedWorkshop
}

export async function join(url: string, joinCode: string, role = '', delegationId?: string): Promise<Joined> {
  const reply = await callApi(url, liveCalls.join(joinCode, { participantId: randomUUID(), role, ...(delegationId === undefined ? {} : { delegationId }) }))
  if (reply.status !== 201) throw new Error(`join: ${reply.status} ${reply.text}`)
  return reply.body as Joined
}

export function level(n: number, evidence = ''): Answer {
  return { kind: 'level', level: n, confidence: 'self-declared', evidence, updatedAt: '2026-11-29T10:00:00.000Z' }
}

export function change(indicatorId: string, version: number, answer: Answer | null): LiveAnswerChange {
  return { indicatorId, version, answer }
}

export async function putAnswers(url: string, token: string, changes: LiveAnswerChange[]): Promise<Reply> {
  return callApi(url, liveCalls.putAnswers(token, changes))
}

export async function readWorkshop(url: string, created: CreatedWorkshop): Promise<FacilitatorSnapshot> {
  const reply = await callApi(url, liveCalls.read(created.workshopId, created.facilitatorKey))
  if (reply.status !== 200) throw new Error(`read: ${reply.status} ${reply.text}`)
  return reply.body as FacilitatorSnapshot
}

export type StreamEvent = StreamMessage & { at: number }

/** The facilitator's live stream, read with fetch (as the app does: the secret travels in a header, not the URL). */
export async function openStream(url: string, created: CreatedWorkshop) {
  const controller = new AbortController()
  const events = liveCalls.events(created.workshopId, created.facilitatorKey)
  const response = await fetch(`${url}${events.path}`, { ...requestInit(events), signal: controller.signal })
  if (response.status !== 200 || !response.body) throw new Error(`stream: ${response.status}`)
  const received: StreamEvent[] = []
  const waiters: Array<() => void> = []
  readEventStream(response.body, (message) => {
    received.push({ ...message, at: performance.now() })
    waiters.splice(0).forEach(wake => wake())
  }).catch(() => undefined) // aborted
  return {
    events: received,
    /** The first event (from `from` on) that `matches`, waiting at most `timeoutMs`. */
    async waitFor(matches: (event: StreamEvent) => boolean, timeoutMs = 5000, from = 0): Promise<StreamEvent> {
      const deadline = performance.now() + timeoutMs
      for (;;) {
        const found = received.slice(from).find(matches)
        if (found) return found
        const left = deadline - performance.now()
        if (left <= 0) throw new Error(`No matching event in ${timeoutMs} ms; got ${received.map(e => e.event).join(', ')}`)
        await new Promise<void>((wake) => {
          const timer = setTimeout(wake, left)
          waiters.push(() => {
            clearTimeout(timer)
            wake()
          })
        })
      }
    },
    close: () => controller.abort(),
  }
}

/** Whether a stream event carries `participantId`'s answer to `indicatorId`. */
export function carriesAnswer(event: StreamEvent, participantId: string, indicatorId: string, levelValue: number): boolean {
  const people = event.event === 'participants'
    ? event.data.participants
    : event.event === 'snapshot' ? event.data.workshop.delegations.flatMap(d => d.participants) : []
  const answer = people.find(p => p.id === participantId)?.answers[indicatorId]
  return answer?.kind === 'level' && answer.level === levelValue
}
