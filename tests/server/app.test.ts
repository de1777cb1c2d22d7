// The server's app in this process (Fastify's inject, PGlite in memory): rules that need a client address or a
// clock the real-process tests cannot choose.
import decodeQR from 'qr/decode.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyProfile } from '../../src/domain/profile'
import { parseWorkshopFile } from '../../src/domain/workshop-file'
import { WORKSHOP_LIMITS } from '../../src/domain/workshop-model'
import { buildApp } from '../../src/server/app'
import { migrate, openPglite, type Database } from '../../src/server/database'
import { createLiveHub } from '../../src/server/live-hub'
import { HELP, parseServerOptions } from '../../src/server/options'
import { loadShippedQuestionnaires } from '../../src/server/questionnaires'
import { createRateLimiter } from '../../src/server/rate-limit'
import { createRepository } from '../../src/server/repository'
import { terminalQr } from '../../src/server/terminal-qr'

let db: Database
const questionnaires = loadShippedQuestionnaires()
const newWorkshop = { title: 'Workshop', questionnaireId: 'tech-diplomacy', questionnaireVersion: '1.1.0', locale: 'en', delegations: [{ profile: emptyProfile('2026-11-29') }] }

beforeAll(async () => {
  db = await openPglite('memory://')
  await migrate(db)
}, 60_000)

afterAll(async () => {
  await db.close()
})

async function app(overrides: { rateLimit?: number, joinLimit?: number, createFromAnyAddress?: boolean } = {}) {
  const repository = createRepository(db)
  return buildApp({
    repository, hub: await createLiveHub(db, repository), questionnaires,
    rateLimit: overrides.rateLimit ?? 1000, joinLimit: overrides.joinLimit ?? 1000, createFromAnyAddress: overrides.createFromAnyAddress ?? false, trustProxy: false,
  })
}

describe('who may create a workshop', () => {
  it('only this computer by default: a request from the room\'s network is refused', async () => {
    const server = await app()
    const fromLan = await server.inject({ method: 'POST', url: '/api/workshops', remoteAddress: '192.168.1.20', payload: newWorkshop })
    expect([fromLan.statusCode, fromLan.json()]).toEqual([403, { error: { code: 'forbidden' } }])
    const fromHere = await server.inject({ method: 'POST', url: '/api/workshops', remoteAddress: '127.0.0.1', payload: newWorkshop })
    expect(fromHere.statusCode).toBe(201)
  })

  it('any address on a hosted server (--create-from-any-address)', async () => {
    const server = await app({ createFromAnyAddress: true })
    expect((await server.inject({ method: 'POST', url: '/api/workshops', remoteAddress: '10.0.0.7', payload: newWorkshop })).statusCode).toBe(201)
  })

  it('only for a questionnaire the server has', async () => {
    const server = await app()
    const reply = await server.inject({ method: 'POST', url: '/api/workshops', payload: { ...newWorkshop, questionnaireVersion: '9.9.9' } })
    expect([reply.statusCode, reply.json()]).toEqual([400, { error: { code: 'questionnaireUnknown' } }])
  })
})

describe('rate limits', () => {
  it('refuses a client past its requests per minute with 429 and Retry-After; another client is not affected', async () => {
    const server = await app({ rateLimit: 3 })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await server.inject({ method: 'GET', url: '/api/join/ABCDEFGH', remoteAddress: '192.168.1.30' })).statusCode)
    expect(statuses).toEqual([404, 404, 404, 429, 429])
    const limited = await server.inject({ method: 'GET', url: '/api/join/ABCDEFGH', remoteAddress: '192.168.1.30' })
    expect(limited.json()).toEqual({ error: { code: 'rateLimited' } })
    expect(Number(limited.headers['retry-after'])).toBe(20) // one request every 20 s at 3 a minute
    expect((await server.inject({ method: 'GET', url: '/api/join/ABCDEFGH', remoteAddress: '192.168.1.31' })).statusCode).toBe(404)
  })

  it('limits joins per address more tightly than other requests', async () => {
    const server = await app({ joinLimit: 2 })
    const codes = []
    for (let i = 0; i < 3; i++) codes.push((await server.inject({ method: 'POST', url: '/api/join/ABCDEFGH', remoteAddress: '192.168.1.40', payload: { participantId: `participant-${i}` } })).statusCode)
    expect(codes).toEqual([404, 404, 429])
  })

  it('refills continuously: one request per 60/limit seconds', () => {
    let t = 0
    const limiter = createRateLimiter(60, () => t) // one a second
    for (let i = 0; i < 60; i++) expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBe(1)
    t += 999
    expect(limiter.take('a')).toBe(1)
    t += 2
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBe(1)
  })
})

describe('the command line', () => {
  it('listens on this computer only unless --lan', () => {
    expect(parseServerOptions([], {})).toMatchObject({ host: '127.0.0.1', port: 8080, lan: false, dataDir: './workshop-data', databaseUrl: undefined, build: true })
    expect(parseServerOptions(['--lan'], {})).toMatchObject({ host: '0.0.0.0', lan: true })
    expect(parseServerOptions(['--lan', '--host', '192.168.4.1'], {})).toMatchObject({ host: '192.168.4.1' })
  })

  it('uses DATABASE_URL when set, and refuses one that is not PostgreSQL', () => {
    expect(parseServerOptions([], { DATABASE_URL: 'postgres://u@db:5432/w' }).databaseUrl).toBe('postgres://u@db:5432/w')
    expect(() => parseServerOptions([], { DATABASE_URL: 'mysql://u@db/w' })).toThrow('DATABASE_URL must start with postgres://')
  })

  it('takes a public address without a path for hosted servers', () => {
    expect(parseServerOptions(['--public-url', 'https://workshops.example.org/'], {}).publicUrl).toBe('https://workshops.example.org')
    expect(() => parseServerOptions(['--public-url', 'workshops.example.org'], {})).toThrow('--public-url')
  })

  it('refuses a bad number or an unknown option', () => {
    expect(() => parseServerOptions(['--port', '70000'], {})).toThrow('--port must be a whole number from 0 to 65535')
    expect(() => parseServerOptions(['--rate-limit', '0'], {})).toThrow('--rate-limit')
    expect(() => parseServerOptions(['--colour'], {})).toThrow()
  })

  it('--help explains every option', () => {
    for (const option of ['--lan', '--host', '--port', '--data', '--dist', '--no-build', '--rate-limit', '--join-limit', '--create-from-any-address', '--trust-proxy', '--public-url', '--quiet', '--help', 'DATABASE_URL']) {
      expect(HELP, option).toContain(option)
    }
  })
})

describe('the QR code printed in the terminal', () => {
  it('reads back as the join address once its block characters are drawn as pixels', () => {
    const address = 'http://192.168.1.20:8080/#/join/ABCDEFGH'
    const lines = terminalQr(address).split('\n').filter(line => line !== '')
    // Each character is one module wide and two high: full block both light, upper/lower half one of them, space none.
    const scale = 4
    const width = lines[0]!.length * scale
    const height = lines.length * 2 * scale
    const data = new Uint8Array(width * height * 4)
    lines.forEach((line, row) => [...line].forEach((char, column) => {
      const light = [char === '█' || char === '▀', char === '█' || char === '▄']
      light.forEach((isLight, half) => {
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const offset = (((row * 2 + half) * scale + dy) * width + column * scale + dx) * 4
            data.fill(isLight ? 255 : 0, offset, offset + 3)
            data[offset + 3] = 255
          }
        }
      })
    }))
    expect(decodeQR({ width, height, data })).toBe(address)
  })
})

describe('a delegation\'s size', () => {
  it('holds as many participants as a workshop file may (500); the next join is refused and the export stays valid', async () => {
    const server = await app({ joinLimit: 100_000, rateLimit: 100_000 })
    const created = (await server.inject({ method: 'POST', url: '/api/workshops', payload: newWorkshop })).json() as { joinCode: string, workshopId: string, facilitatorKey: string }
    const statuses = new Map<number, number>()
    for (let i = 1; i <= WORKSHOP_LIMITS.participants; i++) {
      const status = (await server.inject({ method: 'POST', url: `/api/join/${created.joinCode}`, payload: { participantId: `participant-${i}` } })).statusCode
      statuses.set(status, (statuses.get(status) ?? 0) + 1)
    }
    expect([...statuses]).toEqual([[201, 500]])
    const refused = await server.inject({ method: 'POST', url: `/api/join/${created.joinCode}`, payload: { participantId: 'participant-501' } })
    expect([refused.statusCode, refused.json()]).toEqual([403, { error: { code: 'full' } }])
    const exported = await server.inject({ method: 'GET', url: `/api/workshops/${created.workshopId}/export`, headers: { authorization: `Bearer ${created.facilitatorKey}` } })
    const file = parseWorkshopFile(exported.body, (id, version) => questionnaires.get(`${id}@${version}`))
    expect(file.ok && file.value.workshop.delegations[0]!.participants.length).toBe(500)
  }, 120_000)
})
