import type { Answers } from './assessment'
import type { ImportedAssessment } from './assessment-file'

/**
 * How an imported answers file is recognised when it comes again: a digest of its answers in a fixed order, so the same
 * file imported twice into a workshop is not counted twice.
 */

/** A short digest of a text (FNV-1a, 32 bits, as 8 hex digits): enough to tell two answer sets apart, not a security measure. */
export function digest(text: string): string {
  let hash = 0x811C9DC5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/**
 * Answers as one text, indicators in sorted order (the same answers give the same text whatever order they came in):
 * `[id, kind, evidence, updatedAt]`, then level and confidence for a level answer.
 */
export function canonicalAnswers(answers: Answers): string {
  return JSON.stringify(Object.keys(answers).sort().map((id) => {
    const a = answers[id]!
    return a.kind === 'level' ? [id, a.kind, a.evidence, a.updatedAt, a.level, a.confidence] : [id, a.kind, a.evidence, a.updatedAt]
  }))
}

/**
 * What identifies an imported answers file: when the assessment was last changed and a digest of its answers. The same
 * file imported twice has the same fingerprint; the same assessment changed and exported again has another one.
 */
export function importFingerprint(imported: Pick<ImportedAssessment, 'answers' | 'updatedAt'>): string {
  const text = canonicalAnswers(imported.answers)
  return `file:${imported.updatedAt}:${text.length}:${digest(text)}`
}
