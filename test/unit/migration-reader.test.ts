/** The guided import's background jobs: a worker's answers, crashes and a stop become results or messages naming the file, never silence. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { runMigrationJob } from '../../src-renderer/src/migration/migration-jobs'
import { runInBackground, StoppedJob, type MigrationWorker } from '../../src-renderer/src/migration/spreadsheet-reader'
import type { MigrationRequest, MigrationWorkerMessage, SpreadsheetReadResult } from '../../src-renderer/src/migration/spreadsheet-reader-protocol'
import { LEGACY_FILE_NAME, legacyWorkbook } from '../fixtures/migration/legacy-workbook'

class FakeWorker implements MigrationWorker {
  onmessage: MigrationWorker['onmessage'] = null
  onerror: MigrationWorker['onerror'] = null
  onmessageerror: MigrationWorker['onmessageerror'] = null
  received: Array<{ message: MigrationRequest; transfer: Transferable[] }> = []
  terminated = false
  postMessage(message: MigrationRequest, transfer: Transferable[]): void {
    this.received.push({ message, transfer })
  }
  terminate(): void {
    this.terminated = true
  }
  send(message: MigrationWorkerMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<MigrationWorkerMessage>)
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent)
  }
}

const refused: SpreadsheetReadResult = { ok: false, problems: [{ path: "'Register'!C4", message: 'unreadable date' }] }

function start(worker: FakeWorker | (() => never), runOnPage = vi.fn(async () => refused)) {
  const stages: string[] = []
  const bytes = new Uint8Array([1, 2, 3])
  const reading = runInBackground({ kind: 'read', bytes, fileName: 'legacy.ods' }, { onStage: (stage) => stages.push(stage), createWorker: worker instanceof FakeWorker ? () => worker : worker, runOnPage })
  return { reading, stages, bytes, runOnPage }
}

describe('reading a legacy spreadsheet in a worker', () => {
  it('hands the bytes over once the worker runs, reports each stage, and gives back its answer', async () => {
    const worker = new FakeWorker()
    const { reading, stages, bytes } = start(worker)
    worker.send({ type: 'started' })
    expect(worker.received[0]).toEqual({ message: { kind: 'read', bytes, fileName: 'legacy.ods', validationLocale: 'en' }, transfer: [bytes.buffer] })
    worker.send({ type: 'stage', stage: 'reading' })
    worker.send({ type: 'stage', stage: 'mapping' })
    worker.send({ type: 'done', result: refused })
    await expect(reading.result).resolves.toEqual(refused)
    expect(stages).toEqual(['reading', 'mapping'])
    expect(worker.terminated).toBe(true)
  })

  it('reports a crash naming the file, and the worker\'s own failure as it is', async () => {
    const crashing = new FakeWorker()
    const first = start(crashing)
    crashing.send({ type: 'started' })
    crashing.crash('Out of memory')
    await expect(first.reading.result).rejects.toThrow('The spreadsheet import stopped unexpectedly while reading legacy.ods (Out of memory). The file may be too large or damaged; nothing was stored.')
    const failing = new FakeWorker()
    const second = start(failing)
    failing.send({ type: 'started' })
    failing.send({ type: 'failed', message: 'legacy.ods could not be read: bad zip' })
    await expect(second.reading.result).rejects.toThrow('legacy.ods could not be read: bad zip')
  })

  it('stops on "Stop reading", and a late answer changes nothing', async () => {
    const worker = new FakeWorker()
    const { reading } = start(worker)
    worker.send({ type: 'started' })
    reading.cancel()
    await expect(reading.result).rejects.toBeInstanceOf(StoppedJob)
    expect(worker.terminated).toBe(true)
    worker.send({ type: 'done', result: refused })
  })

  it('reads on the page only when no worker can start', async () => {
    const { reading, runOnPage } = start(() => {
      throw new Error('module workers unsupported')
    })
    await expect(reading.result).resolves.toEqual(refused)
    expect(runOnPage).toHaveBeenCalledOnce()
  })

  it('plans off the page: the file is copied to the worker (not handed over), and a crash names the file', async () => {
    const worker = new FakeWorker()
    const read = await runMigrationJob({ kind: 'read', bytes: await legacyWorkbook(), fileName: LEGACY_FILE_NAME })
    if (!read.ok) throw new Error(JSON.stringify(read.problems))
    const context = { organisation: null, today: '2026-12-06', installedPackVersions: {} }
    const job = runInBackground({ kind: 'plan', file: read.file, mapping: read.mapping, context }, { createWorker: () => worker })
    worker.send({ type: 'started' })
    expect(worker.received[0]).toEqual({ message: { kind: 'plan', file: read.file, mapping: read.mapping, context, validationLocale: 'en' }, transfer: [] })
    worker.crash('Out of memory')
    await expect(job.result).rejects.toThrow(`The spreadsheet import stopped unexpectedly while planning the records of ${LEGACY_FILE_NAME} (Out of memory)`)
  })
})

describe('the jobs the worker runs', () => {
  it('reads and proposes, proposes again with saved choices, and plans every record with its findings', async () => {
    const stages: string[] = []
    const read = await runMigrationJob({ kind: 'read', bytes: await legacyWorkbook(), fileName: LEGACY_FILE_NAME }, (stage) => stages.push(stage))
    if (!read.ok) throw new Error(JSON.stringify(read.problems))
    const internal = read.mapping.sheets[0]!.columns.find((column) => column.heading === 'Internal code')!
    expect(internal.target).toEqual({ kind: 'note' })
    const saved = { ...read.mapping, sheets: [{ ...read.mapping.sheets[0]!, columns: [{ ...internal, target: { kind: 'ignore' as const, reason: 'cost centre' } }] }] }
    const reused = await runMigrationJob({ kind: 'propose', file: read.file, savedMapping: saved }, (stage) => stages.push(stage))
    expect(reused.sheets[0]!.columns.find((column) => column.heading === 'Internal code')?.target).toEqual({ kind: 'ignore', reason: 'cost centre' })
    const context = { organisation: null, today: '2026-12-06', installedPackVersions: {} }
    const { plan, findings } = await runMigrationJob({ kind: 'plan', file: read.file, mapping: reused, context }, (stage) => stages.push(stage))
    expect(plan.records.map((planned) => planned.record.name)).toEqual(['Payroll', 'Newsletter'])
    expect(findings).toHaveLength(2)
    expect(findings[0]!.length).toBeGreaterThan(0)
    expect(stages).toEqual(['reading', 'mapping', 'mapping', 'planning', 'checking'])
  })

  it('answers a file it cannot read with problems naming the file', async () => {
    const result = await runMigrationJob({ kind: 'read', bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/migration/legacy-workbook.ts'))), fileName: 'broken.xlsx' })
    expect(result.ok).toBe(false)
    expect(JSON.stringify(result)).toContain('broken.xlsx')
  })
})
