import { chromium } from 'playwright'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
const base = 'http://127.0.0.1:4197/'
for (const [w, h, tag] of [[360, 780, 'phone'], [1280, 900, 'desk']]) {
  const ctx = await browser.newContext({ locale: 'ar', viewport: { width: w, height: h } })
  const page = await ctx.newPage()
  await page.goto(base)
  await page.waitForTimeout(1500)
  await page.screenshot({ path: `/tmp/ar/home-${tag}.png`, fullPage: tag === 'desk' })
  if (tag === 'desk') {
    await page.getByLabel('استيراد ملف إجابات…').setInputFiles('/tmp/ar/ldc-ar.tda.json')
    await page.getByRole('link', { name: 'فتحه' }).click(); console.log(page.url())
    await page.waitForTimeout(1500)
    await page.screenshot({ path: `/tmp/ar/opened-${tag}.png`, fullPage: true })
    await page.goto(page.url().replace(/(\/assessments\/[^/]+).*/, '$1/results'))
    await page.waitForTimeout(2000)
    for (const y of [250, 1000, 1750, 2600]) await page.screenshot({ path: `/tmp/ar/results-${y}.png`, fullPage: true, clip: { x: 0, y, width: 1280, height: 750 } })
    await page.goto(page.url().replace(/(\/assessments\/[^/]+).*/, '$1/roadmap'))
    await page.waitForTimeout(1500)
    for (const y of [0, 700]) await page.screenshot({ path: `/tmp/ar/roadmap-${y}.png`, fullPage: true, clip: { x: 0, y, width: 1280, height: 700 } })
    await page.goto(page.url().replace(/(\/assessments\/[^/]+).*/, '$1/questions'))
    await page.waitForTimeout(1500)
    await page.screenshot({ path: `/tmp/ar/questions-${tag}.png`, fullPage: false })
  }
  await ctx.close()
}
await browser.close()
