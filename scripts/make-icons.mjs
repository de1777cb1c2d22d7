// Draws the app icon (the same shape as public/favicon.svg) as PNG files for the web app manifest.
// Plain Node (zlib), no network and no image library: `node scripts/make-icons.mjs` rewrites public/icons/.
import { mkdirSync, writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const BLUE = [0x1d, 0x4e, 0x89]
const WHITE = [0xff, 0xff, 0xff]
const GOLD = [0xf2, 0xb1, 0x34]
const HEXAGON = [[32, 10], [50, 20], [50, 44], [32, 54], [14, 44], [14, 20]]

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 64 - radius)
  const cy = Math.min(Math.max(y, radius), 64 - radius)
  return x >= 0 && x <= 64 && y >= 0 && y <= 64 && Math.hypot(x - cx, y - cy) <= radius
}

/** The colour at a point of the 64-unit drawing, or null outside it. `maskable` fills the whole square and shrinks the mark into the safe zone. */
function colourAt(x, y, maskable) {
  if (maskable) {
    x = 32 + (x - 32) / 0.75
    y = 32 + (y - 32) / 0.75
  }
  else if (!insideRoundedSquare(x, y, 12)) return null
  if (Math.hypot(x - 32, y - 32) <= 7) return GOLD
  for (let i = 0; i < HEXAGON.length; i++) {
    if (distanceToSegment(x, y, HEXAGON[i], HEXAGON[(i + 1) % HEXAGON.length]) <= 2) return WHITE
  }
  return BLUE
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(size, maskable) {
  const samples = 4
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let row = 0; row < size; row++) {
    raw[row * (size * 4 + 1)] = 0 // filter: none
    for (let col = 0; col < size; col++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(((col + (sx + 0.5) / samples) / size) * 64, ((row + (sy + 0.5) / samples) / size) * 64, maskable)
          if (!colour) continue
          r += colour[0]; g += colour[1]; b += colour[2]; a++
        }
      }
      const at = row * (size * 4 + 1) + 1 + col * 4
      raw[at] = a ? Math.round(r / a) : 0
      raw[at + 1] = a ? Math.round(g / a) : 0
      raw[at + 2] = a ? Math.round(b / a) : 0
      raw[at + 3] = Math.round((a / (samples * samples)) * 255)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

mkdirSync('public/icons', { recursive: true })
writeFileSync('public/icons/icon-192.png', png(192, false))
writeFileSync('public/icons/icon-512.png', png(512, false))
writeFileSync('public/icons/icon-maskable-512.png', png(512, true))
writeFileSync('public/icons/apple-touch-icon-180.png', png(180, true))
console.log('public/icons/: icon-192.png, icon-512.png, icon-maskable-512.png, apple-touch-icon-180.png')
