/** Scratch: one browser export of N demo activities, printing the page's console (timings) and the figures. */
import { startRenderer } from '../test/e2e/browser'
import { demoRecords } from './bench-register'
import { benchBrowserExport } from './bench-export'

const count = Number(process.env.N ?? 2000)
const runs = Number(process.env.RUNS ?? 1)
const { records } = demoRecords(count)
const session = await startRenderer()
try {
  for (let run = 0; run < runs; run++) console.log(JSON.stringify(await benchBrowserExport(session, records.slice(0, count))))
} finally {
  await session.close()
}
