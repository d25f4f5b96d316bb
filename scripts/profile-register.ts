/** Profiles opening, saving and the dashboard at 10,000 records (CPU profile via CDP), one profile per step. */
import { writeFileSync } from 'node:fs'
import { demoRecords, seedThroughRepository } from './bench-register'
import { openApp, startRenderer } from '../test/e2e/browser'

const session = await startRenderer()
const { records } = demoRecords(10_000)
const { context, page } = await openApp(session, '?bench')
await seedThroughRepository(page, records)
await page.reload()
await page.waitForFunction(() => !document.querySelector('progress[aria-label="Loading register"]'), undefined, { timeout: 60_000 })
await page.waitForFunction(() => (window as unknown as { ropaBench: { checksStore: { getSnapshot: () => { phase: string } } } }).ropaBench.checksStore.getSnapshot().phase === 'ready', undefined, { timeout: 60_000 })
await page.waitForTimeout(1000)
const cdp = await page.context().newCDPSession(page)
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
const helpers = `
window.__frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
window.__until = async (done) => { while (!done()) await new Promise((r) => setTimeout(r, 0)) };
window.__field = (label) => { const l = [...document.querySelectorAll('label')].find((e) => e.textContent?.trim().startsWith(label)); const id = l?.htmlFor; return id ? document.getElementById(id) : l?.querySelector('input, textarea') };
`
await page.evaluate(helpers)
async function step(name: string, fn: string): Promise<void> {
  await cdp.send('Profiler.start')
  const ms = await page.evaluate(fn)
  const { profile } = await cdp.send('Profiler.stop')
  writeFileSync(`/tmp/prof/${name}.cpuprofile`, JSON.stringify(profile))
  console.log(name, ms)
}
const sample = [0.1, 0.3, 0.5].map((share) => records[Math.floor(share * records.length)]!)
for (const [i, r] of sample.entries()) {
  await step(`open${i}`, `(async () => { const s = performance.now(); location.hash = '#/records/${r.id}'; await __until(() => __field('Name of the processing activity')?.value === ${JSON.stringify(r.name)}); await __frame(); return performance.now() - s })()`)
  await step(`save${i}`, `(async () => { const o = __field('Owner'); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(o, 'Bench ${i}'); o.dispatchEvent(new Event('input', { bubbles: true })); await __until(() => document.querySelector('.editor__state')?.textContent === 'Unsaved changes'); const b = [...document.querySelectorAll('button[type="submit"]')].find((x) => x.textContent?.trim() === 'Save'); const s = performance.now(); b.click(); await __until(() => document.querySelector('.editor__state')?.textContent?.startsWith('Saved at')); await __frame(); return performance.now() - s })()`)
}
await step('dash', `(async () => { const s = performance.now(); location.hash = '#/dashboard'; await __until(() => { const c = [...document.querySelectorAll('.dash-card > .bars')]; return c.length >= 3 && c.every((x) => x.querySelector('.bars__row')) }); await __frame(); return performance.now() - s })()`)
await context.close()
await session.close()
