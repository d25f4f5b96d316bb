/**
 * The workbook as LibreOffice sees it: autofilters kept through a round trip to .ods and back,
 * and the printed pages (PDF) with their header and footer, across then down. Needs `soffice`
 * (and `pdftotext` for the print test); CI installs both. Locally, without them, the file is
 * skipped with one line.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SHEET } from '@core/workbook/columns'
import { verifyWorkbook } from '@core/workbook/verify-workbook'
import { patchXlsx } from '@core/workbook/xlsx-patch'
import { writeWorkbookStream } from '../../src-main/export/write-workbook-stream'
import { exportData, loadWorkbook, sampleRecords } from '../fixtures/workbooks/sample-register'

function installed(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const available = installed('soffice') && installed('pdftotext')
if (!available && !process.env.CI) console.log('LibreOffice workbook tests skipped: soffice or pdftotext is not installed (CI installs them)')

const dir = mkdtempSync(join(tmpdir(), 'ropa-libreoffice-'))
// Its own profile: another soffice running on the machine must not take the conversion.
const profile = pathToFileURL(join(dir, 'profile')).href

function convert(file: string, to: string, outDir: string): string {
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, file], { stdio: 'pipe', timeout: 180_000 })
  const converted = join(outDir, file.split('/').at(-1)!.replace(/\.[^.]+$/, `.${to.split(':')[0]}`))
  if (!existsSync(converted)) throw new Error(`soffice did not write ${converted}`)
  return converted
}

async function exported(): Promise<string> {
  const file = join(dir, 'register.xlsx')
  if (!existsSync(file)) await writeWorkbookStream(file, exportData())
  return file
}

describe.skipIf(!available && !process.env.CI)('the workbook in LibreOffice', () => {
  it('keeps every sheet\'s autofilter through .ods and back', async () => {
    const ods = convert(await exported(), 'ods', join(dir, 'ods'))
    const back = convert(ods, 'xlsx:Calc MS Excel 2007 XML', join(dir, 'back'))
    const bytes = new Uint8Array(readFileSync(back))
    const workbook = await loadWorkbook(bytes)
    const controllers = sampleRecords().filter((record) => record.role !== 'processor').length
    expect(workbook.getWorksheet(SHEET.controller)!.autoFilter).toBe(`A2:AF${2 + controllers}`)
    for (const name of [SHEET.processor, SHEET.purposes, SHEET.evidence, SHEET.verification]) expect(workbook.getWorksheet(name)!.autoFilter, name).toBeTruthy()
    let workbookXml = ''
    await patchXlsx(bytes, { 'xl/workbook.xml': (xml) => (workbookXml = xml) })
    expect(workbookXml.replace(/&apos;/g, "'")).toMatch(/<definedName[^>]*name="_xlnm._FilterDatabase"[^>]*>'Controller register'!\$A\$2:\$AF\$\d+<\/definedName>/)
  }, 400_000)

  it('prints every page with the organisation and sheet at the top, and page, export time and fingerprint at the bottom; a record\'s register pages follow each other', async () => {
    const pdf = convert(await exported(), 'pdf', join(dir, 'pdf'))
    renameSync(pdf, join(dir, 'register.pdf'))
    const pages = execFileSync('pdftotext', ['-layout', join(dir, 'register.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '')
    expect(pages.length).toBeGreaterThan(5)
    // The fingerprint of the whole export, as its Verification sheet states it.
    const short = (await verifyWorkbook(new Uint8Array(readFileSync(await exported())))).fingerprint.slice(0, 16)
    expect(short).toMatch(/^[0-9a-f]{16}$/)
    pages.forEach((page, index) => {
      expect(page).toContain('Example Trading Ltd')
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`)
      expect(page).toContain('Exported 2025-09-01 12:00 UTC')
      expect(page).toContain(`Export fingerprint ${short}`)
    })
    // The controller register is three A3 pages wide; PA-0001's row is on three consecutive pages, each with the reference repeated.
    const withFirstRecord = pages.flatMap((page, index) => (page.includes(SHEET.controller) && page.includes('PA-0001') ? [index] : []))
    expect(withFirstRecord.length).toBe(3)
    expect(withFirstRecord[2]! - withFirstRecord[0]!).toBe(2)
  }, 400_000)
})
