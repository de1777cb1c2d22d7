import { describe, expect, it } from 'vitest'
import { answerCodeRef, encodeAnswerCode } from '@/domain/answer-code'
import type { Answers } from '@/domain/assessment'
import { drawQr, QR_BORDER, readQr, type Pixels } from '@/components/qr/qr-image'
import { tech } from '../domain/questionnaire-fixtures'

/** The drawing as black-on-white RGBA pixels, `scale` pixels per module, as a screenshot of it would be. */
function rasterize(path: string, size: number, scale: number): Pixels {
  const width = size * scale
  const data = new Uint8ClampedArray(width * width * 4).fill(255)
  for (const match of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const x0 = Number(match[1]) * scale
    const y0 = Number(match[2]) * scale
    for (let y = y0; y < y0 + scale; y++) {
      for (let x = x0; x < x0 + scale; x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3)
    }
  }
  return { width, height: width, data }
}

const EVERY_LEVEL: Answers = Object.fromEntries(tech.indicators.map((indicator, index) => [
  indicator.id,
  { kind: 'level', level: index % 6, confidence: 'externally-validated', evidence: 'x', updatedAt: '2026-11-29T10:00:00.000Z' },
]))

describe('the answer code of the shipped questionnaire in a QR code', () => {
  const code = encodeAnswerCode(tech, EVERY_LEVEL, answerCodeRef('assessment-1'))

  it('is 74 characters long whatever the answers (32 indicators, one symbol each)', () => {
    // "TDA1:" 5 + "tech-diplomacy:" 15 + "1.1.0:" 6 + ref 6 + ":" 1 + 32 symbols + ":" 1 + checksum 8 = 74
    expect(code).toHaveLength(74)
    expect(encodeAnswerCode(tech, {}, answerCodeRef('assessment-1'))).toHaveLength(74)
  })

  it('fits one QR code of version 5 (37 modules) at 15 % error correction', () => {
    // ISO/IEC 18004 capacity in byte mode at level M: version 4 holds 62 bytes, version 5 holds 84, so 74 bytes need
    // version 5: 17 + 4 × 5 = 37 modules, plus the border on each side.
    const drawing = drawQr(code)
    expect(drawing.version).toBe(5)
    expect(drawing.size).toBe(37 + 2 * QR_BORDER)
  })

  it('reads back from its own drawing at 4 pixels per module', () => {
    const drawing = drawQr(code)
    expect(readQr(rasterize(drawing.path, drawing.size, 4))).toBe(code)
  })

  it('finds nothing in a blank image, without throwing', () => {
    expect(readQr({ width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 4).fill(255) })).toBeNull()
    expect(readQr({ width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 4).fill(255) }, true)).toBeNull()
  })
})

describe('the largest answer code the formats allow', () => {
  it('still fits one QR code: 500 indicators, a 64-character id and a 32-character version', () => {
    const largest = {
      ...tech,
      id: `q${'x'.repeat(63)}`,
      version: `1.0.0-${'r'.repeat(26)}`,
      indicators: Array.from({ length: 500 }, (_, index) => ({ ...tech.indicators[0]!, id: `i${index}` })),
    }
    const code = encodeAnswerCode(largest, {}, 'ABCDEFGHIJKL')
    // 4 + 1 + 64 + 1 + 32 + 1 + 12 + 1 + 500 + 1 + 8 = 625 bytes; in byte mode at level M version 19 holds 614, version 20 holds 666
    expect(code).toHaveLength(625)
    const drawing = drawQr(code)
    expect(drawing.version).toBe(20)
    expect(readQr(rasterize(drawing.path, drawing.size, 3))).toBe(code)
  })
})

