import type { Answer } from '@/domain/assessment'
import { acknowledge, changesToSend, isOutboxEmpty, recordChange, type Outbox, type SyncStatus } from '@/domain/live-outbox'
import { liveCalls, requestInit, type LiveCall } from './live-api'

/** Changes sent in one request: a whole questionnaire fits in one. */
const BATCH = 100

export interface LiveSyncOptions {
  /** The workshop server: '' in the app (the server that served it), an address in tests. */
  baseUrl: string
  /** The participant's token (from joining). */
  token: string
  /** The outbox as saved on the device, and how to save it again after each change (before anything is sent). */
  load(): Outbox
  save(outbox: Outbox): void
  fetch?: typeof fetch
  /** Told each time the status changes; `code` names the server's refusal (e.g. `closed`). */
  onStatus?(status: SyncStatus, code?: string): void
  /** First wait before retrying after a failure; doubles up to 10 s. */
  retryMs?: number
}

class Refused extends Error {
  constructor(readonly code: string) {
    super(code)
  }
}

/**
 * Sends a participant's answers to the workshop server: each change is saved in the outbox on the device first,
 * then sent; a failure (no network, server busy) keeps it there and retries later; a reply lost on the way only
 * means the change is sent again, and the server applies it once. A refusal (workshop closed, bad token) stops the
 * sending and is reported: the answers stay on the device.
 */
export function createLiveSync(options: LiveSyncOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  let outbox = options.load()
  let status: SyncStatus = isOutboxEmpty(outbox) ? 'sent' : 'offline'
  let running: Promise<void> | null = null
  let again = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let wait = options.retryMs ?? 1000
  let stopped = false

  function setStatus(next: SyncStatus, code?: string): void {
    if (next === status && code === undefined) return
    status = next
    options.onStatus?.(next, code)
  }

  function keep(next: Outbox): void {
    outbox = next
    options.save(outbox)
  }

  async function request<T>(call: LiveCall<T>): Promise<T> {
    const response = await doFetch(`${options.baseUrl}${call.path}`, requestInit(call))
    const payload = await response.json().catch(() => undefined) as (T & { error?: { code?: string } }) | undefined
    if (response.ok) return payload as T
    // Too many requests and server errors pass; anything else is a refusal that retrying cannot change.
    if (response.status === 429 || response.status >= 500) throw new Error(`HTTP ${response.status}`)
    throw new Refused(payload?.error?.code ?? 'invalid')
  }

  async function sendAll(): Promise<void> {
    for (;;) {
      const changes = changesToSend(outbox, BATCH)
      if (changes.length > 0) {
        const reply = await request(liveCalls.putAnswers(options.token, changes))
        keep(acknowledge(outbox, reply.acknowledged))
        continue
      }
      if (outbox.submitPending) {
        await request(liveCalls.submit(options.token))
        keep({ ...outbox, submitPending: false })
        continue
      }
      return
    }
  }

  async function run(): Promise<void> {
    do {
      again = false
      setStatus('sending')
      try {
        await sendAll()
        wait = options.retryMs ?? 1000
        setStatus('sent')
      }
      catch (error) {
        if (error instanceof Refused) {
          setStatus('refused', error.code)
          return
        }
        setStatus('offline')
        if (!stopped) {
          clearTimeout(timer)
          timer = setTimeout(() => { void flush() }, wait)
          wait = Math.min(wait * 2, 10_000)
        }
        return
      }
    } while (again && !isOutboxEmpty(outbox))
  }

  /** Sends what waits; resolves when the outbox is empty or the attempt failed (a retry is then scheduled). */
  function flush(): Promise<void> {
    if (stopped) return Promise.resolve()
    if (running) {
      again = true
      return running
    }
    clearTimeout(timer)
    running = run().finally(() => { running = null })
    return running
  }

  return {
    /** Saves one answer change (null clears the answer) and sends it. */
    record(indicatorId: string, answer: Answer | null): Promise<void> {
      keep(recordChange(outbox, indicatorId, answer))
      return flush()
    },
    /** Marks the participant done; sent after every pending change. */
    submit(): Promise<void> {
      keep({ ...outbox, submitPending: true })
      return flush()
    },
    flush,
    get outbox(): Outbox {
      return outbox
    },
    get status(): SyncStatus {
      return status
    },
    stop(): void {
      stopped = true
      clearTimeout(timer)
    },
  }
}

export type LiveSync = ReturnType<typeof createLiveSync>
