// A TCP proxy between a client and the server whose link the test can cut, as a phone loses the room's Wi-Fi.
import { createServer, connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * `up`: bytes flow both ways. `down`: every connection is cut and new ones are dropped at once.
 * `lose-replies`: requests reach the server but its replies are thrown away and the connection is cut
 * (the server applied the change; the phone never heard so).
 */
export type LinkMode = 'up' | 'down' | 'lose-replies'

export async function startProxy(target: string) {
  const { hostname, port } = new URL(target)
  let mode: LinkMode = 'up'
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    if (mode === 'down') {
      client.destroy()
      return
    }
    const upstream = connect(Number(port), hostname)
    sockets.add(client)
    sockets.add(upstream)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('data', chunk => upstream.write(chunk))
    upstream.on('data', (chunk) => {
      if (mode === 'lose-replies') drop()
      else client.write(chunk)
    })
    client.on('error', drop)
    upstream.on('error', drop)
    client.on('close', drop)
    upstream.on('close', drop)
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set(next: LinkMode) {
      mode = next
      if (next === 'down') for (const socket of sockets) socket.destroy()
    },
    close: () => new Promise<void>((done) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => done())
    }),
  }
}
