import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * A seeded corpus of hostile answers files, questionnaire files and workshop files: crafted cases for every class of the
 * hostile-input campaign (types, ranges, dates, locales, prototype names, nesting, sizes, Unicode) and random
 * mutations of valid files. The same seed always gives the same files.
 */

export type HostileKind = 'answers' | 'questionnaire' | 'workshop'

export interface HostileFile {
  /** A file name unique in the corpus, e.g. `answers-0042-date.tda.json`. */
  name: string
  kind: HostileKind
  /** The class of hostility, for reports. */
  family: string
  text: string
}

const ROOT = resolve(import.meta.dirname, '../..')
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8')

export const ANSWER_BASES = [
  'tests/fixtures/ldc-island-early.tda.json',
  'tests/fixtures/emerging-mid.tda.json',
  'tests/fixtures/pioneer.tda.json',
  'tests/fixtures/answers/minimal.tda.json',
  'tests/fixtures/answers/known-results.tda.json',
].map(read)
export const QUESTIONNAIRE_BASE = read('tests/fixtures/questionnaires/mini.json')
/** Workshop files: two delegations of four participants on the mini questionnaire, two of six on the full one. */
export const WORKSHOP_BASES = ['tests/fixtures/workshops/mini.tdw.json', 'tests/fixtures/workshops/regional.tdw.json'].map(read)

/** mulberry32: a small, fast, seedable generator (same seed, same sequence, on every machine). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = Array<string | number>

const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf', 'prototype', '__defineGetter__']
const BAD_DATES = ['2026-13-45', 'abcdefghij', '2026-1-1', '2026-02-30', '0000-00-00', '2026-11-20T25:00:00Z', '+275760-09-13', '2026-11-20 ', '١٢٣٤-٥٦-٧٨', '2026-W47-1']
const BAD_LOCALES = ['toString', '<script>', 'en_US', '../../package', '__proto__', '', 'EN', 'zz', 'fr-xx-yy', 'ar\u202E', 'valueOf', 'constructor']
const UNICODE = ['\uD800', '\uDFFF', 'a\uD83D', '\u202Egnp.exe', '\u2066x\u2069', '\u0000', 'a\u0000b', '\u200B', '\uFEFF', '\u0627\u0644\u0639\u0631\u0628\u064A\u0629', '🇺🇳🏳️‍🌈', 'e\u0301\u0301\u0301', '\u{10FFFF}']
const NUMBERS = [-1, 1.5, 0, 21, 6, 1e21, -0, 2 ** 53 + 2, 1e-300, 5.000001, 1000001]

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!
}

/** A hostile value of a random class, with the name of its class. */
function hostileValue(rand: () => number): { family: string, value: Json } {
  const roll = Math.floor(rand() * 12)
  switch (roll) {
    case 0: return { family: 'type', value: pick(rand, [null, true, false, [], {}, '', '0', 'null', [null], { en: 1 }] as Json[]) }
    case 1: return { family: 'range', value: pick(rand, NUMBERS) }
    case 2: return { family: 'date', value: pick(rand, BAD_DATES) }
    case 3: return { family: 'locale', value: pick(rand, BAD_LOCALES) }
    case 4: return { family: 'prototype', value: pick(rand, PROTOTYPE_NAMES) }
    case 5: return { family: 'unicode', value: pick(rand, UNICODE) + pick(rand, ['', 'x', ' text']) }
    case 6: return { family: 'size', value: 'x'.repeat(pick(rand, [201, 301, 5001, 10001, 100_000])) }
    case 7: return { family: 'size', value: Array.from({ length: pick(rand, [51, 201, 501, 2001]) }, (_, i) => `item-${i}`) }
    case 8: {
      let deep: Json = 'bottom'
      const levels = pick(rand, [5, 17, 40])
      for (let i = 0; i < levels; i++) deep = rand() < 0.5 ? [deep] : { a: deep }
      return { family: 'nesting', value: deep }
    }
    case 9: return { family: 'type', value: pick(rand, ['level', 'dont_know', 'not_applicable', 'maybe', 'LEVEL']) }
    case 10: return { family: 'range', value: Math.floor(rand() * 40) - 10 }
    default: return { family: 'unicode', value: pick(rand, ['<script>alert(1)</script>', '"; DROP', '${x}', '{count}', '@:x', '%s%n', '../../etc/passwd', 'a.1', 'a-1']) }
  }
}

/** Every path to a value in a JSON document (objects and arrays included), in document order, found without recursion. */
function pathsOf(root: Json): Path[] {
  const out: Path[] = []
  const stack: Array<{ value: Json, path: Path }> = [{ value: root, path: [] }]
  while (stack.length > 0) {
    const { value, path } = stack.pop()!
    if (path.length > 0) out.push(path)
    if (Array.isArray(value)) value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }))
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] })
  }
  return out
}

function parentOf(root: Json, path: Path): { parent: Json[] | Record<string, Json>, key: string | number } {
  let node = root as Json[] | Record<string, Json>
  for (const part of path.slice(0, -1)) node = (node as Record<string | number, Json>)[part] as Json[] | Record<string, Json>
  return { parent: node, key: path.at(-1)! }
}

/** Texts a person could really type or paste, which must be kept and printed as they are (or cleaned), never crash. */
const AWKWARD_TEXT = [
  '\u202Egnp.exe', 'a\u0000b', '\uD800 lone', 'x\uDFFF', '\u0627\u0644\u0639\u0631\u0628\u064A\u0629 and Latin', '\u2066isolated\u2069',
  '<script>alert(1)</script>', '{count} @:linked ${x} %s', '🇺🇳 🏳️‍🌈 e\u0301', '\u200B\uFEFF', 'line\nbreak\ttab', '\u05E2\u05D1\u05E8\u05D9\u05EA',
]

/** One random mutation of a parsed file: change a value, rename or delete a key, or multiply a list. */
function mutate(root: Json, rand: () => number): string {
  const paths = pathsOf(root)
  if (rand() < 0.3) {
    // Awkward text in a free-text field (ministry, evidence, a title): accepted, then stored, scored and printed.
    const texts = paths.filter((p) => {
      const { parent, key } = parentOf(root, p)
      const value = (parent as Record<string | number, Json>)[key]
      return typeof value === 'string' && /^(ministry|unit|respondentRole|evidence|owner|title|description|question|guidance|en|fr|note|role|name)$/.test(String(p.at(-1) ?? p.at(-2)))
    })
    if (texts.length > 0) {
      const { parent, key } = parentOf(root, pick(rand, texts))
      ;(parent as Record<string | number, Json>)[key] = `${pick(rand, AWKWARD_TEXT)} ${pick(rand, AWKWARD_TEXT)}`
      return 'unicode'
    }
  }
  const path = pick(rand, paths)
  const { parent, key } = parentOf(root, path)
  const action = rand()
  const record = parent as Record<string | number, Json>
  if (action < 0.6) {
    const { family, value } = hostileValue(rand)
    record[key] = value
    return family
  }
  if (action < 0.75 && !Array.isArray(parent)) {
    const value = record[key]!
    delete record[key]
    const renamed = rand() < 0.6 ? pick(rand, PROTOTYPE_NAMES) : pick(rand, UNICODE)
    // Defined as an own property: `obj['__proto__'] = …` would set the prototype instead of writing a key.
    Object.defineProperty(parent, renamed, { value, enumerable: true, configurable: true, writable: true })
    return 'prototype'
  }
  if (action < 0.85) {
    if (Array.isArray(parent)) parent.splice(key as number, 1)
    else delete record[key]
    return 'type'
  }
  const value = record[key]!
  if (Array.isArray(value) && value.length > 0) {
    const copies = pick(rand, [3, 60, 600])
    record[key] = Array.from({ length: copies }, (_, i) => value[i % value.length]!)
    return 'size'
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value)
    const count = pick(rand, [60, 2500])
    const grown: Record<string, Json> = {}
    for (let i = 0; i < count; i++) grown[`${entries[i % Math.max(1, entries.length)]?.[0] ?? 'k'}-${i}`] = entries[i % Math.max(1, entries.length)]?.[1] ?? i
    record[key] = grown
    return 'size'
  }
  record[key] = [value, value]
  return 'type'
}

/** Whole-file hostility: not JSON, not an object, the wrong kind of file, too deep, too large, raw Unicode. */
function craftedFiles(kind: HostileKind, base: string): Array<{ family: string, text: string }> {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`
  const insideHeader = (n: number) => base.replace(/\{/, `{"deep": ${deep(n)}, `)
  return [
    { family: 'type', text: '' },
    { family: 'type', text: '   \n' },
    { family: 'type', text: '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj' },
    { family: 'type', text: 'PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml' },
    { family: 'type', text: '\uFFFDPNG\r\n\u001A\n\u0000\u0000\u0000\rIHDR' },
    { family: 'type', text: '<!DOCTYPE html><html><body>answers</body></html>' },
    { family: 'type', text: 'country,stage\nNPL,2\n' },
    { family: 'type', text: '[1, 2, 3]' },
    { family: 'type', text: 'null' },
    { family: 'type', text: '"just a string"' },
    { family: 'type', text: base.slice(0, Math.floor(base.length / 2)) },
    { family: 'type', text: `\uFEFF${base}` },
    { family: 'type', text: kind === 'answers' ? QUESTIONNAIRE_BASE : ANSWER_BASES[0]! },
    { family: 'type', text: kind === 'workshop' ? QUESTIONNAIRE_BASE : WORKSHOP_BASES[0]! },
    { family: 'nesting', text: insideHeader(10_000) },
    { family: 'nesting', text: insideHeader(17) },
    { family: 'nesting', text: deep(100_000) },
    { family: 'nesting', text: `{"a": "${'['.repeat(5000)}"}` },
    { family: 'size', text: base.replace(/\{/, `{"padding": "${'x'.repeat(6 * 1024 * 1024)}", `) },
    { family: 'size', text: base.replace(/\{/, `{"padding": "${'é'.repeat(1_800_000)}", `) },
    ...(kind === 'workshop' ? [{ family: 'size', text: base.replace(/\{/, `{"padding": "${'x'.repeat(21 * 1024 * 1024)}", `) }] : []),
    { family: 'range', text: base.replace(/"weight": 1(\.\d+)?/, '"weight": 1e309').replace(/"level": \d/, '"level": 1e309') },
    { family: 'range', text: base.replace(/"level": \d/, '"level": -0.0').replace(/"weight": 1(\.\d+)?/, '"weight": -1e-320') },
    { family: 'unicode', text: base.replace(/"en": "/, '"en": "\uD800') },
    { family: 'unicode', text: base.replace(/"(ministry|title)": /, '"$1": "\u202E\u0000" , "x": ') },
    { family: 'unicode', text: base.replace(/"/, '"\u0000') },
    { family: 'prototype', text: base.replace(/\{/, '{"__proto__": {"polluted": true}, ') },
    { family: 'prototype', text: base.replace(/\{/, '{"constructor": {"prototype": {"polluted": true}}, ') },
  ]
}

/** A questionnaire made valid-but-awkward: tricky ids, many levels, large weights, every one accepted or refused whole. */
function questionnaireVariants(rand: () => number, base: Json): Array<{ family: string, value: Json }> {
  const q = structuredClone(base) as Record<string, Json>
  const out: Array<{ family: string, value: Json }> = []
  const indicators = q.indicators as Array<Record<string, Json>>
  const dimensions = q.dimensions as Array<Record<string, Json>>
  const withId = (family: string, id: string) => {
    const copy = structuredClone(q) as Record<string, Json>
    const list = copy.indicators as Array<Record<string, Json>>
    list[Math.floor(rand() * list.length)]!.id = id
    out.push({ family, value: copy })
  }
  for (const name of PROTOTYPE_NAMES) withId('prototype', name)
  withId('unicode', 'a\u202E1')
  withId('type', `${indicators[0]!.id as string}`.replace(/\d/, '.1'))
  withId('size', `i${'d'.repeat(250)}`)
  const collide = structuredClone(q) as Record<string, Json>
  ;(collide.indicators as Array<Record<string, Json>>)[0]!.id = 'a.1'
  ;(collide.indicators as Array<Record<string, Json>>)[1]!.id = 'a-1'
  out.push({ family: 'prototype', value: collide })
  const longVersion = structuredClone(q) as Record<string, Json>
  longVersion.version = `1.0.0-${'x'.repeat(60)}`
  out.push({ family: 'size', value: longVersion })
  const heavy = structuredClone(q) as Record<string, Json>
  ;(heavy.dimensions as Array<Record<string, Json>>)[0]!.weight = 1e308
  out.push({ family: 'range', value: heavy })
  const dims = structuredClone(q) as Record<string, Json>
  ;(dims.dimensions as Array<Record<string, Json>>)[0]!.id = `d${'x'.repeat(149)}`
  out.push({ family: 'size', value: dims })
  void dimensions
  return out
}

/** The corpus: `answers` answers files, `questionnaires` questionnaire files and `workshops` workshop files, crafted ones first, then random mutations. */
export function hostileCorpus(seed: number, counts: { answers: number, questionnaires: number, workshops?: number }): HostileFile[] {
  const rand = random(seed)
  const files: HostileFile[] = []
  const add = (kind: HostileKind, family: string, text: string) => {
    const n = String(files.length).padStart(4, '0')
    const name = kind === 'answers' ? `answers-${n}-${family}.tda.json` : kind === 'workshop' ? `workshop-${n}-${family}.tdw.json` : `questionnaire-${n}-${family}.json`
    files.push({ name, kind, family, text })
  }
  for (const { family, text } of craftedFiles('answers', ANSWER_BASES[0]!)) add('answers', family, text)
  for (const { family, text } of craftedFiles('questionnaire', QUESTIONNAIRE_BASE)) add('questionnaire', family, text)
  for (const { family, value } of questionnaireVariants(rand, JSON.parse(QUESTIONNAIRE_BASE) as Json)) add('questionnaire', family, JSON.stringify(value))

  while (files.filter(f => f.kind === 'answers').length < counts.answers) {
    const base = JSON.parse(pick(rand, ANSWER_BASES)) as Json
    const rounds = 1 + Math.floor(rand() * 3)
    const families: string[] = []
    for (let i = 0; i < rounds; i++) families.push(mutate(base, rand))
    add('answers', families[0]!, JSON.stringify(base, null, rand() < 0.5 ? 2 : undefined))
  }
  while (files.filter(f => f.kind === 'questionnaire').length < counts.questionnaires) {
    const base = JSON.parse(QUESTIONNAIRE_BASE) as Json
    const rounds = 1 + Math.floor(rand() * 2)
    const families: string[] = []
    for (let i = 0; i < rounds; i++) families.push(mutate(base, rand))
    add('questionnaire', families[0]!, JSON.stringify(base))
  }
  // Workshop files come after the others, so the answers and questionnaire files of a seed stay the same as before.
  const workshops = counts.workshops ?? 0
  if (workshops > 0) for (const { family, text } of craftedFiles('workshop', WORKSHOP_BASES[0]!)) add('workshop', family, text)
  while (files.filter(f => f.kind === 'workshop').length < workshops) {
    const base = JSON.parse(pick(rand, WORKSHOP_BASES)) as Json
    const rounds = 1 + Math.floor(rand() * 3)
    const families: string[] = []
    for (let i = 0; i < rounds; i++) families.push(mutate(base, rand))
    add('workshop', families[0]!, JSON.stringify(base, null, rand() < 0.5 ? 2 : undefined))
  }
  return files
}
