import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { recordFormSchema } from '@core/records/model'
import { recordFromActivity } from '@core/templates/instantiate'
import { packJsonSchemaText } from '@core/templates/pack-json-schema'
import { PACK_SCHEMA_FILE_NAME, collectQuotes } from '@core/templates/validate-pack'
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

    it('validates as format 2, every quote found verbatim in the policy text it embeds', () => {
      expect(result.ok ? [] : result.problems).toEqual([])
      if (!result.ok) return
      expect(result.warnings).toEqual([])
      expect(result.quotesChecked).toBe(true)
      expect(`${result.pack.id}.json`).toBe(basename(file))
    })

    it('is written in format 2 and embeds its policy, with that text\'s SHA-256, as the source the pack is drawn from', () => {
      const raw = JSON.parse(readFileSync(file, 'utf8'))
      expect(raw.formatVersion).toBe(2)
      expect(raw.source.file).toBeUndefined()
      expect(raw.sources).toHaveLength(1)
      const [policy] = raw.sources
      expect(policy.kind).toBe('privacy-policy')
      expect(policy.text.length).toBeGreaterThan(5000)
      expect(createHash('sha256').update(policy.text, 'utf8').digest('hex')).toBe(policy.sha256)
      expect(raw.source.sha256).toBe(policy.sha256)
      // Every quote, checked here independently of the validator.
      const normalised = policy.text.replace(/\s+/g, ' ')
      const quotes = collectQuotes(raw)
      expect(quotes.length).toBeGreaterThan(50)
      expect(quotes.filter(({ quote }) => !normalised.includes(quote.replace(/\s+/g, ' ').trim()))).toEqual([])
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
