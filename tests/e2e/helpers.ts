import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
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

interface AxeViolation { id: string, impact: string | null, help: string, nodes: Array<{ target: string[] }> }

/** Runs axe-core in the page and fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target })) }))
  })
  const serious = violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([])
}
