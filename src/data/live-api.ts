import type { Answers } from '@/domain/assessment'
import type { CreateWorkshopRequest, LiveErrorCode, LiveParticipantState } from '@/domain/live-protocol'
import type { Participant, Workshop } from '@/domain/workshop-model'
import type { IndicatorSpread } from '@/domain/workshop'
import type { ConsensusEntry } from '@/domain/workshop-model'

/**
 * The live-workshop server's API as the app calls it. The app talks only to the server that served it (the
 * Content-Security-Policy allows nothing else), and only in a live workshop: the single-user mode never calls this.
 */

export type ApiResult<T> = { ok: true, value: T } | { ok: false, code: LiveErrorCode | 'network' }

async function request<T>(method: string, path: string, options: { secret?: string, body?: unknown } = {}): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      cache: 'no-store',
      headers: {
        ...(options.secret ? { authorization: `Bearer ${options.secret}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  }
  catch {
    return { ok: false, code: 'network' }
  }
  if (response.status === 204) return { ok: true, value: undefined as T }
  const payload = await response.json().catch(() => undefined) as (T & { error?: { code?: LiveErrorCode } }) | undefined
  if (response.ok && payload !== undefined) return { ok: true, value: payload }
  return { ok: false, code: payload?.error?.code ?? 'internal' }
}

export interface JoinInfo {
  title: string
  questionnaireId: string
  questionnaireVersion: string
  locale: string
  closed: boolean
}

export interface Joined {
  participantId: string
  token: string
  number: number
  workshop: Omit<JoinInfo, 'closed'>
}

export interface CreatedWorkshop {
  workshopId: string
  joinCode: string
  facilitatorKey: string
}

export interface LiveStatus {
  /** Addresses participants reach this server at (its local-network addresses), when the server knows them. */
  joinBases: string[]
  joinCode: string
  closed: boolean
  spreadAllowed: boolean
  states: Record<string, LiveParticipantState>
}

export interface FacilitatorSnapshot {
  workshop: Workshop
  live: LiveStatus
}

export const liveApi = {
  joinInfo: (code: string) => request<JoinInfo>('GET', `/api/join/${encodeURIComponent(code)}`),
  join: (code: string, participantId: string, role: string) => request<Joined>('POST', `/api/join/${encodeURIComponent(code)}`, { body: { participantId, role } }),
  me: (token: string) => request<{ submitted: boolean, answers: Answers, versions: Record<string, number>, workshop: JoinInfo & { spreadAllowed: boolean } }>('GET', '/api/participant', { secret: token }),
  spread: (token: string) => request<{ participants: number, spread: IndicatorSpread[] }>('GET', '/api/participant/spread', { secret: token }),
  create: (input: CreateWorkshopRequest) => request<CreatedWorkshop>('POST', '/api/workshops', { body: input }),
  read: (workshopId: string, key: string) => request<FacilitatorSnapshot>('GET', `/api/workshops/${workshopId}`, { secret: key }),
  settings: (workshopId: string, key: string, settings: { closed?: boolean, spreadAllowed?: boolean }) =>
    request<{ closed: boolean, spreadAllowed: boolean }>('PATCH', `/api/workshops/${workshopId}`, { secret: key, body: settings }),
  consensus: (workshopId: string, key: string, body: { delegationId: string, indicatorId: string, entry: ConsensusEntry }) =>
    request<{ ok: true }>('PUT', `/api/workshops/${workshopId}/consensus`, { secret: key, body }),
  remove: (workshopId: string, key: string) => request<undefined>('DELETE', `/api/workshops/${workshopId}`, { secret: key }),
  async exportFile(workshopId: string, key: string): Promise<ApiResult<{ text: string, fileName: string }>> {
    try {
      const response = await fetch(`/api/workshops/${workshopId}/export`, { headers: { authorization: `Bearer ${key}` }, cache: 'no-store' })
      if (!response.ok) return { ok: false, code: response.status === 403 ? 'forbidden' : 'notFound' }
      const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'workshop.tdw.json'
      return { ok: true, value: { text: await response.text(), fileName } }
    }
    catch {
      return { ok: false, code: 'network' }
    }
  },
}

/** What the facilitator's live stream says: the whole workshop first, then changed participants and settings. */
export type StreamMessage =
  | { event: 'snapshot', data: FacilitatorSnapshot }
  | { event: 'participants', data: { delegationId: string, participants: Participant[], states: Record<string, LiveParticipantState> } }
  | { event: 'workshop', data: { closed: boolean, spreadAllowed: boolean, consensus: Record<string, Record<string, ConsensusEntry>> } }
  | { event: 'deleted', data: Record<string, never> }

/**
 * Follows the facilitator's live stream (Server-Sent Events read with fetch, so the key travels in a header and
 * never in an address). Reconnects after a cut, starting again from a fresh snapshot. Stops for good when the server
 * refuses the key (403) or no longer has the workshop (404), and says which through `onRefused`. Returns a function that stops it.
 */
export function followWorkshop(
  workshopId: string, key: string, onMessage: (message: StreamMessage) => void, onConnection: (connected: boolean) => void,
  onRefused?: (code: 'forbidden' | 'notFound') => void,
): () => void {
  let stopped = false
  let controller: AbortController | undefined
  async function connect(): Promise<void> {
    while (!stopped) {
      controller = new AbortController()
      try {
        const response = await fetch(`/api/workshops/${workshopId}/events`, { headers: { authorization: `Bearer ${key}` }, signal: controller.signal, cache: 'no-store' })
        if (!response.ok || !response.body) {
          onConnection(false)
          if (response.status === 403 || response.status === 404) {
            onRefused?.(response.status === 403 ? 'forbidden' : 'notFound')
            return
          }
        }
        else {
          onConnection(true)
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
          let buffer = ''
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
              if (event && data) onMessage({ event, data: JSON.parse(data) } as StreamMessage)
            }
          }
          onConnection(false)
        }
      }
      catch {
        onConnection(false)
      }
      if (!stopped) await new Promise(wake => setTimeout(wake, 1000))
    }
  }
  void connect()
  return () => {
    stopped = true
    controller?.abort()
  }
}
