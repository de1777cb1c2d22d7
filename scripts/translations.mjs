#!/usr/bin/env node
// Translation memory for the shipped questionnaires.
//
//   node scripts/translations.mjs extract <locale>   writes questionnaires/translations/<locale>.json: every English
//                                                    text of the shipped questionnaires as a key, the translation
//                                                    already in the questionnaires (or the memory) as its value, "" when none
//   node scripts/translations.mjs apply              writes every memory in questionnaires/translations/ into the
//                                                    shipped questionnaires where a text has no translation yet (one
//                                                    already there is kept: the same English may read differently in
//                                                    context), declares the locale, orders each text's languages en, fr, es, pt, ar
//   node scripts/translations.mjs status             prints, per memory, how many texts are translated
//
// The memory is keyed by the English text, so a new questionnaire version reuses every translation of a text
// that did not change, and a changed English text shows up as "" to translate.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const DIR = join(ROOT, 'questionnaires')
const MEMORY_DIR = join(DIR, 'translations')
const ORDER = ['en', 'fr', 'es', 'pt', 'ar']

const questionnaireFiles = () => readdirSync(DIR)
  .filter(name => name.endsWith('.json') && name !== 'schema.json')
  .sort()
  .map(name => join(DIR, name))

const isText = value => value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.en === 'string'

function eachText(value, visit) {
  if (Array.isArray(value)) value.forEach(item => eachText(item, visit))
  else if (isText(value)) visit(value)
  else if (value !== null && typeof value === 'object') Object.values(value).forEach(item => eachText(item, visit))
}

function rebuild(value, locale, memory) {
  if (Array.isArray(value)) return value.map(item => rebuild(item, locale, memory))
  if (isText(value)) {
    const next = { ...value }
    const translation = memory[value.en]
    const present = typeof value[locale] === 'string' && value[locale].trim() !== ''
    if (!present && typeof translation === 'string' && translation.trim() !== '') next[locale] = translation
    const keys = Object.keys(next).sort((a, b) => rank(a) - rank(b))
    return Object.fromEntries(keys.map(key => [key, next[key]]))
  }
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebuild(v, locale, memory)]))
  return value
}

function rank(locale) {
  const i = ORDER.indexOf(locale)
  return i === -1 ? ORDER.length : i
}

const memoryPath = locale => join(MEMORY_DIR, `${locale}.json`)
const readJson = file => JSON.parse(readFileSync(file, 'utf8'))
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)

function extract(locale) {
  if (!/^[a-z]{2,3}$/.test(locale ?? '')) throw new Error('usage: extract <locale>, e.g. extract es')
  const previous = existsSync(memoryPath(locale)) ? readJson(memoryPath(locale)) : {}
  const memory = {}
  for (const file of questionnaireFiles()) {
    eachText(readJson(file), (text) => {
      if (text.en in memory) return
      memory[text.en] = previous[text.en] ?? text[locale] ?? ''
    })
  }
  mkdirSync(MEMORY_DIR, { recursive: true })
  writeJson(memoryPath(locale), memory)
  const missing = Object.values(memory).filter(v => v.trim() === '').length
  console.log(`${memoryPath(locale)}: ${Object.keys(memory).length} texts, ${missing} to translate`)
}

function memories() {
  if (!existsSync(MEMORY_DIR)) return []
  return readdirSync(MEMORY_DIR).filter(n => n.endsWith('.json')).sort((a, b) => rank(a.slice(0, -5)) - rank(b.slice(0, -5)))
    .map(name => ({ locale: name.slice(0, -5), memory: readJson(join(MEMORY_DIR, name)) }))
}

function apply() {
  for (const file of questionnaireFiles()) {
    let questionnaire = readJson(file)
    for (const { locale, memory } of memories()) {
      questionnaire = rebuild(questionnaire, locale, memory)
      let translated = 0
      eachText(questionnaire, (text) => { if ((text[locale] ?? '').trim() !== '') translated++ })
      if (translated > 0 && !questionnaire.locales.includes(locale)) questionnaire.locales = [...questionnaire.locales, locale].sort((a, b) => rank(a) - rank(b))
    }
    writeJson(file, questionnaire)
    console.log(`${file}: ${questionnaire.locales.join(', ')}`)
  }
}

function status() {
  for (const { locale, memory } of memories()) {
    const values = Object.values(memory)
    const done = values.filter(v => typeof v === 'string' && v.trim() !== '').length
    console.log(`${locale}: ${done}/${values.length} translated`)
  }
}

const [command, arg] = process.argv.slice(2)
if (command === 'extract') extract(arg)
else if (command === 'apply') apply()
else if (command === 'status') status()
else {
  console.error('usage: node scripts/translations.mjs extract <locale> | apply | status')
  process.exit(2)
}
