import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, resolve, sep } from 'node:path'
import type { FastifyInstance } from 'fastify'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
}

/**
 * Serves the built app from `root`. Files under `assets/` carry a content hash in their name and never change:
 * cached for a year. Everything else (index.html, the service worker, the manifest, icons) is revalidated on each
 * visit, so an updated app reaches the room at once.
 */
export function registerStaticFiles(app: FastifyInstance, root: string): void {
  const base = resolve(root)
  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    handler: async (request, reply) => {
      const pathname = decodeURIComponent(new URL(request.url, 'http://local').pathname)
      const relative = pathname === '/' ? 'index.html' : pathname.slice(1)
      const file = resolve(base, relative)
      if (relative.includes('\0') || !file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
        return reply.code(404).type('application/json').send({ error: { code: 'notFound' } })
      }
      const stat = statSync(file)
      const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
      const immutable = relative.startsWith('assets/')
      reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      reply.header('ETag', etag)
      reply.type(TYPES[extname(file)] ?? 'application/octet-stream')
      if (request.headers['if-none-match'] === etag) return reply.code(304).send()
      reply.header('Content-Length', stat.size)
      if (request.method === 'HEAD') return reply.send()
      return reply.send(createReadStream(file))
    },
  })
}

/** Whether `root` holds a built app. */
export function hasBuild(root: string): boolean {
  return existsSync(resolve(root, 'index.html'))
}
