// `npm run workshop`: the live-workshop server. See `--help` and the README's "Live workshop" section.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join, resolve } from 'node:path'
import { buildApp } from './app'
import { migrate, openPglite, openPostgres, type Database } from './database'
import { createLiveHub } from './live-hub'
import { HELP, parseServerOptions, type ServerOptions } from './options'
import { loadShippedQuestionnaires } from './questionnaires'
import { createRepository } from './repository'
import { hasBuild } from './static-files'
import { terminalQr } from './terminal-qr'

const ROOT = resolve(import.meta.dirname, '../..')
const SOURCES = ['src', 'public', 'questionnaires', 'index.html', 'vite.config.ts', 'package.json']

function newestChange(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)))
  return newest
}

/** Builds the app when `dist` is missing or older than any source file. */
function buildIfStale(distDir: string): void {
  const built = statSync(join(distDir, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0
  const sources = Math.max(...SOURCES.map(name => newestChange(join(ROOT, name))))
  if (built >= sources) return
  console.log(built === 0 ? 'Building the app (no build yet)…' : 'Building the app (the sources changed since the last build)…')
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js')
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', resolve(distDir), '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('The app could not be built (see above).')
}

/** IPv4 addresses of this computer on its networks (Wi-Fi, Ethernet, a hotspot), by interface name. */
function lanAddresses(): Array<{ name: string, address: string }> {
  return Object.entries(networkInterfaces()).flatMap(([name, list]) =>
    (list ?? []).filter(item => item.family === 'IPv4' && !item.internal).map(item => ({ name, address: item.address })))
}

function printQr(url: string): void {
  console.log(terminalQr(url))
}

async function openDatabase(options: ServerOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl)
  mkdirSync(options.dataDir, { recursive: true })
  return openPglite(resolve(options.dataDir))
}

async function main(): Promise<void> {
  let options: ServerOptions
  try {
    options = parseServerOptions(process.argv.slice(2), process.env)
  }
  catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`)
    process.exit(2)
  }
  if (options.help) {
    console.log(HELP)
    return
  }
  if (options.build) buildIfStale(options.distDir)
  if (!hasBuild(options.distDir)) console.warn(`No built app in ${options.distDir}: only the API is served.`)

  const db = await openDatabase(options)
  const applied = await migrate(db)
  const where = options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${resolve(options.dataDir)}`
  console.log(`Database: ${where}${applied.length > 0 ? `; migrations applied: ${applied.join(', ')}` : ''}`)
  const repository = createRepository(db)
  const hub = await createLiveHub(db, repository)
  let port = options.port
  const app = await buildApp({
    repository,
    hub,
    questionnaires: loadShippedQuestionnaires(),
    distDir: hasBuild(options.distDir) ? options.distDir : undefined,
    rateLimit: options.rateLimit,
    joinLimit: options.joinLimit,
    createFromAnyAddress: options.createFromAnyAddress,
    trustProxy: options.trustProxy,
    joinBases: () => options.publicUrl ? [options.publicUrl] : options.lan ? lanAddresses().map(({ address }) => `http://${address}:${port}`) : [],
    log: options.quiet ? undefined : line => console.log(`${new Date().toISOString()} ${line}`),
    onWorkshopCreated: ({ joinCode }) => {
      if (!options.lan) return
      console.log(`\nWorkshop created. Participants join with the code ${joinCode}:`)
      for (const { name, address } of lanAddresses()) {
        const url = `http://${address}:${port}/#/join/${joinCode}`
        console.log(`  ${name}: ${url}`)
        printQr(url)
      }
    },
  })
  await app.listen({ host: options.host, port: options.port })
  port = (app.server.address() as AddressInfo).port
  const local = `http://127.0.0.1:${port}`
  console.log(`Listening on ${options.host === '0.0.0.0' ? `all networks, port ${port}` : `http://${options.host}:${port}`}`)
  console.log(`Facilitator: open ${local}/#/live/new on this computer to create the workshop.`)
  if (options.lan) {
    const addresses = lanAddresses()
    if (addresses.length === 0) console.log('No local network found: connect this computer to the room\'s Wi-Fi or start a hotspot.')
    for (const { name, address } of addresses) {
      const url = `http://${address}:${port}/#/join`
      console.log(`\nParticipants on ${name}: ${url} (then the workshop's code)`)
      printQr(url)
    }
  }

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await app.close().catch(() => undefined)
    await db.close().catch(() => undefined)
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(`The workshop server stopped: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
