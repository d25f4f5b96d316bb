/**
 * Issue #13, refused files: every reason the app gives for not reading a workbook, a spreadsheet
 * or a picked file carries its `fileProblems` key, so the interface says it in French and German
 * (numbers and sizes written that language's way), while the English the CLI prints stays.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { translateMessage } from '@core/i18n/catalogues'
import { formatNumberIn, type MessageRef } from '@core/i18n/message'
import { readSpreadsheet } from '@core/migration/read-spreadsheet'
import type { Problem } from '@core/util/problems'
import { setValidationLocale } from '@core/i18n/validation'
import { readWorkbook } from '@core/workbook/read-workbook'
import { verifyWorkbook } from '@core/workbook/verify-workbook'
import { readFileWithLimit } from '../../src-main/files'
import { invalidOrganisationProfile, workbookWithOrganisationEdited } from '../fixtures/workbooks/organisation-edited'
import { workbookWithSheet, zipOf } from '../fixtures/workbooks/zip-of'
import { ropa } from '../fixtures/run-ropa'
import { readWorkbookInBackground } from '../../src-renderer/src/export/workbook-reader'
import { i18n } from '../../src-renderer/src/i18n/i18n'
import { problemMessage, problemPath, refusalReason } from '../../src-renderer/src/i18n/messages'
import { runInBackground } from '../../src-renderer/src/migration/spreadsheet-reader'
import type { JobWorker } from '../../src-renderer/src/ui/worker-job'
import { failureReason } from '../../src-renderer/src/ui/failure-text'
import type { ReaderMessage, ReadRequest } from '../../src-renderer/src/export/workbook-reader-protocol'
import type { MigrationRequest, MigrationWorkerMessage } from '../../src-renderer/src/migration/spreadsheet-reader-protocol'

const NNBSP = '\u202f'
const NBSP = '\u00a0'

/** The one problem of a refused file, checked to carry a ref whose English is the message the CLI prints. */
function refusedWith(result: { ok: boolean; problems?: Problem[] }): Problem & { ref: NonNullable<Problem['ref']> } {
  expect(result.ok).toBe(false)
  expect(result.problems).toHaveLength(1)
  const problem = result.problems![0]!
  expect(problem.ref, `no ref on "${problem.message}"`).toBeDefined()
  expect(translateMessage(problem.ref!, 'en')).toBe(problem.message)
  return problem as Problem & { ref: NonNullable<Problem['ref']> }
}

const inFrench = (problem: Problem) => translateMessage(problem.ref!, 'fr')
const inGerman = (problem: Problem) => translateMessage(problem.ref!, 'de')

describe('a refused workbook, in French and German', () => {
  it('a zip cut short: no central directory', async () => {
    const whole = workbookWithSheet('<sheetData/>')
    const problem = refusedWith(await readWorkbook(whole.slice(0, Math.floor(whole.length / 2)), [], { fileName: 'cut.xlsx' }))
    expect(problem.message).toBe('cut.xlsx is damaged: the zip archive has no central directory (was it cut short?)')
    expect(inFrench(problem)).toBe('cut.xlsx est endommagé : l’archive zip n’a pas de répertoire central (a-t-elle été tronquée ?)')
    expect(inGerman(problem)).toBe('cut.xlsx ist beschädigt: das Zip-Archiv hat kein zentrales Verzeichnis (wurde es abgeschnitten?)')
  })

  it('"Verify a workbook" refuses it in the same words', async () => {
    const whole = workbookWithSheet('<sheetData/>')
    const verification = await verifyWorkbook(whole.slice(0, 100), 'cut.xlsx')
    const problem = refusedWith(verification)
    expect(inGerman(problem)).toBe('cut.xlsx ist beschädigt: das Zip-Archiv hat kein zentrales Verzeichnis (wurde es abgeschnitten?)')
  })

  it('a zip bomb: the entry, both sizes and the ratio, sizes in the language’s units and decimal mark', async () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', new Uint8Array(50 * 1024 * 1024))
    const problem = refusedWith(await readWorkbook(bomb, [], { fileName: 'bomb.xlsx' }))
    expect(problem.message).toMatch(/^bomb\.xlsx looks like a zip bomb: entry "xl\/worksheets\/sheet1\.xml" inflates [\d.]+ KB \(\d+ bytes\) to 50 MB \(52428800 bytes\) \(more than 200 times\); refused$/)
    expect(inFrench(problem)).toMatch(
      new RegExp(`^bomb\\.xlsx ressemble à une bombe zip : l’entrée « xl/worksheets/sheet1\\.xml » passe de \\d+,\\d\\d${NBSP}Ko \\(\\d+${NBSP}octets\\) à 50${NBSP}Mo \\(52428800${NBSP}octets\\) une fois décompressée \\(plus de 200 fois\\) ; refusé$`)
    )
    expect(inGerman(problem)).toMatch(
      new RegExp(`^bomb\\.xlsx sieht wie eine Zip-Bombe aus: der Eintrag „xl/worksheets/sheet1\\.xml“ entpackt \\d+,\\d\\d${NBSP}KB \\(\\d+${NBSP}Byte\\) zu 50${NBSP}MB \\(52428800${NBSP}Byte\\) \\(mehr als das 200-Fache\\); abgelehnt$`)
    )
  })

  it('a sheet declaring <col min="1" max="99999999999"/>: the sheet by its name, the numbers grouped as the language groups them', async () => {
    const hostile = workbookWithSheet('<cols><col min="1" max="99999999999" width="9"/></cols><sheetData/>', 'Verarbeitungen')
    const problem = refusedWith(await readWorkbook(hostile, [], { fileName: 'invoice.xlsx' }))
    expect(problem.message).toBe(
      `invoice.xlsx: sheet 'Verarbeitungen' declares columns 1 to 99,999,999,999 (<col min="1" max="99999999999">); a sheet has at most 16,384 columns. The file is damaged or made to crash the app, so it was not read`
    )
    expect(inFrench(problem)).toBe(
      `invoice.xlsx : la feuille « Verarbeitungen » déclare les colonnes 1 à 99${NNBSP}999${NNBSP}999${NNBSP}999 (<col min="1" max="99999999999">) ; une feuille compte au plus 16${NNBSP}384 colonnes. Le fichier est endommagé ou conçu pour faire planter l’application : il n’a donc pas été lu`
    )
    expect(inGerman(problem)).toBe(
      'invoice.xlsx: das Tabellenblatt „Verarbeitungen“ gibt die Spalten 1 bis 99.999.999.999 an (<col min="1" max="99999999999">); ein Tabellenblatt hat höchstens 16.384 Spalten. Die Datei ist beschädigt oder darauf angelegt, die Anwendung abstürzen zu lassen, und wurde daher nicht gelesen'
    )
  })

  it('a cell beyond the last column, and rows numbered up to Excel’s last in a tiny file (the cell budget)', async () => {
    const beyond = refusedWith(await readWorkbook(workbookWithSheet('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>'), [], { fileName: 'wide.xlsx' }))
    expect(beyond.message).toMatch(/^wide\.xlsx: sheet 'Register' has a cell at XFE1, beyond the last column; a sheet has at most 16,384 columns\./)
    expect(inGerman(beyond)).toMatch(/^wide\.xlsx: das Tabellenblatt „Register“ hat eine Zelle in XFE1, jenseits der letzten Spalte; ein Tabellenblatt hat höchstens 16\.384 Spalten\./)
    const tall = refusedWith(await readWorkbook(workbookWithSheet('<sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>'), [], { fileName: 'tall.xlsx' }))
    expect(tall.message).toMatch(/^tall\.xlsx: sheet 'Register' numbers its rows up to 1,048,576, which would take more than [\d,]+ cells in memory for a [\d.]+ KB \(\d+ bytes\) file;/)
    expect(inFrench(tall)).toMatch(new RegExp(`^tall\\.xlsx : la feuille « Register » numérote ses lignes jusqu’à 1${NNBSP}048${NNBSP}576, ce qui occuperait plus de [\\d${NNBSP}]+ cellules en mémoire pour un fichier de \\d+,\\d\\d${NBSP}Ko`))
  })

  it('a workbook exceljs cannot read: the library’s error in words, its own text only as a technical detail', async () => {
    const unclosed = workbookWithSheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Item</t></is></row></sheetData>')
    const problem = refusedWith(await readWorkbook(unclosed, [], { fileName: 'a.xlsx' }))
    expect(problem.message).toMatch(/^a\.xlsx is not a readable \.xlsx workbook: one of its parts is not well-formed XML, so it was damaged or written by a faulty program \(technical detail: /)
    expect(inFrench(problem)).toMatch(/^a\.xlsx n’est pas un classeur \.xlsx lisible : l’une de ses parties n’est pas du XML bien formé : il a été endommagé ou écrit par un programme défaillant \(détail technique : /)
  })

  it('no register headings: the sheets named as typed, the expected English headings quoted', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Einkäufe').addRow(['Artikel', 'Preis'])
    workbook.addWorksheet('Notes').addRow(['Milk'])
    const problem = refusedWith(await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), [], { fileName: 'liste.xlsx' }))
    expect(problem.path).toBe('liste.xlsx')
    expect(problem.message).toBe(
      `no recognisable register headings in the first 20 rows of any sheet (sheets: 'Einkäufe', 'Notes'); expected at least 3 headings such as "Purpose of processing", "Categories of individuals", "Categories of personal data", "Retention schedule"`
    )
    expect(inGerman(problem)).toBe(
      'keine erkennbaren Verzeichnis-Überschriften in den ersten 20 Zeilen der Blätter („Einkäufe“, „Notes“); erwartet werden mindestens 3 englische Überschriften wie „Purpose of processing“, „Categories of individuals“, „Categories of personal data“, „Retention schedule“'
    )
    expect(inFrench(problem)).toMatch(/^aucun en-tête de registre reconnaissable dans les 20 premières lignes des feuilles \(« Einkäufe », « Notes »\) ; il en faut au moins 3, en anglais,/)
  })
})

describe('a row the workbook import cannot take, in French and German', () => {
  afterEach(() => setValidationLocale('en'))

  it('names the cell and the field in the editor’s words, with the schema’s own message in the language', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Register')
    sheet.addRow(['Name', 'Description', 'Last reviewed'])
    sheet.addRow(['Payroll', 'Pays the staff', '2026-02-31'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const read = async () => {
      const result = await readWorkbook(bytes, [], { fileName: 'ico.xlsx', now: '2026-12-06T00:00:00.000Z' })
      if (!result.ok) throw new Error('ico.xlsx was refused')
      const row = result.preview.rows[0]!
      expect(row.status).toBe('invalid')
      expect(translateMessage(row.reasonRef!, 'en')).toBe(row.reason)
      return row
    }
    expect((await read()).reason).toBe("'Register'!C2: not valid: Last reviewed: Use a real date in the form YYYY-MM-DD")
    setValidationLocale('de')
    expect(translateMessage((await read()).reasonRef!, 'de')).toBe("'Register'!C2: ungültig: Zuletzt überprüft: Geben Sie ein gültiges Datum im Format JJJJ-MM-TT ein")
  })
})

describe('an organisation profile the workbook import cannot take', () => {
  afterEach(() => setValidationLocale('en'))

  it('names each field as the Organisation page does, in the reader’s language, not as a JSON path', async () => {
    const bytes = await workbookWithOrganisationEdited(invalidOrganisationProfile)
    const read = async () => refusedWith(await readWorkbook(bytes, [], { fileName: 'register.xlsx' }))
    const problem = await read()
    expect(problem.path).toBe("'Data'!D2")
    expect(problem.message).toBe(
      'the organisation profile in the hidden Data sheet is not valid (Data Protection Officer › E-mail: Enter a valid e-mail address, e.g. dpo@example.org; Joint controller 1 › Name: Joint controller name is required), so the workbook cannot be re-imported exactly'
    )
    setValidationLocale('de')
    expect(inGerman(await read())).toMatch(/^das Organisationsprofil im verborgenen Blatt Data ist nicht gültig \(Datenschutzbeauftragter › E-Mail: .+; Gemeinsam Verantwortlicher 1 › Name: .+\); daher/)
    expect(inGerman(await read())).not.toMatch(/dpo\.email|jointControllers/)
  })
})

describe('a refused spreadsheet for the guided import, in French and German', () => {
  it('a CSV with an unclosed quote: the line, and the word "line", in the language', async () => {
    const csv = new TextEncoder().encode('Name;Purpose\nPayroll;Pay staff\n"Recruiting;Hire people\n')
    const problem = refusedWith(await readSpreadsheet('legacy.csv', csv))
    expect(problem.path).toBe('legacy.csv: line 3')
    expect(problem.message).toBe('a quoted value is not closed (Quoted field unterminated)')
    expect(problem.pathRef).toBeDefined()
    expect(translateMessage(problem.pathRef!, 'en')).toBe(problem.path)
    expect(translateMessage(problem.pathRef!, 'fr')).toBe('legacy.csv : ligne 3')
    expect(translateMessage(problem.pathRef!, 'de')).toBe('legacy.csv: Zeile 3')
    expect(inFrench(problem)).toBe('une valeur entre guillemets n’est pas refermée (détail technique : Quoted field unterminated)')
    expect(inGerman(problem)).toBe('ein Wert in Anführungszeichen wird nicht geschlossen (technisches Detail: Quoted field unterminated)')
  })

  it('an empty file, a file of another kind, and an .xlsx that is no zip', async () => {
    expect(inGerman(refusedWith(await readSpreadsheet('leer.csv', new Uint8Array())))).toBe('leer.csv ist leer')
    expect(inFrench(refusedWith(await readSpreadsheet('registre.pdf', new TextEncoder().encode('%PDF-1.4'))))).toBe(
      'registre.pdf n’est pas un tableur que cette application sait lire : utilisez un classeur .xlsx ou .ods, ou un fichier .csv'
    )
    expect(inGerman(refusedWith(await readSpreadsheet('register.xlsx', new TextEncoder().encode('PK not a zip at all, just text long enough'))))).toBe(
      'register.xlsx ist beschädigt: das Zip-Archiv hat kein zentrales Verzeichnis (wurde es abgeschnitten?)'
    )
  })

  it('the hostile sheet of a guided import, refused by the same guard', async () => {
    const problem = refusedWith(await readSpreadsheet('alt.xlsx', workbookWithSheet('<cols><col min="1" max="99999999999"/></cols><sheetData/>')))
    expect(inGerman(problem)).toMatch(/^alt\.xlsx: das Tabellenblatt „Register“ gibt die Spalten 1 bis 99\.999\.999\.999 an/)
  })
})

describe('a picked file the open dialog refuses', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ropa-file-problems-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('too large: its size and the limit, in the language’s units', async () => {
    const path = join(folder, 'huge.xlsx')
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024 + 200 * 1024))
    const refused = await readFileWithLimit(path, 1024 * 1024)
    if (refused.status !== 'refused') throw new Error('huge.xlsx was opened')
    expect(refused.reason).toBe('huge.xlsx is 3.2 MB; the limit is 1.0 MB')
    expect(translateMessage(refused.reasonRef!, 'fr')).toBe(`huge.xlsx pèse 3,2${NBSP}Mo ; la limite est de 1,0${NBSP}Mo`)
    expect(translateMessage(refused.reasonRef!, 'de')).toBe(`huge.xlsx ist 3,2${NBSP}MB groß; die Grenze liegt bei 1,0${NBSP}MB`)
  })

  it('a folder: not a regular file', async () => {
    const refused = await readFileWithLimit(folder, 100)
    if (refused.status !== 'refused') throw new Error('the folder was opened')
    expect(translateMessage(refused.reasonRef!, 'de')).toMatch(/ ist keine reguläre Datei$/)
  })
})

describe('the command line', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ropa-file-problems-cli-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('says a refused file in English, and in the language of --lang where the command has it', async () => {
    const hostile = join(folder, 'hostile.xlsx')
    writeFileSync(hostile, workbookWithSheet('<cols><col min="1" max="99999999999"/></cols><sheetData/>'))
    const english = await ropa(['verify', hostile])
    expect(english.code).toBe(1)
    expect(english.stderr).toContain(`${hostile}: sheet 'Register' declares columns 1 to 99,999,999,999`)
    expect((await ropa(['verify', hostile, '--lang', 'de'])).stderr).toContain(`${hostile}: das Tabellenblatt „Register“ gibt die Spalten 1 bis 99.999.999.999 an`)
    const checked = await ropa(['check', hostile, '--lang', 'fr'])
    expect(checked.code).toBe(2)
    expect(checked.stderr).toContain(`la feuille « Register » déclare les colonnes 1 à 99${NNBSP}999${NNBSP}999${NNBSP}999`)
    const csv = join(folder, 'legacy.csv')
    writeFileSync(csv, 'Name;Purpose\n"Payroll;Pay staff\n')
    // `ropa import` has no --lang: English, the file named once, then the line.
    expect((await ropa(['import', csv, '-o', join(folder, 'out.json')])).stderr).toBe(`${csv}: line 2: a quoted value is not closed (Quoted field unterminated)\n`)
  })
})

describe('numbers in messages', () => {
  it('are grouped and marked the way each language writes them', () => {
    expect([formatNumberIn(16384, 'en'), formatNumberIn(16384, 'fr'), formatNumberIn(16384, 'de')]).toEqual(['16,384', `16${NNBSP}384`, '16.384'])
    expect([formatNumberIn(1234.5, 'en', 2), formatNumberIn(1234.5, 'fr', 2), formatNumberIn(1234.5, 'de', 2)]).toEqual(['1,234.50', `1${NNBSP}234,50`, '1.234,50'])
    expect([formatNumberIn(999, 'de'), formatNumberIn(-2_000_000, 'en'), formatNumberIn(0.5, 'fr', 1)]).toEqual(['999', '-2,000,000', '0,5'])
  })
})

/** A worker that starts and then answers with `answer.message`, or crashes with `answer.crash`. */
function workerAnswering<Request, Message>(answer: { message: Message } | { crash: string }): () => JobWorker<Request, Message> {
  return () => {
    const worker: JobWorker<Request, Message> = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage: () => {
        queueMicrotask(() => {
          if ('crash' in answer) worker.onerror?.({ message: answer.crash, preventDefault: () => undefined } as ErrorEvent)
          else worker.onmessage?.({ data: answer.message } as MessageEvent<Message>)
        })
      },
      terminate: () => undefined
    }
    queueMicrotask(() => worker.onmessage?.({ data: { type: 'started' } } as MessageEvent<Message>))
    return worker
  }
}

describe('the screens, in the interface’s language', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  it('show a refused file’s problem, its place in words, and the open dialog’s refusal in German', async () => {
    await i18n.changeLanguage('de')
    const csv = refusedWith(await readSpreadsheet('legacy.csv', new TextEncoder().encode('A;B\n"x;y\n')))
    expect([problemPath(csv), problemMessage(csv)]).toEqual(['legacy.csv: Zeile 2', 'ein Wert in Anführungszeichen wird nicht geschlossen (technisches Detail: Quoted field unterminated)'])
    const refused = { reason: 'big.xlsx is 70.0 MB; the limit is 60.0 MB', reasonRef: undefined }
    expect(refusalReason(refused)).toBe(refused.reason)
    const folder = mkdtempSync(join(tmpdir(), 'ropa-file-problems-'))
    try {
      const opened = await readFileWithLimit(folder, 10)
      expect(opened.status === 'refused' && refusalReason(opened)).toMatch(/ist keine reguläre Datei$/)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('say a reading worker’s own failure, and the guided import’s crash, in French', async () => {
    await i18n.changeLanguage('fr')
    const ref: MessageRef = { key: 'fileProblems:notRead', params: { file: 'x.xlsx', detail: { key: 'fileProblems:library.tooLarge', params: { detail: '' } } } }
    const reading = readWorkbookInBackground(new Uint8Array([1]), [], { fileName: 'x.xlsx', createWorker: workerAnswering<ReadRequest, ReaderMessage>({ message: { type: 'failed', message: 'x.xlsx could not be read: it is too large or too deeply nested to read', ref } }) })
    const failed: unknown = await reading.result.catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(Error)
    expect((failed as Error).message).toBe('x.xlsx could not be read: it is too large or too deeply nested to read')
    expect(failureReason(failed)).toBe('x.xlsx n’a pas pu être lu : il est trop grand ou trop profondément imbriqué pour être lu')
    const crashed = runInBackground({ kind: 'read', bytes: new Uint8Array([1]), fileName: 'legacy.ods' }, { createWorker: workerAnswering<MigrationRequest, MigrationWorkerMessage>({ crash: 'Out of memory' }) })
    await expect(crashed.result).rejects.toThrow('L’import du tableur s’est arrêté de façon inattendue pendant la lecture de legacy.ods (Out of memory). Le fichier est peut-être trop volumineux ou endommagé ; rien n’a été enregistré.')
  })
})
