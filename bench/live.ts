// Load bench of the live-workshop server: 200 scripted participants each answer the whole questionnaire within two
// minutes, over loopback only, bounded in time. Counts lost and duplicated answers in the database afterwards.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { liveCalls } from '../src/data/live-api'
import { callApi, change, createWorkshop, join as joinWorkshop, openStream, putAnswers, type Joined } from '../tests/server/api-client'
import { startServer } from '../tests/server/harness'

const PARTICIPANTS = 200
/** The requirement: every participant answers the whole questionnaire within two minutes. */
const REQUIRED_MS = 120_000
/**
 * Every participant's answers are spread over this window (think time between answers), on a fixed timeline: a slow
 * reply delays only the next answer, never the rest of the schedule, so the run ends near the window whatever the
 * machine's load, with a wide margin under the two minutes.
 */
const ANSWER_WINDOW_MS = 75_000
/** The bench stops by itself after this long whatever happens. */
const HARD_LIMIT_MS = 150_000

/** When (ms after the answers start) a participant sends each of `count` answers: one every `gap`, jittered by a quarter gap, after a random start. */
function answerTimes(count: number, windowMs: number): number[] {
  const gap = windowMs / count
  const start = Math.random() * gap * 0.5
  return Array.from({ length: count }, (_, i) => start + i * gap + (Math.random() - 0.5) * gap * 0.5)
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const ms = (n: number) => `${n.toFixed(1)} ms`

export async function runLiveBench(): Promise<void> {
  console.log(`== Live workshop server: ${PARTICIPANTS} participants answer the whole questionnaire (loopback, embedded PostgreSQL)`)
  const questionnaire = JSON.parse(readFileSync('questionnaires/tech-diplomacy.json', 'utf8')) as { indicators: Array<{ id: string }>, levels: unknown[] }
  const indicatorIds = questionnaire.indicators.map(i => i.id)
  const top = questionnaire.levels.length - 1
  const dataDir = mkdtempSync(join(tmpdir(), 'tdw-bench-'))
  const server = await startServer({ dataDir })
  const started = performance.now()
  const deadline = started + HARD_LIMIT_MS
  const latencies: number[] = []
  const sentAt = new Map<string, number>()
  const delays: number[] = []
  let failures = 0
  let acknowledged = 0
  try {
    const workshop = await createWorkshop(server.url, 'Load bench')
    const stream = await openStream(server.url, workshop)
    await stream.waitFor(e => e.event === 'snapshot')
    let read = 0
    const watcher = setInterval(() => {
      for (; read < stream.events.length; read++) {
        const event = stream.events[read]!
        if (event.event !== 'participants') continue
        for (const person of (event.data as { participants: Array<{ id: string, answers: Record<string, unknown> }> }).participants) {
          for (const indicatorId of Object.keys(person.answers)) {
            const key = `${person.id} ${indicatorId}`
            const at = sentAt.get(key)
            if (at !== undefined) {
              delays.push(event.at - at)
              sentAt.delete(key)
            }
          }
        }
      }
    }, 50)

    // The whole room joins at once (the QR code on the projector), as in the first minute of a workshop.
    const joinStart = performance.now()
    const people: Joined[] = await Promise.all(Array.from({ length: PARTICIPANTS }, () => joinWorkshop(server.url, workshop.joinCode)))
    const joinedMs = performance.now() - joinStart
    const answersStart = performance.now()
    const finishedAt: number[] = []
    await Promise.all(people.map(async (person, p) => {
      const times = answerTimes(indicatorIds.length, ANSWER_WINDOW_MS)
      for (const [i, indicatorId] of indicatorIds.entries()) {
        const wait = answersStart + times[i]! - performance.now()
        if (wait > 0) await new Promise(wake => setTimeout(wake, wait))
        if (performance.now() > deadline) return
        const answer = { kind: 'level' as const, level: (p + i) % (top + 1), confidence: 'self-declared' as const, evidence: '', updatedAt: new Date().toISOString() }
        const t0 = performance.now()
        sentAt.set(`${person.participantId} ${indicatorId}`, t0)
        const reply = await putAnswers(server.url, person.token, [change(indicatorId, 1, answer)]).catch(() => undefined)
        latencies.push(performance.now() - t0)
        if (reply?.status === 200) acknowledged++
        else failures++
      }
      finishedAt.push(performance.now() - answersStart)
      await callApi(server.url, liveCalls.submit(person.token))
    }))
    const answersMs = performance.now() - answersStart
    // Let the last notifications reach the facilitator's stream (bounded).
    const drainUntil = Math.min(deadline, performance.now() + 3000)
    while (sentAt.size > 0 && performance.now() < drainUntil) await new Promise(wake => setTimeout(wake, 50))
    clearInterval(watcher)
    stream.close()
    const unseen = sentAt.size

    await server.stop()
    const db = await PGlite.create(dataDir)
    const counts = (await db.query<{ rows: number, participants: number, twice: number, versions: number }>(
      `select count(*)::int as rows, count(distinct participant_id)::int as participants,
         count(*) filter (where writes > 1)::int as twice, count(*) filter (where version <> 1)::int as versions from answers`)).rows[0]!
    const submitted = (await db.query<{ n: number }>('select count(*)::int as n from participants where submitted')).rows[0]!.n
    await db.close()
    const expected = PARTICIPANTS * indicatorIds.length
    const slowest = Math.max(...finishedAt)
    console.log(`  ${PARTICIPANTS} joined at once in ${(joinedMs / 1000).toFixed(1)} s; ${latencies.length} answers sent in ${(answersMs / 1000).toFixed(1)} s; ${failures} refused or failed`)
    console.log(`  the slowest participant answered the whole questionnaire in ${(slowest / 1000).toFixed(1)} s (required: within ${REQUIRED_MS / 1000} s; margin ${((REQUIRED_MS - slowest) / 1000).toFixed(1)} s; ${PARTICIPANTS - finishedAt.length} cut by the bench's time limit)`)
    console.log(`  in the database: ${counts.rows} answers of ${acknowledged} acknowledged (${expected} in the script${latencies.length < expected ? `; ${expected - latencies.length} not sent before the bench's time limit` : ''}) from ${counts.participants} participants (${submitted} submitted)`)
    console.log(`  lost (acknowledged, not in the database): ${Math.max(0, acknowledged - counts.rows)}; applied twice: ${counts.twice}; stored with another version: ${counts.versions}`)
    console.log(`  write latency: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))} (target < 50 ms), p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}`)
    console.log(`  facilitator update delay: p50 ${ms(percentile(delays, 50))}, p95 ${ms(percentile(delays, 95))} (target < 1000 ms), max ${ms(Math.max(...delays))}; ${unseen} answers never seen on the stream`)
  }
  finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLiveBench()
