// The real workshop server (a child process) over PGlite or over a real PostgreSQL that this test run starts.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { liveCalls } from '../../src/data/live-api'
import { createLiveSync } from '../../src/data/live-sync'
import { emptyOutbox, type Outbox } from '../../src/domain/live-outbox'
import { parseWorkshopFile } from '../../src/domain/workshop-file'
import { loadShippedQuestionnaires } from '../../src/server/questionnaires'
import { migrate, MIGRATIONS_DIR, openPglite, openPostgres, type Database } from '../../src/server/database'
import { call, callApi, carriesAnswer, change, createWorkshop, join as joinWorkshop, level, openStream, profileOf, putAnswers, readWorkshop } from './api-client'
import { startProxy } from './cuttable-proxy'
import { startPostgres, startServer, type RunningPostgres, type RunningServer, type ServerStart } from './harness'

export type Backend = 'pglite' | 'postgres'

const questionnaires = loadShippedQuestionnaires()

const INDICATORS = ['I1.1', 'I1.2', 'I1.3', 'I2.1', 'I2.2', 'I2.3', 'I3.1', 'I3.2']

/** The whole suite against one storage; each backend has its own test file, so the two run side by side. */
export function describeWorkshopServer(backend: Backend): void {
  describe(`the workshop server over ${backend}`, () => {
    let cluster: RunningPostgres | undefined
    const folders: string[] = []

    /** One server for the tests that need no special start; its database is read at the end (PGlite opens in one process at a time). */
    let shared: RunningServer
    let sharedStorage: ServerStart
    const databaseChecks: Array<() => Promise<void>> = []

    beforeAll(async () => {
      if (backend === 'postgres') cluster = await startPostgres()
      sharedStorage = await newStorage()
      shared = await startServer({ ...sharedStorage, quiet: false })
    }, 180_000)

    afterAll(async () => {
      await shared?.stop()
      await cluster?.stop()
      for (const folder of folders) rmSync(folder, { recursive: true, force: true })
    }, 60_000)

    /** Where a new server keeps its data: a fresh PGlite folder, or a fresh database of the test cluster. */
    async function newStorage(): Promise<ServerStart> {
      if (backend === 'postgres') return { databaseUrl: await cluster!.newDatabase() }
      const dataDir = mkdtempSync(join(tmpdir(), 'tdw-data-'))
      folders.push(dataDir)
      return { dataDir }
    }

    /** Rows of `sql` read straight from the database (the server must be stopped first on PGlite: one process at a time). */
    async function rowsOf(storage: ServerStart, sql: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> {
      if (storage.databaseUrl) {
        const client = new pg.Client({ connectionString: storage.databaseUrl })
        await client.connect()
        try {
          return (await client.query(sql, params)).rows as Array<Record<string, unknown>>
        }
        finally {
          await client.end()
        }
      }
      const db = await PGlite.create(storage.dataDir!)
      try {
        return (await db.query<Record<string, unknown>>(sql, params)).rows
      }
      finally {
        await db.close()
      }
    }

    it('lets a participant join and answer; the facilitator sees the answer live within a second; a replay is not applied twice', async () => {
      const server = shared
      {
        const workshop = await createWorkshop(server.url)
        expect(workshop.facilitatorKey.length).toBeGreaterThanOrEqual(43) // 256 bits in base64url
        expect(workshop.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
        const stream = await openStream(server.url, workshop)
        await stream.waitFor(e => e.event === 'snapshot')
        const me = await joinWorkshop(server.url, workshop.joinCode.toLowerCase(), 'regulator')
        expect(me.number).toBe(1)
        await stream.waitFor(e => e.event === 'participants')

        const sentAt = performance.now()
        const first = await putAnswers(server.url, me.token, [change('I1.1', 1, level(3, 'Strategy adopted in 2024'))])
        expect(first.status).toBe(200)
        expect(first.body).toMatchObject({ applied: 1 })
        const seen = await stream.waitFor(e => carriesAnswer(e, me.participantId, 'I1.1', 3), 1000)
        expect(seen.at - sentAt).toBeLessThan(1000)

        const newer = await putAnswers(server.url, me.token, [change('I1.1', 2, level(4, 'Strategy adopted in 2024')), change('I1.2', 1, { kind: 'dont_know', evidence: '', updatedAt: '2026-11-29T10:00:00.000Z' })])
        expect(newer.body).toMatchObject({ applied: 2 })
        // The same change again (a retry) and an older one arriving late: both acknowledged, neither applied.
        const replay = await putAnswers(server.url, me.token, [change('I1.1', 2, level(4, 'Strategy adopted in 2024'))])
        expect(replay.status).toBe(200)
        expect(replay.body).toMatchObject({ applied: 0, acknowledged: [{ indicatorId: 'I1.1', version: 2 }] })
        const older = await putAnswers(server.url, me.token, [change('I1.1', 1, level(1))])
        expect(older.body).toMatchObject({ applied: 0, acknowledged: [{ indicatorId: 'I1.1', version: 1 }] })
        let view = await readWorkshop(server.url, workshop)
        let participant = view.workshop.delegations[0]!.participants[0]!
        expect(participant.answers['I1.1']).toMatchObject({ kind: 'level', level: 4 })
        expect(participant.answers['I1.2']).toMatchObject({ kind: 'dont_know' })
        // Clearing an answer is a change like any other (version 2 of I1.2).
        expect((await putAnswers(server.url, me.token, [change('I1.3', 1, level(1)), change('I1.3', 2, null)])).body).toMatchObject({ applied: 1 })
        expect((await putAnswers(server.url, me.token, [change('I1.2', 2, null)])).body).toMatchObject({ applied: 1 })
        view = await readWorkshop(server.url, workshop)
        participant = view.workshop.delegations[0]!.participants[0]!
        expect(Object.keys(participant.answers)).toEqual(['I1.1'])
        expect(view.live.states[me.participantId]).toBe('answering')
        stream.close()
        databaseChecks.push(async () => {
          const rows = await rowsOf(sharedStorage, 'select indicator_id, version::int as version, writes, answer is null as cleared from answers where participant_id = $1 order by indicator_id', [me.participantId])
          // I1.3 came twice in one request (versions 1 and 2): only the later one was written.
          expect(rows).toEqual([
            { indicator_id: 'I1.1', version: 2, writes: 2, cleared: false },
            { indicator_id: 'I1.2', version: 2, writes: 2, cleared: true },
            { indicator_id: 'I1.3', version: 2, writes: 1, cleared: true },
          ])
        })
      }
    }, 120_000)

    it('delivers answers queued during a network cut once the network returns, each applied once', async () => {
      const server = shared
      const link = await startProxy(server.url)
      let participantId = ''
      try {
        const workshop = await createWorkshop(server.url)
        const me = await joinWorkshop(server.url, workshop.joinCode)
        participantId = me.participantId
        let saved: Outbox = emptyOutbox()
        const statuses: string[] = []
        const sync = createLiveSync({ baseUrl: link.url, token: me.token, load: () => saved, save: (next) => { saved = next }, retryMs: 100, onStatus: s => statuses.push(s) })

        await sync.record('I1.1', level(1))
        expect(sync.status).toBe('sent')

        link.set('down') // the Wi-Fi drops: the participant goes on answering
        await sync.record('I1.2', level(2))
        await sync.record('I1.3', level(3))
        await sync.record('I1.2', level(4)) // changed again while offline: only the latest goes
        expect(sync.status).toBe('offline')
        expect(Object.keys(saved.pending).sort()).toEqual(['I1.2', 'I1.3'])

        link.set('lose-replies') // requests get through, replies are lost: the phone must send again
        await sync.flush()
        expect(sync.status).toBe('offline')

        link.set('up')
        await sync.flush()
        expect(sync.status).toBe('sent')
        expect(saved.pending).toEqual({})
        expect(statuses).toContain('offline')
        sync.stop()

        const view = await readWorkshop(server.url, workshop)
        const answers = view.workshop.delegations[0]!.participants[0]!.answers
        expect(Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.kind === 'level' ? a.level : a.kind]))).toEqual({ 'I1.1': 1, 'I1.2': 4, 'I1.3': 3 })
      }
      finally {
        await link.close()
      }
      databaseChecks.push(async () => {
        const rows = await rowsOf(sharedStorage, 'select indicator_id, version::int as version, writes from answers where participant_id = $1 order by indicator_id', [participantId])
        // I1.2 went out as version 2 only (version 1 was superseded on the phone); every change applied exactly once.
        expect(rows).toEqual([
          { indicator_id: 'I1.1', version: 1, writes: 1 },
          { indicator_id: 'I1.2', version: 2, writes: 1 },
          { indicator_id: 'I1.3', version: 1, writes: 1 },
        ])
      })
    }, 120_000)

    it('keeps every acknowledged answer through a SIGKILL and a restart', async () => {
      const storage = await newStorage()
      let server = await startServer(storage)
      const workshop = await createWorkshop(server.url)
      const people = [await joinWorkshop(server.url, workshop.joinCode), await joinWorkshop(server.url, workshop.joinCode)]
      const acknowledged: Array<{ participantId: string, indicatorId: string, level: number }> = []
      for (const [p, person] of people.entries()) {
        for (const [i, indicatorId] of INDICATORS.entries()) {
          const value = (p + i) % 6
          const reply = await putAnswers(server.url, person.token, [change(indicatorId, 1, level(value))])
          if (reply.status === 200) acknowledged.push({ participantId: person.participantId, indicatorId, level: value })
        }
      }
      expect(acknowledged).toHaveLength(people.length * INDICATORS.length)
      await server.stop('SIGKILL')
      expect(server.process.signalCode).toBe('SIGKILL')

      server = await startServer(storage)
      try {
        const view = await readWorkshop(server.url, workshop)
        const participants = view.workshop.delegations[0]!.participants
        for (const item of acknowledged) {
          const answer = participants.find(p => p.id === item.participantId)!.answers[item.indicatorId]
          expect(answer, `${item.participantId} ${item.indicatorId}`).toMatchObject({ kind: 'level', level: item.level })
        }
        // The participant's token and the facilitator's key still work after the restart.
        expect((await putAnswers(server.url, people[0]!.token, [change('I1.1', 2, level(5))])).status).toBe(200)
      }
      finally {
        await server.stop()
      }
    }, 180_000)

    it('refuses each request that its rules forbid', async () => {
      const server = shared
      {
        const url = server.url
        const workshop = await createWorkshop(url)
        const other = await createWorkshop(url, 'Another workshop')
        const alice = await joinWorkshop(url, workshop.joinCode)
        const bob = await joinWorkshop(url, workshop.joinCode)
        await putAnswers(url, bob.token, [change('I1.1', 1, level(2, 'Bob\'s private note'))])
        const id = workshop.workshopId
        const code = (reply: { body: unknown }) => (reply.body as { error?: { code?: string } }).error?.code

        // The facilitator's routes: no secret, a wrong one, a participant's token, another workshop's key.
        for (const [method, path] of [['GET', `/api/workshops/${id}`], ['GET', `/api/workshops/${id}/events`], ['GET', `/api/workshops/${id}/export`], ['PATCH', `/api/workshops/${id}`], ['PUT', `/api/workshops/${id}/consensus`], ['DELETE', `/api/workshops/${id}`]] as const) {
          const body = method === 'PATCH' ? { closed: true } : method === 'PUT' ? { indicatorId: 'I1.1', entry: { note: '', discussed: true, updatedAt: '2026-11-29T10:00:00.000Z' } } : undefined
          const none = await call(url, method, path, { body })
          expect([none.status, code(none)], `${method} ${path} without a secret`).toEqual([401, 'unauthorized'])
          for (const secret of ['x'.repeat(43), alice.token, other.facilitatorKey]) {
            const refused = await call(url, method, path, { secret, body })
            expect([refused.status, code(refused)], `${method} ${path}`).toEqual([403, 'forbidden'])
          }
        }

        // A participant writes only their own answers, with their own token, and reads no one else's.
        expect((await call(url, 'PUT', '/api/participant/answers', { body: { changes: [change('I1.1', 1, level(1))] } })).status).toBe(401)
        expect((await call(url, 'PUT', '/api/participant/answers', { secret: workshop.facilitatorKey, body: { changes: [change('I1.1', 1, level(1))] } })).status).toBe(403)
        expect((await call(url, 'GET', '/api/participant', { secret: 'y'.repeat(43) })).status).toBe(403)
        const mine = await call(url, 'GET', '/api/participant', { secret: alice.token })
        expect(mine.status).toBe(200)
        expect(mine.text).not.toContain('Bob')

        // The spread: not before submitting, not unless the facilitator allows it, and then counts only.
        expect(code(await call(url, 'GET', '/api/participant/spread', { secret: alice.token }))).toBe('notSubmitted')
        expect((await call(url, 'POST', '/api/participant/submit', { secret: alice.token })).status).toBe(200)
        const notAllowed = await call(url, 'GET', '/api/participant/spread', { secret: alice.token })
        expect([notAllowed.status, code(notAllowed)]).toEqual([403, 'spreadNotAllowed'])
        expect((await call(url, 'PATCH', `/api/workshops/${id}`, { secret: workshop.facilitatorKey, body: { spreadAllowed: true } })).status).toBe(200)
        const spread = await call(url, 'GET', '/api/participant/spread', { secret: alice.token })
        expect(spread.status).toBe(200)
        const i11 = (spread.body as { spread: Array<{ indicatorId: string }> }).spread.find(s => s.indicatorId === 'I1.1')
        expect(i11).toMatchObject({ levels: [0, 0, 1, 0, 0, 0], dontKnow: 0, notApplicable: 0, unanswered: 1, median: 2 })
        expect(spread.text).not.toContain('private note')
        expect(spread.text).not.toContain(bob.participantId)
        // A participant who submitted can no longer change answers.
        expect(code(await putAnswers(url, alice.token, [change('I1.1', 1, level(1))]))).toBe('closed')

        // Input is checked like a file: levels in range, known indicators, forbidden keys, size, media type.
        const above = await putAnswers(url, bob.token, [change('I1.2', 1, level(6))])
        expect([above.status, (above.body as { error: { problems: Array<{ code: string }> } }).error.problems[0]!.code]).toEqual([400, 'answers.levelAboveTop'])
        const outOfRange = await putAnswers(url, bob.token, [change('I1.2', 1, level(11))])
        expect(outOfRange.status).toBe(400)
        const unknown = await putAnswers(url, bob.token, [change('Z9.9', 1, level(1))])
        expect((unknown.body as { error: { problems: Array<{ code: string }> } }).error.problems[0]!.code).toBe('answers.unknownIndicator')
        const proto = await call(url, 'PUT', '/api/participant/answers', { secret: bob.token, body: '{"changes":[{"indicatorId":"I1.2","version":1,"answer":null,"__proto__":{"admin":true}}]}' })
        expect([proto.status, (proto.body as { error: { problems: Array<{ code: string }> } }).error.problems[0]!.code]).toEqual([400, 'key.forbidden'])
        const extra = await putAnswers(url, bob.token, [{ ...change('I1.2', 1, null), extra: 1 } as never])
        expect(extra.status).toBe(400)
        const huge = await call(url, 'PUT', '/api/participant/answers', { secret: bob.token, body: JSON.stringify({ changes: [change('I1.2', 1, level(1, 'x'.repeat(600_000)))] }) })
        expect([huge.status, code(huge)]).toEqual([413, 'tooLarge'])
        const longNote = await putAnswers(url, bob.token, [change('I1.2', 1, level(1, 'x'.repeat(5001)))])
        expect(longNote.status).toBe(400)
        const text = await call(url, 'PUT', '/api/participant/answers', { secret: bob.token, body: 'changes', headers: { 'content-type': 'text/plain' } })
        expect([text.status, code(text)]).toEqual([415, 'unsupportedMediaType'])
        const broken = await call(url, 'PUT', '/api/participant/answers', { secret: bob.token, body: '{"changes": [' })
        expect([broken.status, code(broken)]).toEqual([400, 'invalid'])
        for (const reply of [above, proto, huge, text, broken]) expect(reply.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|Error:/)

        // No CORS: a preflight from another site gets no permission.
        const preflight = await call(url, 'OPTIONS', '/api/participant/answers', { headers: { 'origin': 'http://evil.example', 'access-control-request-method': 'PUT' } })
        expect(preflight.headers.get('access-control-allow-origin')).toBeNull()

        // Closed to new answers and new participants.
        expect((await call(url, 'PATCH', `/api/workshops/${id}`, { secret: workshop.facilitatorKey, body: { closed: true } })).status).toBe(200)
        const late = await call(url, 'POST', `/api/join/${workshop.joinCode}`, { body: { participantId: 'late-participant-1' } })
        expect([late.status, code(late)]).toEqual([403, 'closed'])
        const closedWrite = await putAnswers(url, bob.token, [change('I1.3', 1, level(1))])
        expect([closedWrite.status, code(closedWrite)]).toEqual([403, 'closed'])
        expect(code(await call(url, 'POST', '/api/join/ZZZZZZZZ', { body: { participantId: 'someone-else-1' } }))).toBe('notFound')

        // Deleting removes the workshop and everything in it; its secrets then open nothing.
        const exported = await call(url, 'GET', `/api/workshops/${id}/export`, { secret: workshop.facilitatorKey })
        expect(exported.status).toBe(200)
        expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="live-test-workshop-\d{4}-\d{2}-\d{2}\.tdw\.json"/)
        // The export is a workshop file the app imports: read back with the file reader, Bob's answer in it.
        const file = parseWorkshopFile(exported.text, (qid, version) => questionnaires.get(`${qid}@${version}`))
        expect(file.ok).toBe(true)
        if (file.ok) {
          const people = file.value.workshop.delegations[0]!.participants
          expect(people.map(p => [p.number, p.source, p.submitted])).toEqual([[1, 'live', true], [2, 'live', false]])
          expect(people[1]!.answers['I1.1']).toMatchObject({ kind: 'level', level: 2, evidence: 'Bob\'s private note' })
        }
        expect((await call(url, 'DELETE', `/api/workshops/${id}`, { secret: workshop.facilitatorKey })).status).toBe(204)
        expect((await call(url, 'GET', `/api/workshops/${id}`, { secret: workshop.facilitatorKey })).status).toBe(404)
        expect((await call(url, 'GET', '/api/participant', { secret: bob.token })).status).toBe(403)
        databaseChecks.push(async () => {
          const left = await rowsOf(sharedStorage, `select (select count(*) from workshops where id = $1)::int as w, (select count(*) from participants where workshop_id = $1)::int as p,
            (select count(*) from answers where workshop_id = $1)::int as a, (select count(*) from workshops where id = $2)::int as other`, [id, other.workshopId])
          expect(left).toEqual([{ w: 0, p: 0, a: 0, other: 1 }])
        })
      }
    }, 180_000)

    it('holds several delegations: each participant joins one, answers and consensus land in it, the spread is their own delegation\'s', async () => {
      const url = shared.url
      const code = (reply: { body: unknown }) => (reply.body as { error?: { code?: string } }).error?.code
      const workshop = await createWorkshop(url, 'Regional workshop', [profileOf('NPL', 'Ministry of Foreign Affairs'), profileOf('BTN', 'Ministry of Foreign Affairs and External Trade'), profileOf('BGD', 'Ministry of Foreign Affairs')])
      const stream = await openStream(url, workshop)
      const snapshot = await stream.waitFor(e => e.event === 'snapshot')
      expect(snapshot.event === 'snapshot' && snapshot.data.workshop.delegations.map(d => d.profile.country)).toEqual(['NPL', 'BTN', 'BGD'])

      // A participant sees each delegation's country and ministry, and nothing else of the profiles.
      const info = await callApi(url, liveCalls.joinInfo(workshop.joinCode))
      const delegations = (info.body as { delegations: Array<{ id: string, country: string, ministry: string }> }).delegations
      expect(delegations.map(d => [d.country, d.ministry])).toEqual([['NPL', 'Ministry of Foreign Affairs'], ['BTN', 'Ministry of Foreign Affairs and External Trade'], ['BGD', 'Ministry of Foreign Affairs']])
      expect(delegations.every(d => Object.keys(d).sort().join() === 'country,id,ministry')).toBe(true)
      expect(new Set(delegations.map(d => d.id)).size).toBe(3)
      const [nepal, bhutan, bangladesh] = delegations.map(d => d.id) as [string, string, string]

      // Without a delegation, or with one the workshop does not have: refused, and no one joined.
      const missing = await callApi(url, liveCalls.join(workshop.joinCode, { participantId: 'participant-no-delegation' }))
      expect([missing.status, code(missing)]).toEqual([400, 'delegationRequired'])
      const unknown = await callApi(url, liveCalls.join(workshop.joinCode, { participantId: 'participant-bad-delegation', delegationId: 'not-a-delegation' }))
      expect([unknown.status, code(unknown)]).toEqual([400, 'delegationUnknown'])
      const otherWorkshop = await createWorkshop(url, 'Another', [profileOf('NER', 'MFA'), profileOf('MLI', 'MFA')])
      const otherIds = ((await callApi(url, liveCalls.joinInfo(otherWorkshop.joinCode))).body as { delegations: Array<{ id: string }> }).delegations.map(d => d.id)
      const foreign = await callApi(url, liveCalls.join(workshop.joinCode, { participantId: 'participant-foreign-delegation', delegationId: otherIds[0]! }))
      expect([foreign.status, code(foreign)]).toEqual([400, 'delegationUnknown'])

      // Two in Nepal's delegation, one in Bhutan's, one in Bangladesh's: each delegation numbers its own from P1.
      const n1 = await joinWorkshop(url, workshop.joinCode, 'MFA', nepal)
      const b1 = await joinWorkshop(url, workshop.joinCode, 'regulator', bhutan)
      const n2 = await joinWorkshop(url, workshop.joinCode, 'ICT ministry', nepal)
      const d1 = await joinWorkshop(url, workshop.joinCode, '', bangladesh)
      expect([n1, n2, b1, d1].map(p => [p.delegationId, p.number])).toEqual([[nepal, 1], [nepal, 2], [bhutan, 1], [bangladesh, 1]])
      expect((await callApi(url, liveCalls.me(b1.token))).body).toMatchObject({ delegationId: bhutan, number: 1 })

      await putAnswers(url, n1.token, [change('I1.1', 1, level(1))])
      await putAnswers(url, n2.token, [change('I1.1', 1, level(3))])
      await putAnswers(url, b1.token, [change('I1.1', 1, level(5))])
      // The stream names the delegation of the participants it carries.
      const fromBhutan = await stream.waitFor(e => carriesAnswer(e, b1.participantId, 'I1.1', 5))
      expect(fromBhutan.event === 'participants' && fromBhutan.data.delegationId).toBe(bhutan)
      expect(fromBhutan.event === 'participants' && fromBhutan.data.participants.map(p => p.id)).toEqual([b1.participantId])

      const view = await readWorkshop(url, workshop)
      const byId = new Map(view.workshop.delegations.map(d => [d.id, d]))
      expect(view.workshop.delegations.map(d => d.id)).toEqual([nepal, bhutan, bangladesh])
      expect(byId.get(nepal)!.participants.map(p => [p.number, p.role, p.answers['I1.1']?.kind === 'level' ? p.answers['I1.1'].level : null])).toEqual([[1, 'MFA', 1], [2, 'ICT ministry', 3]])
      expect(byId.get(bhutan)!.participants.map(p => p.id)).toEqual([b1.participantId])
      expect(byId.get(bangladesh)!.participants.map(p => p.id)).toEqual([d1.participantId])
      expect(Object.keys(view.live.states).sort()).toEqual([n1, n2, b1, d1].map(p => p.participantId).sort())

      // Consensus per delegation: set for Bhutan, Nepal's untouched; an unknown delegation refused.
      const entry = { choice: { kind: 'level' as const, level: 4 }, note: 'Agreed after discussion', discussed: true, updatedAt: '2026-11-29T11:00:00.000Z' }
      expect((await callApi(url, liveCalls.consensus(workshop.workshopId, workshop.facilitatorKey, bhutan, 'I1.1', entry))).status).toBe(200)
      const settled = await stream.waitFor(e => e.event === 'workshop')
      expect(settled.event === 'workshop' && settled.data).toEqual({ closed: false, spreadAllowed: false, consensus: { [nepal]: {}, [bhutan]: { 'I1.1': entry }, [bangladesh]: {} } })
      const badConsensus = await callApi(url, liveCalls.consensus(workshop.workshopId, workshop.facilitatorKey, otherIds[0]!, 'I1.1', entry))
      expect([badConsensus.status, code(badConsensus)]).toEqual([400, 'delegationUnknown'])
      const noDelegation = await call(url, 'PUT', `/api/workshops/${workshop.workshopId}/consensus`, { secret: workshop.facilitatorKey, body: { indicatorId: 'I1.1', entry } })
      expect([noDelegation.status, code(noDelegation)]).toEqual([400, 'invalid'])
      const after = await readWorkshop(url, workshop)
      expect(after.workshop.delegations.map(d => Object.keys(d.consensus))).toEqual([[], ['I1.1'], []])

      // A participant's spread counts their own delegation only: Nepal's two answers (1 and 3), not Bhutan's 5.
      expect((await callApi(url, liveCalls.settings(workshop.workshopId, workshop.facilitatorKey, { spreadAllowed: true }))).status).toBe(200)
      expect((await callApi(url, liveCalls.submit(n1.token))).status).toBe(200)
      const spread = await callApi(url, liveCalls.spread(n1.token))
      const body = spread.body as { participants: number, spread: Array<{ indicatorId: string, levels: number[] }> }
      expect(body.participants).toBe(2)
      expect(body.spread.find(s => s.indicatorId === 'I1.1')!.levels).toEqual([0, 1, 0, 1, 0, 0])
      expect((await callApi(url, liveCalls.submit(b1.token))).status).toBe(200)
      const bhutanSpread = (await callApi(url, liveCalls.spread(b1.token))).body as { participants: number, spread: Array<{ indicatorId: string, levels: number[] }> }
      expect([bhutanSpread.participants, bhutanSpread.spread.find(s => s.indicatorId === 'I1.1')!.levels]).toEqual([1, [0, 0, 0, 0, 0, 1]])

      // The exported file holds the three delegations with their own participants and consensus.
      const exported = await callApi(url, liveCalls.exportFile(workshop.workshopId, workshop.facilitatorKey))
      const file = parseWorkshopFile(exported.text, (qid, version) => questionnaires.get(`${qid}@${version}`))
      expect(file.ok && file.value.workshop.delegations.map(d => [d.profile.country, d.participants.length, Object.keys(d.consensus).length])).toEqual([['NPL', 2, 0], ['BTN', 1, 1], ['BGD', 1, 0]])
      stream.close()
    }, 120_000)

    it('upgrades a database of the first migration: each workshop becomes one delegation with its profile, consensus, participants and answers', async () => {
      const storage = await newStorage()
      const onlyFirst = mkdtempSync(join(tmpdir(), 'tdw-migrations-'))
      folders.push(onlyFirst)
      mkdirSync(onlyFirst, { recursive: true })
      copyFileSync(join(MIGRATIONS_DIR, '001_workshops.sql'), join(onlyFirst, '001_workshops.sql'))
      const open = (): Promise<Database> => (storage.databaseUrl ? openPostgres(storage.databaseUrl) : openPglite(storage.dataDir!))
      const workshopId = '11111111-2222-4333-8444-555555555555'
      const facilitatorKey = 'f'.repeat(43)
      const profile = profileOf('NPL', 'Ministry of Foreign Affairs')
      const entry = { choice: { kind: 'level', level: 2 }, note: 'Agreed', discussed: true, updatedAt: '2026-11-29T09:00:00.000Z' }
      {
        const db = await open()
        try {
          expect(await migrate(db, onlyFirst)).toEqual([1])
          const { digestOf } = await import('../../src/server/secrets')
          await db.query(
            `insert into workshops (id, join_code, facilitator_digest, title, questionnaire_id, questionnaire_version, locale, profile, consensus, created_at, updated_at)
             values ($1, 'ABCDEFGH', $2, 'Before the upgrade', 'tech-diplomacy', '1.1.0', 'en', $3, $4, now(), now())`,
            [workshopId, digestOf(facilitatorKey), JSON.stringify(profile), JSON.stringify({ 'I1.2': entry })],
          )
          await db.query(`insert into participants (workshop_id, id, token_digest, number, role, joined_at, updated_at) values ($1, 'old-participant-1', $2, 1, 'MFA', now(), now())`, [workshopId, digestOf('t'.repeat(43))])
          await db.query(`insert into answers (workshop_id, participant_id, indicator_id, version, answer, received_at) values ($1, 'old-participant-1', 'I1.1', 3, $2, now())`, [workshopId, JSON.stringify(level(4, 'kept'))])
        }
        finally {
          await db.close()
        }
      }
      const server = await startServer(storage)
      try {
        const created = { workshopId, joinCode: 'ABCDEFGH', facilitatorKey, joinPath: '', facilitatorPath: '' }
        const view = await readWorkshop(server.url, created)
        expect(view.workshop.delegations).toHaveLength(1)
        const delegation = view.workshop.delegations[0]!
        expect([delegation.id, delegation.profile, delegation.consensus]).toEqual(['live', profile, { 'I1.2': entry }])
        expect(delegation.participants.map(p => [p.id, p.number, p.role, p.answers['I1.1']])).toEqual([['old-participant-1', 1, 'MFA', level(4, 'kept')]])
        // The old participant's token still writes; a new participant joins the one delegation without naming it, as P2.
        expect((await putAnswers(server.url, 't'.repeat(43), [change('I1.1', 4, level(5))])).status).toBe(200)
        const info = (await callApi(server.url, liveCalls.joinInfo('ABCDEFGH'))).body as { delegations: unknown }
        expect(info.delegations).toEqual([{ id: 'live', country: 'NPL', ministry: 'Ministry of Foreign Affairs' }])
        const newcomer = await joinWorkshop(server.url, 'ABCDEFGH')
        expect([newcomer.delegationId, newcomer.number]).toEqual(['live', 2])
      }
      finally {
        await server.stop()
      }
      const versions = await rowsOf(storage, 'select version from schema_migrations order by version')
      expect(versions.map(row => row.version)).toEqual([1, 2])
    }, 180_000)

    it('sends the security headers, caches hashed assets for a year and the page never, and logs no answer text', async () => {
      const server = shared
      {
        const page = await call(server.url, 'GET', '/')
        expect(page.status).toBe(200)
        expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
        expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'")
        expect(page.headers.get('x-content-type-options')).toBe('nosniff')
        expect(page.headers.get('x-frame-options')).toBe('DENY')
        expect(page.headers.get('cache-control')).toBe('no-cache')
        const asset = await call(server.url, 'GET', '/assets/index-abc123.js')
        expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
        expect((await call(server.url, 'GET', '/../package.json')).status).toBe(404)
        expect((await call(server.url, 'GET', '/%2e%2e/package.json')).status).toBe(404)

        const workshop = await createWorkshop(server.url)
        const me = await joinWorkshop(server.url, workshop.joinCode)
        await putAnswers(server.url, me.token, [change('I1.1', 1, level(2, 'Confidential budget line 42'))])
        await expect.poll(() => server.output(), { timeout: 3000 }).toContain('PUT /api/participant/answers 200')
        expect(server.output()).not.toContain('Confidential')
        expect(server.output()).not.toContain(me.token)
        expect(server.output()).not.toContain(workshop.facilitatorKey)
      }
    }, 120_000)

    if (backend === 'postgres') {
      it('shows an answer sent to one server process to a facilitator connected to another, within a second', async () => {
        const storage = await newStorage()
        const [a, b] = await Promise.all([startServer(storage), startServer(storage)])
        try {
          const workshop = await createWorkshop(a.url)
          const stream = await openStream(a.url, workshop)
          await stream.waitFor(e => e.event === 'snapshot')
          const me = await joinWorkshop(b.url, workshop.joinCode)
          await stream.waitFor(e => e.event === 'participants')
          for (const [i, indicatorId] of INDICATORS.entries()) {
            const sentAt = performance.now()
            expect((await putAnswers(b.url, me.token, [change(indicatorId, 1, level(i % 6))])).status).toBe(200)
            const seen = await stream.waitFor(e => carriesAnswer(e, me.participantId, indicatorId, i % 6), 1000)
            expect(seen.at - sentAt).toBeLessThan(1000)
          }
          // Settings changed through B reach A's stream too.
          expect((await call(b.url, 'PATCH', `/api/workshops/${workshop.workshopId}`, { secret: workshop.facilitatorKey, body: { closed: true } })).status).toBe(200)
          await stream.waitFor(e => e.event === 'workshop' && (e.data as { closed: boolean }).closed, 1000)
          stream.close()
        }
        finally {
          await Promise.all([a.stop(), b.stop()])
        }
      }, 180_000)
    }

    it('finds in the database every change applied exactly once, and a deleted workshop gone', async () => {
      await shared.stop()
      for (const check of databaseChecks) await check()
      expect(databaseChecks).toHaveLength(3)
    }, 60_000)
  })
}
