/**
 * Writes docs/backup.schema.json from the zod schema in src-main/core/backup/backup-format.ts.
 * Run after changing the backup format or the record model:
 *   node --import tsx scripts/generate-backup-schema.ts
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { backupJsonSchemaText } from '../src-main/core/backup/backup-format'

const target = resolve(import.meta.dirname, '..', 'docs', 'backup.schema.json')
writeFileSync(target, backupJsonSchemaText())
process.stdout.write(`wrote ${target}\n`)
