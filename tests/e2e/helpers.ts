import { createRequire } from 'node:module'
import { mkdirSync, readFileSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'

const require = createRequire(import.meta.url)
export const ARTIFACTS = 'tests/e2e/artifacts'
mkdirSync(ARTIFACTS, { recursive: true })

/** Records every request the page makes that is not to the app's own origin (or data:/blob:). */
export function trackForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url)
  })
  return foreign
}

/** Collects console errors and uncaught page errors. */
export function trackErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', error => errors.push(error.message))
  return errors
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation { id: string, impact: string | null, help: string, nodes: Array<{ target: string[] }> }

/** Runs axe-core in the page and fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // Evaluated through the debugging protocol, not added as an inline <script>, which the app's CSP rightly refuses.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target })) }))
  })
  const serious = violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([])
}

/**
 * Records every Content-Security-Policy violation in the page, on every navigation: the `securitypolicyviolation`
 * events (reported through a binding, so a reload loses none) and the browser's console messages about the policy.
 */
export async function trackCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeBinding('__reportCspViolation', (_source, text: string) => { violations.push(text) })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation
      report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`)
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`)
  })
  return violations
}
