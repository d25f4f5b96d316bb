import { writeFileSync } from 'node:fs'
import { demoRecords, seedThroughRepository } from './bench-register'
import { openApp, startRenderer } from '../test/e2e/browser'
const session = await startRenderer()
const { records } = demoRecords(10_000)
const { context, page } = await openApp(session, '?bench')
await seedThroughRepository(page, records)
await page.reload()
await page.waitForFunction(() => !document.querySelector('progress[aria-label="Loading register"]'), undefined, { timeout: 60_000 })
await page.waitForFunction(() => (window as any).ropaBench.checksStore.getSnapshot().phase === 'ready', undefined, { timeout: 60_000 })
await page.waitForTimeout(1000)
const cdp = await page.context().newCDPSession(page)
await page.evaluate(`
window.__frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
window.__until = async (done) => { while (!done()) await new Promise((r) => setTimeout(r, 0)) };
window.__field = (label) => { const l = [...document.querySelectorAll('label')].find((e) => e.textContent?.trim().startsWith(label)); const id = l?.htmlFor; return id ? document.getElementById(id) : l?.querySelector('input, textarea') };
`)
async function traced(name: string, fn: string) {
  const events: any[] = []
  cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value))
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' } as any)
  const ms = await page.evaluate(fn)
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
  await cdp.send('Tracing.end')
  await done
  writeFileSync(`/tmp/prof/${name}.trace.json`, JSON.stringify(events))
  console.log(name, ms, events.length)
}
const sample = [0.1, 0.3, 0.5, 0.7].map((share) => records[Math.floor(share * records.length)]!)
for (const [i, r] of sample.entries()) {
  await traced(`open${i}`, `(async () => { const s = performance.now(); performance.mark('start'); location.hash = '#/records/${r.id}'; await __until(() => __field('Name of the processing activity')?.value === ${JSON.stringify(r.name)}); await __frame(); performance.mark('end'); return performance.now() - s })()`)
  await traced(`save${i}`, `(async () => { const o = __field('Owner'); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(o, 'Bench ${i}'); o.dispatchEvent(new Event('input', { bubbles: true })); await __until(() => document.querySelector('.editor__state')?.textContent === 'Unsaved changes'); const b = [...document.querySelectorAll('button[type="submit"]')].find((x) => x.textContent?.trim() === 'Save'); const s = performance.now(); performance.mark('start'); b.click(); await __until(() => document.querySelector('.editor__state')?.textContent?.startsWith('Saved at')); await __frame(); performance.mark('end'); return performance.now() - s })()`)
}
await context.close()
await session.close()
