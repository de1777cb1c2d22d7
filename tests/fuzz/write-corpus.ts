// Writes the hostile corpus (the same seed as the test suite) and the valid fixtures into one folder, for the
// command line: `npm run fuzz:corpus -- /tmp/hostile && npm run report -- /tmp/hostile --out /tmp/reports`.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { hostileCorpus } from './corpus'

const [target, seed] = process.argv.slice(2)
if (!target) {
  console.error('Usage: npm run fuzz:corpus -- <folder> [seed]')
  process.exit(2)
}
const dir = resolve(target)
mkdirSync(dir, { recursive: true })
const files = hostileCorpus(Number(seed ?? 20261129), { answers: 1150, questionnaires: 900, workshops: 500 })
for (const file of files) writeFileSync(join(dir, file.name), file.text)
const fixtures = ['tests/fixtures/ldc-island-early.tda.json', 'tests/fixtures/emerging-mid.tda.json', 'tests/fixtures/pioneer.tda.json', 'tests/fixtures/answers/minimal.tda.json', 'tests/fixtures/answers/known-results.tda.json']
for (const fixture of fixtures) copyFileSync(fixture, join(dir, basename(fixture)))
// Two names that would give the same PDF name: the second must get a suffix, not overwrite the first.
copyFileSync('tests/fixtures/pioneer.tda.json', join(dir, 'pioneer.json'))
console.log(`${files.length} hostile files and ${fixtures.length + 1} valid fixtures written to ${dir}`)
