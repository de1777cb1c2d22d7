// Starts the real workshop server (a child process, as `npm run workshop` does) and a throw-away PostgreSQL.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

/** A free TCP port on 127.0.0.1 in 5400–5499 (the range this project's tests use), tried in a random order. */
export async function freePort(): Promise<number> {
  const ports = Array.from({ length: 100 }, (_, i) => 5400 + i).sort(() => Math.random() - 0.5)
  for (const port of ports) {
    const free = await new Promise<boolean>((done) => {
      const probe = createServer()
      probe.once('error', () => done(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)))
    })
    if (free) return port
  }
  throw new Error('No free port in 5400–5499')
}

export interface RunningServer {
  url: string
  process: ChildProcess
  /** Everything the server printed (stdout and stderr). */
  output(): string
  /** Stops it: SIGTERM (a clean stop) or SIGKILL (a crash); resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** A tiny built app (index.html and one hashed asset), so the tests need no real build. */
export function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tdw-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)')
  return dir
}

export interface ServerStart {
  dataDir?: string
  databaseUrl?: string
  args?: string[]
  quiet?: boolean
  /** The built app to serve; a tiny stand-in when not given. */
  distDir?: string
}

export async function startServer(start: ServerStart): Promise<RunningServer> {
  const port = await freePort()
  const args = ['--import', 'tsx', 'src/server/main.ts', '--no-build', '--port', String(port), '--dist', start.distDir ?? fakeDist(), '--join-limit', '100000', '--rate-limit', '100000']
  if (start.dataDir) args.push('--data', start.dataDir)
  if (start.quiet !== false) args.push('--quiet')
  args.push(...(start.args ?? []))
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.DATABASE_URL
  if (start.databaseUrl) env.DATABASE_URL = start.databaseUrl
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString('utf8') })
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString('utf8') })
  const exited = new Promise<void>(done => child.once('exit', () => done()))
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`The server did not start in 60 s:\n${output}`)), 60_000)
    const check = () => {
      if (output.includes('Listening on')) {
        clearTimeout(timer)
        done()
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`The server exited (${code}) before listening:\n${output}`))
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

export interface RunningPostgres {
  /** A URL for a new, empty database of this cluster. */
  newDatabase(): Promise<string>
  stop(): Promise<void>
}

function postgresBin(): string {
  const base = '/usr/lib/postgresql'
  const versions = existsSync(base) ? readdirSync(base).filter(v => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : []
  if (versions.length === 0) {
    throw new Error('PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin). `.ci/run` installs the `postgresql` package; on Debian: apt-get install postgresql')
  }
  return join(base, versions[0]!, 'bin')
}

/** Runs a PostgreSQL program as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function runPg(bin: string, program: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0
  const command = isRoot ? 'runuser' : join(bin, program)
  const argv = isRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 60_000 })
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`)
}

/** A throw-away PostgreSQL cluster on a free port, in a temporary folder, stopped and removed by `stop`. */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBin()
  const dir = mkdtempSync(join(tmpdir(), 'tdw-pg-'))
  chmodSync(dir, 0o700)
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim())
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim())
    chownSync(dir, uid, gid)
  }
  const data = join(dir, 'data')
  const port = await freePort()
  runPg(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'])
  runPg(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, 'start'])
  const pg = (await import('pg')).default
  let n = 0
  return {
    async newDatabase() {
      const name = `tdw_${process.pid}_${++n}`
      const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` })
      await client.connect()
      await client.query(`create database ${name}`)
      await client.end()
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    async stop() {
      try {
        runPg(bin, 'pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop'])
      }
      finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
