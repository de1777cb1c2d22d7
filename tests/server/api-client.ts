// A scripted participant and facilitator speaking the workshop API, as the app does.
import { randomUUID } from 'node:crypto'
import type { Answer } from '../../src/domain/assessment'
import type { LiveAnswerChange } from '../../src/domain/live-protocol'
import { emptyProfile } from '../../src/domain/profile'

export const QUESTIONNAIRE = { questionnaireId: 'tech-diplomacy', questionnaireVersion: '1.1.0' }

export interface Reply {
  status: number
  body: unknown
  headers: Headers
  text: string
}

export async function call(url: string, method: string, path: string, options: { secret?: string, body?: unknown, headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.secret) headers.authorization = `Bearer ${options.secret}`
  if (options.body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  })
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

export interface CreatedWorkshop {
  workshopId: string
  joinCode: string
  facilitatorKey: string
}

export async function createWorkshop(url: string, title = 'Live test workshop'): Promise<CreatedWorkshop> {
  const reply = await call(url, 'POST', '/api/workshops', { body: { title, ...QUESTIONNAIRE, locale: 'en', profile: emptyProfile('2026-11-29') } })
  if (reply.status !== 201) throw new Error(`create: ${reply.status} ${reply.text}`)
  return reply.body as CreatedWorkshop
}

export interface Joined {
  participantId: string
  token: string
  number: number
}

export async function join(url: string, joinCode: string, role = ''): Promise<Joined> {
  const participantId = randomUUID()
  const reply = await call(url, 'POST', `/api/join/${joinCode}`, { body: { participantId, role } })
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
  return call(url, 'PUT', '/api/participant/answers', { secret: token, body: { changes } })
}

interface WorkshopReply {
  workshop: { delegations: Array<{ participants: Array<{ id: string, answers: Record<string, Answer>, submitted: boolean }> }> }
  live: { closed: boolean, spreadAllowed: boolean, states: Record<string, string> }
}

export async function readWorkshop(url: string, created: CreatedWorkshop): Promise<WorkshopReply> {
  const reply = await call(url, 'GET', `/api/workshops/${created.workshopId}`, { secret: created.facilitatorKey })
  if (reply.status !== 200) throw new Error(`read: ${reply.status} ${reply.text}`)
  return reply.body as WorkshopReply
}

export interface StreamEvent {
  event: string
  data: unknown
  at: number
}

/** The facilitator's live stream, read with fetch (as the app does: the secret travels in a header, not the URL). */
export async function openStream(url: string, created: CreatedWorkshop) {
  const controller = new AbortController()
  const response = await fetch(`${url}/api/workshops/${created.workshopId}/events`, {
    headers: { authorization: `Bearer ${created.facilitatorKey}` },
    signal: controller.signal,
  })
  if (response.status !== 200 || !response.body) throw new Error(`stream: ${response.status}`)
  const events: StreamEvent[] = []
  const waiters: Array<() => void> = []
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let cut: number
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) events.push({ event, data: JSON.parse(data) as unknown, at: performance.now() })
          waiters.splice(0).forEach(wake => wake())
        }
      }
    }
    catch {
      // aborted
    }
  })()
  return {
    events,
    /** The first event (from `from` on) that `matches`, waiting at most `timeoutMs`. */
    async waitFor(matches: (event: StreamEvent) => boolean, timeoutMs = 5000, from = 0): Promise<StreamEvent> {
      const deadline = performance.now() + timeoutMs
      for (;;) {
        const found = events.slice(from).find(matches)
        if (found) return found
        const left = deadline - performance.now()
        if (left <= 0) throw new Error(`No matching event in ${timeoutMs} ms; got ${events.map(e => e.event).join(', ')}`)
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
  if (event.event !== 'participants' && event.event !== 'snapshot') return false
  const data = event.data as { participants?: Array<{ id: string, answers: Record<string, Answer> }>, workshop?: WorkshopReply['workshop'] }
  const people = data.participants ?? data.workshop?.delegations[0]?.participants ?? []
  const answer = people.find(p => p.id === participantId)?.answers[indicatorId]
  return answer?.kind === 'level' && answer.level === levelValue
}
