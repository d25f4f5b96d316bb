/** The import page's workbook reader: a worker's answers, crashes and cancellation become results or messages, never silence. */
import { describe, expect, it, vi } from 'vitest'
import type { WorkbookImport } from '@core/workbook/read-workbook'
import { CancelledRead, readWorkbookInBackground, type ReaderWorker } from '../../src-renderer/src/export/workbook-reader'
import type { ReaderMessage, ReadRequest } from '../../src-renderer/src/export/workbook-reader-protocol'

class FakeWorker implements ReaderWorker {
  onmessage: ReaderWorker['onmessage'] = null
  onerror: ReaderWorker['onerror'] = null
  onmessageerror: ReaderWorker['onmessageerror'] = null
  received: Array<{ message: ReadRequest; transfer: Transferable[] }> = []
  terminated = false
  postMessage(message: ReadRequest, transfer: Transferable[]): void {
    this.received.push({ message, transfer })
  }
  terminate(): void {
    this.terminated = true
  }
  send(message: ReaderMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<ReaderMessage>)
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent)
  }
}

const refused: WorkbookImport = { ok: false, problems: [{ path: 'x.xlsx', message: 'x.xlsx: refused' }] }

function start(worker: FakeWorker, readOnPage = vi.fn(async () => refused)) {
  const stages: string[] = []
  const bytes = new Uint8Array([0x50, 0x4b, 1, 2])
  const reading = readWorkbookInBackground(bytes, [], { fileName: 'x.xlsx', onStage: (stage) => stages.push(stage), createWorker: () => worker, readOnPage })
  return { reading, stages, bytes, readOnPage }
}

describe('reading a workbook in a worker', () => {
  it('hands the bytes over once the worker runs, reports each stage, and gives back its answer', async () => {
    const worker = new FakeWorker()
    const { reading, stages, bytes } = start(worker)
    expect(worker.received).toEqual([])
    worker.send({ type: 'started' })
    expect(worker.received).toHaveLength(1)
    expect(worker.received[0]!.message).toMatchObject({ fileName: 'x.xlsx', existing: [] })
    expect(worker.received[0]!.transfer).toEqual([bytes.buffer])
    worker.send({ type: 'stage', stage: 'checking' })
    worker.send({ type: 'stage', stage: 'unpacking' })
    worker.send({ type: 'done', result: refused })
    await expect(reading.result).resolves.toEqual(refused)
    expect(stages).toEqual(['checking', 'unpacking'])
    expect(worker.terminated).toBe(true)
  })

  it('reports a crash of the worker, naming the file, and stops it', async () => {
    const worker = new FakeWorker()
    const { reading } = start(worker)
    worker.send({ type: 'started' })
    worker.crash('Out of memory')
    await expect(reading.result).rejects.toThrow(/^The workbook reader stopped unexpectedly while reading x\.xlsx \(Out of memory\)\. .*nothing was stored/)
    expect(worker.terminated).toBe(true)
  })

  it('passes on the worker\'s own error message', async () => {
    const worker = new FakeWorker()
    const { reading } = start(worker)
    worker.send({ type: 'started' })
    worker.send({ type: 'failed', message: 'x.xlsx could not be read: something' })
    await expect(reading.result).rejects.toThrow('x.xlsx could not be read: something')
  })

  it('stops on cancel, with a CancelledRead', async () => {
    const worker = new FakeWorker()
    const { reading } = start(worker)
    worker.send({ type: 'started' })
    reading.cancel()
    await expect(reading.result).rejects.toBeInstanceOf(CancelledRead)
    expect(worker.terminated).toBe(true)
    // A late answer from the stopped worker changes nothing.
    worker.send({ type: 'done', result: refused })
  })

  it('reads on the page, with the bytes intact, when no worker can start', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const failing = new FakeWorker()
    const { reading, readOnPage, bytes } = start(failing)
    failing.crash('module workers are not supported')
    await expect(reading.result).resolves.toEqual(refused)
    expect(readOnPage).toHaveBeenCalledWith(bytes, [], 'x.xlsx', expect.any(Function))
    expect(Array.from(bytes)).toEqual([0x50, 0x4b, 1, 2])

    const readOnPage2 = vi.fn(async () => refused)
    const thrown = readWorkbookInBackground(new Uint8Array(4), [], {
      fileName: 'y.xlsx',
      createWorker: () => {
        throw new Error('Worker is not defined')
      },
      readOnPage: readOnPage2
    })
    await expect(thrown.result).resolves.toEqual(refused)
    expect(readOnPage2).toHaveBeenCalledOnce()
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not start \(Worker is not defined\); reading y\.xlsx on the page/))
    warn.mockRestore()
  })
})
