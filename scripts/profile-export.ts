/**
 * Where the browser build's export spends the page's time: one export of N demo activities
 * (default 2,000) through the Import & export page, with the page's long tasks before the click
 * (the app settling) and during the export listed apart, and the page's CPU profile during the
 * export saved to /tmp/export-page.cpuprofile (open it in Chrome's DevTools). `npx electron-vite
 * build` first, then `TSX_TSCONFIG_PATH=tsconfig.test.json npx tsx scripts/profile-export.ts`.
 */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { demoOrganisation } from '../src-main/core/demo/demo-register'
import { openApp, startRenderer } from '../test/e2e/browser'
import { demoRecords } from './bench-register'

const count = Number(process.env.N ?? 2000)
const { records } = demoRecords(count)
const session = await startRenderer()
try {
  const { context, page } = await openApp(session, '?bench')
  await page.evaluate(
    async ({ records, organisation }) => {
      const { repository } = (window as unknown as { ropaBench: { repository: { saveUserProfile: (p: unknown) => Promise<unknown>; saveOrganisation: (o: unknown) => Promise<unknown>; importStoredRecords: (r: unknown[], s: string) => Promise<unknown> } } }).ropaBench
      await repository.saveUserProfile({ name: 'Bench', role: 'DPO' })
      await repository.saveOrganisation(organisation)
      await repository.importStoredRecords(records, `profile: ${records.length} records`)
    },
    { records: records.slice(0, count), organisation: demoOrganisation() }
  )
  await page.evaluate(() => {
    const state = { tasks: [] as Array<{ start: number; duration: number }> }
    new PerformanceObserver((list) => state.tasks.push(...list.getEntries().map((entry) => ({ start: entry.startTime, duration: entry.duration })))).observe({ type: 'longtask', buffered: true })
    ;(window as unknown as { profileTasks: typeof state }).profileTasks = state
    window.location.hash = '#/data'
  })
  const button = page.getByRole('button', { name: 'Export workbook (.xlsx)' })
  await button.waitFor()
  await page.waitForTimeout(Number(process.env.SETTLE_MS ?? 3000))
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.start')
  const clickAt = await page.evaluate(() => performance.now())
  const downloaded = page.waitForEvent('download', { timeout: 600_000 })
  await button.click()
  await downloaded
  const doneAt = await page.evaluate(() => performance.now())
  const { profile } = await cdp.send('Profiler.stop')
  writeFileSync('/tmp/export-page.cpuprofile', JSON.stringify(profile))
  const tasks = await page.evaluate(() => (window as unknown as { profileTasks: { tasks: Array<{ start: number; duration: number }> } }).profileTasks.tasks)
  const round = (ms: number) => Math.round(ms)
  console.log(`export of ${count} activities: ${round(doneAt - clickAt)} ms (page clock); load average ${loadavg()[0]!.toFixed(1)}`)
  console.log('long tasks before the click:', tasks.filter((task) => task.start < clickAt).map((task) => round(task.duration)).join(', ') || 'none')
  console.log('long tasks during the export:', tasks.filter((task) => task.start >= clickAt).map((task) => `${round(task.duration)} ms at +${round(task.start - clickAt)}`).join(', ') || 'none')
  await context.close()
} finally {
  await session.close()
}
