import type { Answers } from '@/domain/assessment'
import type {
  CreateWorkshopRequest, FacilitatorSnapshot, JoinDelegation, JoinRequest, LiveAnswerChange, LiveErrorCode,
  ParticipantsChanged, WorkshopChanged, WorkshopSettingsRequest,
} from '@/domain/live-protocol'
import type { IndicatorSpread } from '@/domain/workshop-spread'
import type { ConsensusEntry } from '@/domain/workshop-model'

/**
 * The live-workshop server's API as the app calls it: one definition of each call (method, path, secret, body and
 * the shape of its reply), used by the app, its participant sync and the server's integration tests alike. The app
 * talks only to the server that served it (the Content-Security-Policy allows nothing else), and only in a live
 * workshop: the single-user mode never calls this.
 */

export type { FacilitatorSnapshot, LiveStatus } from '@/domain/live-protocol'

export type ApiResult<T> = { ok: true, value: T } | { ok: false, code: LiveErrorCode | 'network' }

/** One request to the server; `reply` is never set: it only carries the type a success returns. */
export interface LiveCall<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  secret?: string
  body?: unknown
  readonly reply?: T
}

export interface JoinInfo {
  title: string
  questionnaireId: string
  questionnaireVersion: string
  locale: string
  closed: boolean
  /** The workshop's delegations, in order; a participant picks theirs when there is more than one. */
  delegations: JoinDelegation[]
}

export interface Joined {
  participantId: string
  delegationId: string
  token: string
  /** The participant's number within their delegation (P1, P2 …). */
  number: number
  workshop: Omit<JoinInfo, 'closed' | 'delegations'>
}

export interface Me {
  participantId: string
  delegationId: string
  number: number
  submitted: boolean
  answers: Answers
  versions: Record<string, number>
  workshop: Omit<JoinInfo, 'delegations'> & { spreadAllowed: boolean }
}

export interface CreatedWorkshop {
  workshopId: string
  joinCode: string
  facilitatorKey: string
  joinPath: string
  facilitatorPath: string
}

export interface Acknowledged {
  applied: number
  acknowledged: Array<{ indicatorId: string, version: number }>
}

const code = (joinCode: string) => encodeURIComponent(joinCode)

/** Every call of the API, by name. */
export const liveCalls = {
  joinInfo: (joinCode: string): LiveCall<JoinInfo> => ({ method: 'GET', path: `/api/join/${code(joinCode)}` }),
  join: (joinCode: string, body: Partial<JoinRequest> & Pick<JoinRequest, 'participantId'>): LiveCall<Joined> => ({ method: 'POST', path: `/api/join/${code(joinCode)}`, body }),
  me: (token: string): LiveCall<Me> => ({ method: 'GET', path: '/api/participant', secret: token }),
  putAnswers: (token: string, changes: LiveAnswerChange[]): LiveCall<Acknowledged> => ({ method: 'PUT', path: '/api/participant/answers', secret: token, body: { changes } }),
  submit: (token: string): LiveCall<{ submitted: true }> => ({ method: 'POST', path: '/api/participant/submit', secret: token }),
  spread: (token: string): LiveCall<{ participants: number, spread: IndicatorSpread[] }> => ({ method: 'GET', path: '/api/participant/spread', secret: token }),
  create: (input: CreateWorkshopRequest): LiveCall<CreatedWorkshop> => ({ method: 'POST', path: '/api/workshops', body: input }),
  read: (workshopId: string, key: string): LiveCall<FacilitatorSnapshot> => ({ method: 'GET', path: `/api/workshops/${workshopId}`, secret: key }),
  settings: (workshopId: string, key: string, settings: WorkshopSettingsRequest): LiveCall<{ closed: boolean, spreadAllowed: boolean }> =>
    ({ method: 'PATCH', path: `/api/workshops/${workshopId}`, secret: key, body: settings }),
  consensus: (workshopId: string, key: string, delegationId: string, indicatorId: string, entry: ConsensusEntry): LiveCall<{ ok: true }> =>
    ({ method: 'PUT', path: `/api/workshops/${workshopId}/consensus`, secret: key, body: { delegationId, indicatorId, entry } }),
  remove: (workshopId: string, key: string): LiveCall<undefined> => ({ method: 'DELETE', path: `/api/workshops/${workshopId}`, secret: key }),
  exportFile: (workshopId: string, key: string): LiveCall<unknown> => ({ method: 'GET', path: `/api/workshops/${workshopId}/export`, secret: key }),
  events: (workshopId: string, key: string): LiveCall<never> => ({ method: 'GET', path: `/api/workshops/${workshopId}/events`, secret: key }),
}

/** The options of `fetch` for a call (secret in a header, never in the address; JSON body). */
export function requestInit(call: LiveCall<unknown>, headers: Record<string, string> = {}): RequestInit {
  const body = call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body)
  return {
    method: call.method,
    cache: 'no-store',
    headers: {
      ...(call.secret ? { authorization: `Bearer ${call.secret}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body,
  }
}

/** Sends a call to the server at `baseUrl` ('' in the app: the server that served it) and reads its JSON reply. */
export async function send<T>(baseUrl: string, call: LiveCall<T>, doFetch: typeof fetch = (input, init) => fetch(input, init)): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await doFetch(`${baseUrl}${call.path}`, requestInit(call))
  }
  catch {
    return { ok: false, code: 'network' }
  }
  if (response.status === 204) return { ok: true, value: undefined as T }
  const payload = await response.json().catch(() => undefined) as (T & { error?: { code?: LiveErrorCode } }) | undefined
  if (response.ok && payload !== undefined) return { ok: true, value: payload }
  return { ok: false, code: payload?.error?.code ?? 'internal' }
}

type Calls = typeof liveCalls
type ReplyOf<C> = C extends LiveCall<infer T> ? T : never
export type LiveApi = { [K in Exclude<keyof Calls, 'exportFile' | 'events'>]: (...args: Parameters<Calls[K]>) => Promise<ApiResult<ReplyOf<ReturnType<Calls[K]>>>> } & {
  exportFile(workshopId: string, key: string): Promise<ApiResult<{ text: string, fileName: string }>>
}

/** The API of the server at `baseUrl`, each call answering `{ ok, value }` or `{ ok: false, code }`. */
export function createLiveApi(baseUrl: string): LiveApi {
  const calls = Object.fromEntries(Object.entries(liveCalls)
    .filter(([name]) => name !== 'exportFile' && name !== 'events')
    .map(([name, build]) => [name, (...args: unknown[]) => send(baseUrl, (build as (...a: unknown[]) => LiveCall<unknown>)(...args))]))
  return {
    ...calls as Omit<LiveApi, 'exportFile'>,
    async exportFile(workshopId, key) {
      try {
        const response = await fetch(`${baseUrl}${liveCalls.exportFile(workshopId, key).path}`, requestInit(liveCalls.exportFile(workshopId, key)))
        if (!response.ok) return { ok: false, code: response.status === 403 ? 'forbidden' : 'notFound' }
        const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'workshop.tdw.json'
        return { ok: true, value: { text: await response.text(), fileName } }
      }
      catch {
        return { ok: false, code: 'network' }
      }
    },
  }
}

/** The API of the server that served the app. */
export const liveApi = createLiveApi('')

/**
 * What the facilitator's live stream says: the whole workshop first (every delegation), then, as they happen, the
 * changed participants of one delegation at a time, the settings with every delegation's consensus, or the deletion.
 */
export type StreamMessage =
  | { event: 'snapshot', data: FacilitatorSnapshot }
  | { event: 'participants', data: ParticipantsChanged }
  | { event: 'workshop', data: WorkshopChanged }
  | { event: 'deleted', data: Record<string, never> }

/** Reads a Server-Sent Events body to its end, calling `onMessage` with each named event's parsed data. */
export async function readEventStream(body: NonNullable<Response['body']>, onMessage: (message: StreamMessage) => void): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
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
}

/**
 * Follows the facilitator's live stream (Server-Sent Events read with fetch, so the key travels in a header and
 * never in an address). Reconnects after a cut, starting again from a fresh snapshot. Stops for good when the server
 * refuses the key (403) or no longer has the workshop (404), and says which through `onRefused`. Returns a function that stops it.
 */
export function followWorkshop(
  workshopId: string, key: string, onMessage: (message: StreamMessage) => void, onConnection: (connected: boolean) => void, baseUrl = '',
  onRefused?: (code: 'forbidden' | 'notFound') => void,
): () => void {
  let stopped = false
  let controller: AbortController | undefined
  const call = liveCalls.events(workshopId, key)
  async function connect(): Promise<void> {
    while (!stopped) {
      controller = new AbortController()
      try {
        const response = await fetch(`${baseUrl}${call.path}`, { ...requestInit(call), signal: controller.signal })
        if (!response.ok || !response.body) {
          onConnection(false)
          if (response.status === 403 || response.status === 404) {
            onRefused?.(response.status === 403 ? 'forbidden' : 'notFound')
            return
          }
        }
        else {
          onConnection(true)
          await readEventStream(response.body, onMessage)
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
