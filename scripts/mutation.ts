// `npm run test:mutation`: StrykerJS over src/domain (stryker.config.json), then the score and every surviving
// mutant in plain lines for the CI log. Exits with Stryker's code: non-zero below the `break` threshold.
// Extra arguments go to Stryker, e.g. `npm run test:mutation -- --mutate src/domain/csv.ts`.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { MUTATION_REPORT, readMutationSummary, scoreLine, survivorLines } from './mutation-report'

rmSync(MUTATION_REPORT, { force: true }) // never sum up an older run's report
const started = Date.now()
const run = spawnSync('npx', ['stryker', 'run', ...process.argv.slice(2)], { stdio: 'inherit' })
const seconds = Math.round((Date.now() - started) / 1000)

const summary = readMutationSummary(MUTATION_REPORT)
if (summary) {
  console.log(`== Mutation score (src/domain): ${scoreLine(summary)}; run took ${Math.floor(seconds / 60)} min ${seconds % 60} s`)
  for (const file of summary.perFile) console.log(`  ${file.file}: ${file.score.toFixed(1)} % of ${file.valid}, ${file.notKilled} not killed`)
  const lines = survivorLines(summary)
  console.log(`== Mutants no test killed (${lines.length})`)
  for (const line of lines) console.log(`  ${line}`)
}
else console.log(`== No mutation report at ${MUTATION_REPORT}`)
process.exit(run.status ?? 1)
