/**
 * The legacy corpus (test/fixtures/legacy/, written by scripts/generate-legacy-corpus.ts), read
 * through the automatic mapping: for every file, every non-empty cell of every record row ends
 * up in the result (a record's import evidence, or a skipped row's cells), and no recipient is
 * a processor unless the sheet says so.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planImport, proposeMapping, readSpreadsheet, type ImportPlan, type Mapping, type SpreadsheetFile } from '@core/migration/index'
import { columnLetter } from '@core/workbook/columns'

export const LEGACY_DIR = join(import.meta.dirname, '..', 'fixtures', 'legacy')
const TODAY = '2026-12-06'

async function load(name: string): Promise<{ file: SpreadsheetFile; mapping: Mapping; plan: ImportPlan }> {
  const read = await readSpreadsheet(name, new Uint8Array(readFileSync(join(LEGACY_DIR, name))))
  if (!read.ok) throw new Error(JSON.stringify(read.problems))
  const mapping = proposeMapping(read.file)
  return { file: read.file, mapping, plan: planImport(read.file, mapping, { today: TODAY }) }
}

/** The non-empty cells below each table's headings, and every value cell of a fiche (not its contact rows), read straight from the grid. */
function recordRowCells(file: SpreadsheetFile, mapping: Mapping): Array<{ sheet: string; cell: string; text: string }> {
  const cells: Array<{ sheet: string; cell: string; text: string }> = []
  for (const sheetMapping of mapping.sheets) {
    const sheet = file.sheets.find((candidate) => candidate.name === sheetMapping.sheet)!
    const firstRow = sheetMapping.layout === 'table' ? sheetMapping.headerRow + 1 : 1
    for (let row = firstRow; row <= sheet.rows.length; row++) {
      const texts = sheet.rows[row - 1]!
      const first = texts.findIndex((text) => text.trim() !== '')
      for (const [index, text] of texts.entries()) {
        // A fiche's labels are headings, not values.
        if (text.trim() === '' || (sheetMapping.layout === 'fiches' && index === first)) continue
        cells.push({ sheet: sheet.name, cell: `${columnLetter(index + 1)}${row}`, text: text.trim() })
      }
    }
  }
  return cells
}

const PROCESSOR_WORDS = /processor|sous-traitant|auftragsverarbeiter/i
const CORPUS = readdirSync(LEGACY_DIR).sort()

describe('the legacy corpus', () => {
  it('holds the seven registers the migration must read', () => {
    expect(CORPUS).toEqual([
      'adherents-windows1252.csv',
      'cnil-fiches.ods',
      'cnil-registre.ods',
      'dsk-verzeichnis.xlsx',
      'half-incomplete.xlsx',
      'ico-controller.xlsx',
      'messy-register.xlsx'
    ])
  })

  for (const name of CORPUS) {
    it(`${name}: every non-empty cell of every record row is kept, and no recipient is a processor unless the sheet says so`, async () => {
      const { file, mapping, plan } = await load(name)
      expect(mapping.sheets.length).toBeGreaterThan(0)
      expect(plan.records.length).toBeGreaterThan(0)

      const kept = new Map<string, string>()
      for (const cell of [...plan.records.flatMap((planned) => planned.record.importedFrom), ...plan.problems.flatMap((problem) => problem.cells)]) {
        expect(cell.file).toBe(name)
        kept.set(`${cell.sheet}!${cell.cell}`, cell.text)
      }
      const source = recordRowCells(file, mapping)
      expect(source.length).toBeGreaterThan(5)
      for (const cell of source) expect(kept.get(`${cell.sheet}!${cell.cell}`), `${cell.sheet}!${cell.cell} "${cell.text}"`).toBe(cell.text)
      // Nothing kept that the sheet does not hold.
      expect(kept.size).toBe(source.length)

      for (const planned of plan.records) {
        const recipientCells = planned.record.importedFrom.filter((cell) => cell.field === 'recipients[]')
        for (const recipient of planned.record.recipients.filter((candidate) => candidate.type === 'processor')) {
          const said = recipientCells.some((cell) => cell.text.includes(recipient.name) && (PROCESSOR_WORDS.test(cell.text) || PROCESSOR_WORDS.test(cell.heading)))
          expect(said, `${planned.location}: ${recipient.name} is a processor without the sheet saying so`).toBe(true)
        }
      }
    })
  }

  it('reads each file into the records and evidence expected of it', async () => {
    const summaries: Record<string, { records: number; skipped: number; unmapped: string[] }> = {}
    for (const name of CORPUS) {
      const { plan } = await load(name)
      summaries[name] = { records: plan.summary.recordsMade, skipped: plan.problems.length, unmapped: plan.summary.columnsUnmapped.map((column) => column.heading) }
    }
    expect(summaries).toEqual({
      'adherents-windows1252.csv': { records: 3, skipped: 0, unmapped: [] },
      'cnil-fiches.ods': { records: 2, skipped: 0, unmapped: [] },
      'cnil-registre.ods': { records: 4, skipped: 0, unmapped: [] },
      'dsk-verzeichnis.xlsx': { records: 3, skipped: 0, unmapped: [] },
      'half-incomplete.xlsx': { records: 3, skipped: 1, unmapped: [] },
      'ico-controller.xlsx': { records: 5, skipped: 0, unmapped: [] },
      'messy-register.xlsx': { records: 3, skipped: 0, unmapped: ['Risk rating'] }
    })
  })
})
