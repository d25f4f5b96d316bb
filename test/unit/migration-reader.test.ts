/** The guided import's spreadsheet reader: a worker's answers, crashes and a stop become results or messages naming the file, never silence. */
import { describe, expect, it, vi } from 'vitest'
import { readSpreadsheetInBackground, StoppedReading, type SpreadsheetWorker } from '../../src-renderer/src/migration/spreadsheet-reader'
import type { SpreadsheetReaderMessage, SpreadsheetReadResult, SpreadsheetRequest } from '../../src-renderer/src/migration/spreadsheet-reader-protocol'

class FakeWorker implements SpreadsheetWorker {
  onmessage: SpreadsheetWorker['onmessage'] = null
  onerror: SpreadsheetWorker['onerror'] = null
  onmessageerror: SpreadsheetWorker['onmessageerror'] = null
  received: Array<{ message: SpreadsheetRequest; transfer: Transferable[] }> = []
  terminated = false
  postMessage(message: SpreadsheetRequest, transfer: Transferable[]): void {
    this.received.push({ message, transfer })
  }
  terminate(): void {
    this.terminated = true
  }
  send(message: SpreadsheetReaderMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<SpreadsheetReaderMessage>)
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent)
  }
}

const refused: SpreadsheetReadResult = { ok: false, problems: [{ path: "'Register'!C4", message: 'unreadable date' }] }

function start(worker: FakeWorker | (() => never), readOnPage = vi.fn(async () => refused)) {
  const stages: string[] = []
  const bytes = new Uint8Array([1, 2, 3])
  const reading = readSpreadsheetInBackground(bytes, { fileName: 'legacy.ods', onStage: (stage) => stages.push(stage), createWorker: worker instanceof FakeWorker ? () => worker : worker, readOnPage })
  return { reading, stages, bytes, readOnPage }
}

describe('reading a legacy spreadsheet in a worker', () => {
  it('hands the bytes over once the worker runs, reports each stage, and gives back its answer', async () => {
    const worker = new FakeWorker()
    const { reading, stages, bytes } = start(worker)
    worker.send({ type: 'started' })
    expect(worker.received[0]).toEqual({ message: { bytes, fileName: 'legacy.ods' }, transfer: [bytes.buffer] })
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
    await expect(first.reading.result).rejects.toThrow('The spreadsheet reader stopped unexpectedly while reading legacy.ods (Out of memory). The file may be too large or damaged; nothing was stored.')
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
    await expect(reading.result).rejects.toBeInstanceOf(StoppedReading)
    expect(worker.terminated).toBe(true)
    worker.send({ type: 'done', result: refused })
  })

  it('reads on the page only when no worker can start', async () => {
    const { reading, readOnPage } = start(() => {
      throw new Error('module workers unsupported')
    })
    await expect(reading.result).resolves.toEqual(refused)
    expect(readOnPage).toHaveBeenCalledOnce()
  })
})
