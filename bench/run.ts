// Prints performance figures. Not a pass/fail gate: machine noise must not fail CI.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { countryNameNode, readReportFonts, readReportLabels } from '../src/cli/report-node'
import { nodeTranslator, problemLines } from '../src/cli/messages-node'
import { shippedQuestionnaireFiles } from '../src/cli/shipped'
import { checkFileSize, LIMITS } from '../src/domain/input-rules'
import { parseAssessmentFile } from '../src/domain/assessment-file'
import { assessmentFromImport } from '../src/domain/assessment-import'
import { checkQuestionnaireText } from '../src/domain/check'
import { assessmentOutcome } from '../src/domain/outcome'
import { buildReportPdf } from '../src/report/build-report'
import { runLighthouse } from './lighthouse'
import { consensusAssessment, delegationConsensus } from '../src/domain/workshop-consensus'
import { delegationSpreads, discussionOrder, discussionProgress } from '../src/domain/workshop-spread'
import { buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile } from '../src/domain/workshop-file'
import { buildWorkshopPdf } from '../src/report/workshop-report'
import { sampleWorkshop } from '../tests/workshop-fixture'
import { runLiveBench } from './live'
import { INCREMENTAL_REPORT, MUTATION_REPORT, readMutationSummary, scoreLine } from '../scripts/mutation-report'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function time(run: () => void, rounds = 20): number {
  run()
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    run()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

console.log('== Questionnaire checker (parse + schema + integrity), median of 20')
for (const file of shippedQuestionnaireFiles()) {
  const text = readFileSync(file, 'utf8')
  console.log(`  ${file.split('/').pop()}: ${time(() => checkQuestionnaireText(text)).toFixed(1)} ms for ${kb(text.length)}`)
}

console.log('== Scoring, roadmap and PDF roadmap (full questionnaire, every indicator answered with an evidence note)')
const checked = checkQuestionnaireText(readFileSync('questionnaires/tech-diplomacy.json', 'utf8'))
if (!checked.ok) throw new Error('tech-diplomacy.json is invalid')
const q = checked.questionnaire
const fonts = readReportFonts()
for (const fixture of ['tests/fixtures/ldc-island-early.tda.json', 'tests/fixtures/emerging-mid.tda.json', 'tests/fixtures/pioneer.tda.json']) {
  const parsed = parseAssessmentFile(readFileSync(fixture, 'utf8'), () => q)
  if (!parsed.ok) throw new Error(`${fixture} is invalid`)
  const v = parsed.value
  const assessment = assessmentFromImport(v, { id: fixture, questionnaireKey: 'bench', position: { view: 'results' } })
  const labels = readReportLabels(v.locale)
  const countryName = countryNameNode(v.profile.country, v.locale)
  const outcomeMs = time(() => assessmentOutcome(q, assessment), 50)
  const outcome = assessmentOutcome(q, assessment)
  let bytes: Uint8Array = new Uint8Array()
  const pdfMs = time(() => { bytes = buildReportPdf({ questionnaire: q, assessment, ...outcome, labels, countryName, generatedAt: new Date(), fonts }) }, 5)
  console.log(`  ${fixture.split('/').pop()} (${v.locale}): score + roadmap ${outcomeMs.toFixed(2)} ms; PDF ${pdfMs.toFixed(0)} ms (target < 1000 ms), ${kb(bytes.length)} (target < 1.5 MB)`)
}

console.log('== Workshops (full questionnaire; seeded answers spread around a shared view, some don\'t know and blanks, notes from level 3)')
{
  const big = sampleWorkshop(q, { participants: 500 })
  const delegation = big.delegations[0]!
  // The aggregation the workshop view shows: spreads, discussion order, progress, every indicator's consensus, and the
  // consensus as an assessment (its answer set, evidence notes and confidences).
  const aggregate = () => {
    const spreads = delegationSpreads(q, delegation)
    discussionOrder(spreads)
    discussionProgress(spreads, delegation.consensus)
    delegationConsensus(q, delegation, big.showNames)
    consensusAssessment(big, delegation.id, q)
  }
  const aggregateMs = time(aggregate, 20)
  const withScoresMs = time(() => assessmentOutcome(q, consensusAssessment(big, delegation.id, q)!), 20)
  console.log(`  aggregation, 500 participants × ${q.indicators.length} indicators: ${aggregateMs.toFixed(1)} ms (target < 100 ms); with scores and roadmap of the consensus ${withScoresMs.toFixed(1)} ms`)
  const text = serializeWorkshopFile(buildWorkshopFile(big, '2026-11-29T12:00:00.000Z'))
  const readMs = time(() => parseWorkshopFile(text, () => q), 5)
  console.log(`  workshop file of 500 participants: ${kb(text.length)}, read and checked in ${readMs.toFixed(0)} ms`)

  const room = sampleWorkshop(q, { participants: 40 })
  const labels = readReportLabels('en')
  let bytes: Uint8Array = new Uint8Array()
  const pdfMs = time(() => { bytes = buildWorkshopPdf({ questionnaire: q, workshop: room, delegationId: room.delegations[0]!.id, labels, countryName: 'Nepal', generatedAt: new Date(), fonts }) }, 5)
  console.log(`  workshop PDF, 40 participants (consensus report + appendix): ${pdfMs.toFixed(0)} ms (target < 1500 ms), ${kb(bytes.length)} (target < 2 MB)`)
}

console.log('== Refusals (targets: a 30 MB file refused in under 100 ms; at most 50 problems listed)')
{
  const big = join(mkdtempSync(join(tmpdir(), 'tda-bench-')), 'huge.tda.json')
  writeFileSync(big, Buffer.alloc(30 * 1024 * 1024, 0x20))
  // The app: the size in bytes from File.size, before anything is read.
  const file = new File([readFileSync(big)], 'huge.tda.json', { type: 'application/json' })
  const appMs = time(() => checkFileSize(file.size, LIMITS.answersFileBytes), 50)
  // The command line: fs.stat, before anything is read.
  const cliMs = time(() => checkFileSize(statSync(big).size, LIMITS.answersFileBytes), 50)
  // Text already in memory (a caller that skipped the size check): refused on its length, never parsed.
  const text = ' '.repeat(30 * 1024 * 1024)
  const textMs = time(() => parseAssessmentFile(text, () => undefined), 20)
  rmSync(big)
  console.log(`  30 MB answers file: refused in ${appMs.toFixed(3)} ms in the app (File.size), ${cliMs.toFixed(3)} ms in the command line (fs.stat), ${textMs.toFixed(3)} ms from text in memory`)

  const fixture = JSON.parse(readFileSync('tests/fixtures/pioneer.tda.json', 'utf8')) as { assessment: { answers: Record<string, unknown> } }
  fixture.assessment.answers = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`I${i}`, { kind: 'maybe', evidence: '', updatedAt: '2026-11-20T09:00:00.000Z' }]))
  const broken = JSON.stringify(fixture)
  const found = parseAssessmentFile(broken, () => undefined)
  const problems = found.ok ? [] : found.errors
  const checkMs = time(() => parseAssessmentFile(broken, () => undefined), 5)
  const t = nodeTranslator('en')
  let lines: string[] = []
  const renderMs = time(() => { lines = problemLines('broken.tda.json', problems, t) }, 20)
  console.log(`  ${problems.length.toLocaleString('en')} problems: found in ${checkMs.toFixed(0)} ms; refusal rendered in ${renderMs.toFixed(2)} ms as ${lines.length} lines (${lines.length - 1} listed, then "${lines.at(-1)}")`)
}

console.log('== Bundle (dist/, gzip)')
if (!existsSync('dist/index.html')) console.log('  no build in dist/: run `npm run build` first')
else {
  const html = readFileSync('dist/index.html', 'utf8')
  const firstScreen = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(m => m[1]!)
  const gz = (path: string) => gzipSync(readFileSync(join('dist', path))).length
  const first = firstScreen.reduce((sum, path) => sum + gz(path), 0)
  console.log(`  first screen (index.html entry JS + CSS): ${kb(first)} gzip (${firstScreen.join(', ')})`)
  const assets = readdirSync('dist/assets').filter(name => /\.(js|css)$/.test(name))
  const all = assets.reduce((sum, name) => sum + gz(`assets/${name}`), 0)
  const raw = assets.reduce((sum, name) => sum + statSync(join('dist/assets', name)).size, 0)
  console.log(`  all JS + CSS: ${kb(all)} gzip, ${kb(raw)} raw, ${assets.length} files`)
}

console.log('== Mutation score of src/domain (StrykerJS; read from the last report, not run here)')
const lastRun = readMutationSummary(MUTATION_REPORT)
const committed = lastRun ? null : readMutationSummary(INCREMENTAL_REPORT)
if (lastRun) console.log(`  ${scoreLine(lastRun)} (${MUTATION_REPORT}, target ≥ 85 %)`)
else if (committed) console.log(`  ${scoreLine(committed)} (committed ${INCREMENTAL_REPORT}; run \`npm run test:mutation\` for the current code; target ≥ 85 %)`)
else console.log('  no mutation report: run `npm run test:mutation` first')

await runLiveBench()

if (existsSync('dist/index.html')) await runLighthouse()
