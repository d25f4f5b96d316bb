/**
 * The JSON Schema of the pack format, generated from the zod schema so that the two cannot
 * drift: scripts/generate-pack-schema.ts writes it to templates/template-pack.schema.json and a
 * test compares the committed file with this output. Editors use it to complete pack files.
 */
import { z } from 'zod'
import { PACK_FORMAT_VERSION, templatePackSchema } from './pack-schema'

/** `io: 'input'`: describes what authors write (fields with defaults are optional). */
export function packJsonSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(templatePackSchema, { io: 'input' }),
    title: `RoPA template pack, format ${PACK_FORMAT_VERSION}`
  }
  return `${JSON.stringify(schema, null, 2)}\n`
}
