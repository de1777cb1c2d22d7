// Prints one closing line with the totals of every test suite: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs'

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null
}

let passed = 0
let failed = 0
let skipped = 0
const parts = []

const unit = read('test-results/unit.json')
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0)
  parts.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`)
}
else parts.push('unit: did not run')

const e2e = read('test-results/e2e.json')
if (e2e) {
  const s = e2e.stats
  passed += s.expected + (s.flaky ?? 0)
  failed += s.unexpected
  skipped += s.skipped
  parts.push(`e2e: ${s.expected + (s.flaky ?? 0)} passed, ${s.unexpected} failed`)
}
else parts.push('e2e: did not run')

console.log(parts.join('; '))
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
