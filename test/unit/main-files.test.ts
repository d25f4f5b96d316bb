import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeWorkbookStream } from '../../src-main/export/write-workbook-stream'
import { writeFileAtomically, writeFileData } from '../../src-main/files'
import { exportData } from '../fixtures/workbooks/sample-register'

const freshFolder = () => mkdtempSync(join(tmpdir(), 'ropa-atomic-'))
/** Lets file streams the writer opened finish opening (and truncating) before the folder is inspected. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200))
const EXISTING = Buffer.from('PK\u0003\u0004 the register the auditor already has')

describe('writing a picked file atomically', () => {
  it('replaces an existing file with the new contents and leaves nothing else behind', async () => {
    const folder = freshFolder()
    const path = join(folder, 'register.csv')
    writeFileSync(path, EXISTING)
    await writeFileData(path, 'Reference,Name\nPA-0001,Payroll\n')
    expect(readFileSync(path, 'utf8')).toBe('Reference,Name\nPA-0001,Payroll\n')
    await writeFileData(path, new Uint8Array([1, 2, 3]))
    expect([...readFileSync(path)]).toEqual([1, 2, 3])
    expect(readdirSync(folder)).toEqual(['register.csv'])
  })

  it('leaves an existing file byte-identical, and no temporary file, when the write fails half-way', async () => {
    const folder = freshFolder()
    const path = join(folder, 'backup.json')
    writeFileSync(path, EXISTING)
    await expect(
      writeFileAtomically(path, async (temporary) => {
        await writeFile(temporary, '{"formatVersion":1,"records":[')
        throw new Error('disk full')
      })
    ).rejects.toThrow('disk full')
    expect(readFileSync(path).equals(EXISTING)).toBe(true)
    expect(readdirSync(folder)).toEqual(['backup.json'])
  })

  it('creates no file at all when a new file fails to be written', async () => {
    const folder = freshFolder()
    await expect(writeFileAtomically(join(folder, 'new.json'), async () => Promise.reject(new Error('cancelled')))).rejects.toThrow('cancelled')
    expect(readdirSync(folder)).toEqual([])
  })
})

describe('exporting the workbook atomically', () => {
  it('writes the workbook in full and leaves no temporary file', async () => {
    const folder = freshFolder()
    const path = join(folder, 'register.xlsx')
    writeFileSync(path, EXISTING)
    await writeWorkbookStream(path, exportData())
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK')
    expect(readFileSync(path).equals(EXISTING)).toBe(false)
    expect(readdirSync(folder)).toEqual(['register.xlsx'])
  })

  it('keeps an existing workbook byte-identical, and leaves no partial file, when the export fails part-way', async () => {
    const folder = freshFolder()
    const path = join(folder, 'register.xlsx')
    writeFileSync(path, EXISTING)
    let progressCalls = 0
    const failPartWay = () => {
      // Two sheets are written by now.
      if (++progressCalls === 3) throw new Error('export interrupted')
    }
    await expect(writeWorkbookStream(path, exportData(), failPartWay)).rejects.toThrow('export interrupted')
    expect(progressCalls).toBe(3)
    await settle()
    expect(readFileSync(path).equals(EXISTING)).toBe(true)
    expect(readdirSync(folder)).toEqual(['register.xlsx'])
  })

  it('leaves no file when a new export fails', async () => {
    const folder = freshFolder()
    await expect(writeWorkbookStream(join(folder, 'register.xlsx'), exportData(), () => { throw new Error('export interrupted') })).rejects.toThrow('export interrupted')
    await settle()
    expect(readdirSync(folder)).toEqual([])
  })
})
