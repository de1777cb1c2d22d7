import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/**
 * One PostgreSQL, embedded (PGlite, a data folder) or a server (`DATABASE_URL`), behind the same small interface:
 * the same SQL and the same migrations run on both. Live updates go through LISTEN/NOTIFY, so every server process
 * over one PostgreSQL hears every change, whichever process wrote it.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /** Calls `onMessage` with each notification's payload on `channel`, from this process or any other. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<void>
  close(): Promise<void>
  readonly kind: 'pglite' | 'postgres'
}

export const MIGRATIONS_DIR = resolve(import.meta.dirname, 'migrations')

export async function openPglite(dataDir: string): Promise<Database> {
  const db = await PGlite.create(dataDir)
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await db.query<T>(sql, params)).rows }),
    transaction: work => db.transaction(tx => work({ query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await tx.query<T>(sql, params)).rows }) })),
    listen: async (channel, onMessage) => { await db.listen(channel, onMessage) },
    close: () => db.close(),
  }
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // A broken idle connection must not end the process: the pool replaces it.
  pool.on('error', () => undefined)
  const listeners: pg.Client[] = []
  const query = async <T>(sql: string, params: unknown[] = []) => ({ rows: (await pool.query(sql, params)).rows as T[] })
  return {
    kind: 'postgres',
    query,
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await work({ query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await client.query(sql, params)).rows as T[] }) })
        await client.query('commit')
        return result
      }
      catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      }
      finally {
        client.release()
      }
    },
    async listen(channel, onMessage) {
      const client = new pg.Client({ connectionString: url })
      client.on('error', () => undefined)
      await client.connect()
      client.on('notification', message => { if (message.channel === channel && message.payload !== undefined) onMessage(message.payload) })
      await client.query(`listen ${quoteIdentifier(channel)}`)
      listeners.push(client)
    },
    async close() {
      await Promise.all(listeners.map(client => client.end().catch(() => undefined)))
      await pool.end()
    },
  }
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain identifier: ${name}`)
  return `"${name}"`
}

/**
 * Applies the SQL files of `dir` (`001_name.sql`, `002_name.sql` …) not yet applied, in order, each in its own
 * transaction with its row in `schema_migrations`; returns the versions applied now. Several processes starting at
 * once over one PostgreSQL take turns (an advisory lock), so each migration runs exactly once.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<number[]> {
  const files = readdirSync(dir).filter(name => /^\d{3}_[a-z0-9_]+\.sql$/.test(name)).sort()
  const applied: number[] = []
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7130013)')
    await tx.query('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())')
  })
  for (const file of files) {
    const version = Number(file.slice(0, 3))
    const sql = readFileSync(join(dir, file), 'utf8')
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(7130013)')
      const { rows } = await tx.query('select 1 from schema_migrations where version = $1', [version])
      if (rows.length > 0) return false
      for (const statement of splitStatements(sql)) await tx.query(statement)
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [version, file])
      return true
    })
    if (done) applied.push(version)
  }
  return applied
}

/** The statements of a migration file (separated by `;` at a line end; the files hold no functions or quoted `;`). */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter(line => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map(statement => statement.trim())
    .filter(statement => statement !== '')
}
