/**
 * Writes templates/template-pack.schema.json from the zod schema in
 * src-main/core/templates/pack-schema.ts. Run after changing the pack format:
 *   node --import tsx scripts/generate-pack-schema.ts
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { packJsonSchemaText } from '../src-main/core/templates/pack-json-schema'
import { PACK_SCHEMA_FILE_NAME } from '../src-main/core/templates/validate-pack'

const target = resolve(import.meta.dirname, '..', 'templates', PACK_SCHEMA_FILE_NAME)
writeFileSync(target, packJsonSchemaText())
process.stdout.write(`wrote ${target}\n`)
