// Prints performance figures. Not a pass/fail gate: machine noise must not fail CI.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { checkQuestionnaireText } from '../src/domain/check'
import { shippedQuestionnaireFiles } from '../src/cli/shipped'

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
