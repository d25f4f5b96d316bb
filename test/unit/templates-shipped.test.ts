import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { recordFormSchema } from '@core/records/model'
import { recordFromActivity } from '@core/templates/instantiate'
import { packJsonSchemaText } from '@core/templates/pack-json-schema'
import { PACK_SCHEMA_FILE_NAME } from '@core/templates/validate-pack'
import { SHIPPED_TEMPLATES_DIR, listPackFiles, validatePackFile } from '../../src-main/cli/template-commands'

/** The packs the product ships, one per vendor policy in /work/shared/policies. */
const EXPECTED_PACK_IDS = ['first-resonance', 'haivision', 'harmonic-ai', 'kaltura', 'tensoropera']

const packFiles = listPackFiles(SHIPPED_TEMPLATES_DIR)

describe('shipped template packs', () => {
  it('exist in templates/', () => {
    expect(packFiles.length).toBeGreaterThan(0)
  })

  it('are the five vendor packs', () => {
    expect(packFiles.map((file) => basename(file, '.json'))).toEqual(EXPECTED_PACK_IDS)
  })

  describe.each(packFiles.map((file) => [basename(file), file]))('%s', (_name, file) => {
    const result = validatePackFile(file)

    it('validates, with its policy text shipped and every quote found verbatim in it', () => {
      expect(result.ok ? [] : result.problems).toEqual([])
      if (!result.ok) return
      // Warnings name unchecked quotes; a shipped pack must have all of them checked.
      expect(result.warnings.filter((warning) => /not checked/.test(warning.message))).toEqual([])
      expect(result.pack.source.file).not.toBe('')
      expect(`${result.pack.id}.json`).toBe(basename(file))
    })

    it('gives a valid record for every activity', () => {
      if (!result.ok) throw new Error('the pack is invalid, see the test above')
      for (const activity of result.pack.activities) {
        const record = recordFromActivity(result.pack, activity.id)
        const parsed = recordFormSchema.safeParse(record)
        expect({ activity: activity.id, issues: parsed.error?.issues ?? [] }).toEqual({ activity: activity.id, issues: [] })
      }
    })
  })
})

describe('templates/template-pack.schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run scripts/generate-pack-schema.ts after changing the format)', () => {
    expect(readFileSync(resolve(SHIPPED_TEMPLATES_DIR, PACK_SCHEMA_FILE_NAME), 'utf8')).toBe(packJsonSchemaText())
  })
})
