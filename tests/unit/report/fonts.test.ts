import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The characters a TrueType font maps (its format 4 or 12 Unicode cmap subtable), read straight from the file. */
function mappedCharacters(font: Buffer): Set<number> {
  const tableCount = font.readUInt16BE(4)
  let cmap = -1
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + i * 16
    if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8)
  }
  if (cmap < 0) throw new Error('no cmap table')
  const codes = new Set<number>()
  const subtables = font.readUInt16BE(cmap + 2)
  for (let i = 0; i < subtables; i++) {
    const at = cmap + font.readUInt32BE(cmap + 4 + i * 8 + 4)
    const format = font.readUInt16BE(at)
    if (format === 4) {
      const segments = font.readUInt16BE(at + 6) / 2
      for (let s = 0; s < segments; s++) {
        const end = font.readUInt16BE(at + 14 + s * 2)
        const start = font.readUInt16BE(at + 16 + segments * 2 + s * 2)
        const delta = font.readInt16BE(at + 16 + segments * 4 + s * 2)
        const rangeOffsetAt = at + 16 + segments * 6 + s * 2
        const rangeOffset = font.readUInt16BE(rangeOffsetAt)
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = rangeOffset === 0 ? (c + delta) & 0xffff : font.readUInt16BE(rangeOffsetAt + rangeOffset + (c - start) * 2)
          if (glyph !== 0) codes.add(c)
        }
      }
    }
    else if (format === 12) {
      const groups = font.readUInt32BE(at + 12)
      for (let g = 0; g < groups; g++) {
        const start = font.readUInt32BE(at + 16 + g * 12)
        const end = font.readUInt32BE(at + 20 + g * 12)
        for (let c = start; c <= end; c++) codes.add(c)
      }
    }
  }
  return codes
}

const FACES = ['public/fonts/DejaVuSans.ttf', 'public/fonts/DejaVuSans-Bold.ttf']
const used = new Set([
  ...readdirSync('src/i18n/locales').map(name => join('src/i18n/locales', name)),
  ...readdirSync('questionnaires').filter(name => name.endsWith('.json')).map(name => join('questionnaires', name)),
].flatMap(path => [...readFileSync(path, 'utf8')].map(c => c.codePointAt(0)!)).filter(code => code >= 0x20))
const full = mappedCharacters(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))

describe('PDF fonts (DejaVu Sans subset by scripts/subset-fonts.mjs)', () => {
  it.each(FACES)('%s maps every character of the UI locales and shipped questionnaires that DejaVu has', (face) => {
    const mapped = mappedCharacters(readFileSync(face))
    const missing = [...used].filter(code => full.has(code) && !mapped.has(code)).map(code => `U+${code.toString(16).toUpperCase()}`)
    expect(missing).toEqual([])
  })

  it.each(FACES)('%s keeps Latin accents and the Arabic letters with the presentation forms jsPDF shapes them into', (face) => {
    const mapped = mappedCharacters(readFileSync(face))
    for (const c of 'éèçàñãõúÀÉ«»€–—’…áíóüÁÍÓÚÑÇÃÕâêôª º¿¡أبتثجحخدذرزسشصضطظعغفقكلمنهويءآإؤئةى٠١٢٣،؛؟') expect(mapped.has(c.codePointAt(0)!), c).toBe(true)
    const presentationForms = [...full].filter(code => (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff))
    expect(presentationForms.length).toBeGreaterThan(100)
    expect(presentationForms.filter(code => !mapped.has(code))).toEqual([])
    expect(mapped.has(0x202f), 'narrow no-break space of French numbers').toBe(true)
  })

  it('both faces together fetch in under 3 s at 1.6 Mbit/s, even uncompressed', () => {
    const bytes = FACES.reduce((sum, face) => sum + statSync(face).size, 0)
    expect((bytes * 8) / 1.6e6).toBeLessThan(3)
  })
})
