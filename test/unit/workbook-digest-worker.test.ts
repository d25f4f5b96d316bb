/**
 * The browser build's export hashes its sheets in a second worker (remote-digests.ts): the
 * workbook must be the same, byte for byte, as the one hashed in line, and still name an edited
 * cell. Here the two ends talk through a MessageChannel, so every request and answer is
 * structured-cloned as between two workers.
 */
import 'fake-indexeddb/auto'
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { digestServer, remoteDigests, RemoteDigestsFailed, type DigestReply, type DigestRequest } from '@core/workbook/remote-digests'
import { portableHash, rowText } from '@core/workbook/verification'
import { verifyWorkbook } from '@core/workbook/verify-workbook'
import { buildWorkbook } from '@core/workbook/write-workbook'
import { patchXlsx } from '@core/workbook/xlsx-patch'
import { RopaDatabase } from '../../src-renderer/src/db/database'
import { openRegisterRepository, RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { startDigestWorker, type DigestWorkerLike } from '../../src-renderer/src/export/digest-worker'
import { runExportJob } from '../../src-renderer/src/export/export-job'
import { exportData, loadWorkbook } from '../fixtures/workbooks/sample-register'

const channels: MessageChannel[] = []
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close()
    channel.port2.close()
  }
})

/** The hashing side on one port, the writing side on the other. */
function overChannel() {
  const channel = new MessageChannel()
  channels.push(channel)
  const serve = digestServer(portableHash)
  const requests: DigestRequest[] = []
  channel.port2.onmessage = (event: MessageEvent<DigestRequest>) => {
    requests.push(event.data)
    channel.port2.postMessage(serve(event.data))
  }
  const remote = remoteDigests((request) => channel.port1.postMessage(request))
  channel.port1.onmessage = (event: MessageEvent<DigestReply>) => remote.receive(event.data)
  return { remote, requests }
}

describe('the sheets hashed in a second worker', () => {
  it('give the same workbook, byte for byte, as hashing in line, in a few batched messages', async () => {
    const data = { organisation: demoOrganisation(), records: generateDemoRegister(150, 5), vendors: [], appVersion: 'test', exportedAt: '2026-02-01T08:00:00.000Z', filters: '' }
    const inline = await buildWorkbook(data)
    const { remote, requests } = overChannel()
    const progress: Array<[number, number]> = []
    const remoteBuilt = await buildWorkbook(data, (done, total) => progress.push([done, total]), { digests: remote.digests })
    expect(remoteBuilt.fingerprint).toBe(inline.fingerprint)
    expect(Buffer.from(remoteBuilt.bytes).equals(Buffer.from(inline.bytes))).toBe(true)
    // Rows go in blocks, not one message per row or cell.
    const rows = requests.flatMap((request) => request.operations).filter((operation) => operation.op === 'rows')
    expect(requests.length).toBeLessThan(rows.reduce((sum, operation) => sum + operation.texts.length, 0) / 10)
    // Progress counts rows written, up to all of them.
    const done = progress.map(([value]) => value)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1])
    const verified = await verifyWorkbook(remoteBuilt.bytes)
    expect(verified.problems).toEqual([])
    expect(verified.recomputedFingerprint).toBe(inline.fingerprint)
  })

  it('still name the cell of an edit', async () => {
    const { remote } = overChannel()
    const built = await buildWorkbook(exportData(), undefined, { digests: remote.digests })
    const original = (await loadWorkbook(built.bytes)).getWorksheet('Controller register')!.getCell('B4').text
    const edited = await patchXlsx(built.bytes, { 'xl/worksheets/sheet2.xml': (xml) => xml.replace(/(<c r="B4"[^>]*><is><t[^>]*>)[^<]*/, '$1Edited after export') })
    expect((await loadWorkbook(edited)).getWorksheet('Controller register')!.getCell('B4').text).toBe('Edited after export')
    expect(original).not.toBe('Edited after export')
    const verified = await verifyWorkbook(edited)
    expect(verified.ok).toBe(false)
    expect(verified.problems.map((problem) => problem.path)).toEqual(["'Controller register'!B4"])
    expect(verified.problems[0]!.message).toMatch(/changed since export \(row 4, column "Processing activity"\)/)
  })

  it('fail every wait with the reason once the other side is gone, instead of hanging', async () => {
    const remote = remoteDigests(() => undefined)
    const id = remote.digests.open('Purposes', ['Reference'])
    const rows = remote.digests.rows(id, [rowText(['PA-0001'])])
    remote.fail('the hashing worker stopped (out of memory)')
    await expect(rows).rejects.toThrow(RemoteDigestsFailed)
    await expect(rows).rejects.toThrow('the hashing worker stopped (out of memory)')
    await expect(remote.digests.close(id)).rejects.toThrow('the hashing worker stopped (out of memory)')
  })

  it('answer a failure on the hashing side as a failure, naming it', async () => {
    const serve = digestServer(portableHash)
    expect(serve({ operations: [{ op: 'rows', id: 3, texts: ['1:a'], answer: 0 }] })).toEqual({ failed: 'no sheet 3 was opened for hashing' })
    const remote = remoteDigests(() => undefined)
    const rows = remote.digests.rows(remote.digests.open('Purposes', ['Reference']), ['7:PA-0001'])
    remote.receive({ failed: 'no sheet 3 was opened for hashing' })
    await expect(rows).rejects.toThrow('the hashing worker failed: no sheet 3 was opened for hashing')
  })
})

describe('the export job with its hashing worker', () => {
  it('writes the workbook in line, the same, when the hashing worker stops, and says so', async () => {
    const db = new RopaDatabase(`test-${crypto.randomUUID()}`)
    const page = new RegisterRepository(db)
    await page.saveUserProfile({ name: 'Dana DPO', role: 'DPO' })
    await page.saveOrganisation(demoOrganisation())
    await page.importStoredRecords(generateDemoRegister(8, 2), 'eight demo activities')
    const request = { databaseName: db.name, ids: null, filters: '', exportedAt: '2026-01-15T09:30:00.000Z', appVersion: 'test', write: true }
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      // A worker that starts, then stops before answering anything.
      const terminate = vi.fn()
      const crashingWorker = (): DigestWorkerLike => {
        const worker: DigestWorkerLike = {
          onmessage: null,
          onerror: null,
          onmessageerror: null,
          postMessage: () => queueMicrotask(() => worker.onerror?.({ message: 'Uncaught RangeError: out of memory', preventDefault: () => undefined } as ErrorEvent)),
          terminate
        }
        return worker
      }
      const worker = openRegisterRepository(db.name)
      const crashed = await runExportJob(worker, request, () => undefined, { startDigests: () => startDigestWorker(crashingWorker) })
      worker.db.close()
      const again = openRegisterRepository(db.name)
      const inline = await runExportJob(again, request, () => undefined)
      again.db.close()
      if (crashed.kind !== 'workbook' || inline.kind !== 'workbook') throw new Error('expected workbooks')
      expect(Buffer.from(crashed.bytes).equals(Buffer.from(inline.bytes))).toBe(true)
      expect((await verifyWorkbook(crashed.bytes)).ok).toBe(true)
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/the hashing worker stopped \(Uncaught RangeError: out of memory\); the workbook is written again, hashed in line/))
      expect(terminate).toHaveBeenCalled()
    } finally {
      warn.mockRestore()
      await db.delete()
    }
  })
})

describe('the portable SHA-256', () => {
  it('equals node:crypto on text in pieces: accents, emoji, a lone surrogate, and more than one buffer', () => {
    const pieces = ['', 'plain', 'Données à caractère personnel — Art. 30', '🙂 two units', 'lone \uD800 surrogate', 'x'.repeat(70_000), 'é'.repeat(200_000)]
    const portable = portableHash()
    const node = createHash('sha256')
    for (const piece of pieces) {
      portable.update(piece)
      node.update(piece, 'utf8')
    }
    expect(portable.digest()).toBe(node.digest('hex'))
  })
})

describe('the cells\' text in the sheets\' XML', () => {
  it('keeps quotes as they are between tags (the Data sheet\'s JSON), and reads back the same', async () => {
    const bytes = await buildWorkbook(exportData()).then((built) => built.bytes)
    const sheets: string[] = []
    const patches = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`xl/worksheets/sheet${index + 1}.xml`, (xml: string) => (sheets.push(xml), xml)]))
    await patchXlsx(bytes, patches)
    const data = sheets.find((xml) => xml.includes('<t>{"'))
    expect(data).toBeDefined()
    expect(data).not.toContain('&quot;')
    // What XML requires is still escaped: the hostile values hold '<' and '&'.
    expect(sheets.join('')).toMatch(/&lt;|&amp;/)
    const workbook = await loadWorkbook(bytes)
    const json = workbook.getWorksheet('Data')!.getCell('D3').text
    expect(() => JSON.parse(json) as unknown).not.toThrow()
    expect(json).toContain('"id":')
  })
})
