import { parseArgs } from 'node:util'

/** How `npm run workshop` was asked to run. */
export interface ServerOptions {
  host: string
  port: number
  lan: boolean
  dataDir: string
  databaseUrl: string | undefined
  distDir: string
  build: boolean
  rateLimit: number
  joinLimit: number
  createFromAnyAddress: boolean
  trustProxy: boolean
  publicUrl: string | undefined
  quiet: boolean
  help: boolean
}

export const HELP = `npm run workshop -- [options]

Runs a live workshop: serves the app and a small API so that participants answer on their own phones
and the facilitator's screen fills in as they go. Nothing is sent anywhere else.

Options:
  --lan                  Listen on the local network (every interface) instead of this computer only,
                         and print the join address of each network interface with a QR code.
  --host ADDRESS         Address to listen on (default 127.0.0.1; --lan means 0.0.0.0).
  --port N               Port to listen on (default 8080).
  --data FOLDER          Where the embedded database keeps its files (default ./workshop-data).
                         Ignored when DATABASE_URL is set.
  --dist FOLDER          The built app to serve (default ./dist). Built first when missing or older
                         than the sources, unless --no-build.
  --no-build             Serve --dist as it is.
  --rate-limit N         Requests allowed per minute per client (default 600).
  --join-limit N         Workshops created and joins allowed per minute per address (default 60).
  --create-from-any-address
                         Allow workshops to be created from other computers (a hosted server). By default
                         only this computer may create one; participants join from anywhere that reaches it.
  --trust-proxy          Behind a load balancer: take the client's address from X-Forwarded-For.
  --public-url URL       The address participants reach the server at (e.g. https://workshops.example.org),
                         shown with the join code and in the QR code. With --lan, the local-network addresses.
  --quiet                Print no line per request.
  --help                 Show this help.

Environment:
  DATABASE_URL=postgres://user:password@host:5432/db
                         Use this PostgreSQL server instead of the embedded database (same SQL, same
                         migrations, applied at start). Several server processes may share one database:
                         live updates reach every facilitator whichever process received the answer.
`

function count(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`)
  return n
}

function publicUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (!/^https?:\/\/[^/\s]+$/.test(value.replace(/\/+$/, ''))) throw new Error('--public-url must be an http:// or https:// address without a path')
  return value.replace(/\/+$/, '')
}

/** Reads the command line and the environment; throws an Error with a plain message on a bad option. */
export function parseServerOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ServerOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      'lan': { type: 'boolean', default: false },
      'host': { type: 'string' },
      'port': { type: 'string' },
      'data': { type: 'string', default: './workshop-data' },
      'dist': { type: 'string', default: './dist' },
      'no-build': { type: 'boolean', default: false },
      'rate-limit': { type: 'string' },
      'join-limit': { type: 'string' },
      'create-from-any-address': { type: 'boolean', default: false },
      'trust-proxy': { type: 'boolean', default: false },
      'public-url': { type: 'string' },
      'quiet': { type: 'boolean', default: false },
      'help': { type: 'boolean', default: false },
    },
  })
  const lan = values.lan === true
  const databaseUrl = env.DATABASE_URL?.trim() || undefined
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must start with postgres://')
  return {
    host: values.host ?? (lan ? '0.0.0.0' : '127.0.0.1'),
    port: count(values.port, 'port', 8080, 0, 65535),
    lan,
    dataDir: values.data!,
    databaseUrl,
    distDir: values.dist!,
    build: values['no-build'] !== true,
    rateLimit: count(values['rate-limit'], 'rate-limit', 600, 1, 10_000_000),
    joinLimit: count(values['join-limit'], 'join-limit', 60, 1, 10_000_000),
    createFromAnyAddress: values['create-from-any-address'] === true,
    trustProxy: values['trust-proxy'] === true,
    publicUrl: publicUrl(values['public-url']),
    quiet: values.quiet === true,
    help: values.help === true,
  }
}
