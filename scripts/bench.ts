/**
 * `npm run bench`: the app's benchmarks, each a median over several runs on this machine.
 * BENCH_RUNS (default 5) and BENCH_RECORDS (default 10000) change the size.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { startRenderer } from '../test/e2e/browser'
import { benchRegisterRun, demoRecords, median, type RegisterRunFigures } from './bench-register'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000)

const format = (ms: number) => `${ms.toFixed(1)} ms`

async function main(): Promise<void> {
  const { records, averageBytes } = demoRecords(RECORDS)
  console.log(`register: ${RECORDS.toLocaleString()} records, ${averageBytes} bytes of JSON each on average, ${RUNS} runs`)
  const session = await startRenderer()
  const runs: RegisterRunFigures[] = []
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      const figures = await benchRegisterRun(session, records, run)
      runs.push(figures)
      console.log(`  run ${run}: insert ${format(figures.insertMs)} (floor ${format(figures.insertFloorMs)}), first rows ${format(figures.firstRowsMs)}, search p95 ${format(figures.searchP95Ms)}, filter p95 ${format(figures.filterP95Ms)}`)
    }
  } finally {
    await session.close()
  }
  const pick = (key: keyof RegisterRunFigures) => median(runs.map((run) => run[key]))
  const summary = {
    records: RECORDS,
    averageRecordBytes: averageBytes,
    runs: RUNS,
    medians: {
      firstRowsMs: pick('firstRowsMs'),
      fullyLoadedMs: pick('fullyLoadedMs'),
      searchKeystrokeP95Ms: pick('searchP95Ms'),
      filterChangeP95Ms: pick('filterP95Ms'),
      bulkInsertMs: pick('insertMs'),
      rawPutFloorMs: pick('insertFloorMs'),
      bulkInsertToFloorRatio: median(runs.map((run) => run.insertMs / run.insertFloorMs))
    },
    targets: { firstRowsMs: 1000, searchKeystrokeP95Ms: 100, filterChangeP95Ms: 100, bulkInsertToFloorRatio: 1.3 },
    measuredAt: new Date().toISOString()
  }
  const m = summary.medians
  console.log('\nregister medians:')
  console.log(`  first rows on screen   ${format(m.firstRowsMs)}  (target ≤ 1000 ms; whole register indexed at ${format(m.fullyLoadedMs)})`)
  console.log(`  search keystroke p95   ${format(m.searchKeystrokeP95Ms)}  (target ≤ 100 ms)`)
  console.log(`  filter change p95      ${format(m.filterChangeP95Ms)}  (target ≤ 100 ms)`)
  console.log(`  bulk insert            ${format(m.bulkInsertMs)} vs raw put ${format(m.rawPutFloorMs)}: ${m.bulkInsertToFloorRatio.toFixed(2)}× (target ≤ 1.3×)`)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/register.json', `${JSON.stringify(summary, null, 2)}\n`)
}

await main()
