/**
 * `npm run drafting:learn`: fits the drafting assistant's learned parts (`learn.ts`) on the five
 * shipped packs and the policies embedded in them, and writes the model the app and the CLI use
 * (`src-main/core/templates/drafting/learned-model.json`). Run it after changing a shipped pack,
 * the rules or the features; a unit test fails while the committed model is not the one these
 * packs give. The bench does not use this model: it fits one per pack on the other four.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fitDraftingModel, type TrainingPolicy } from '../src-main/core/templates/drafting/learn'
import { analyseText } from '../src-main/core/templates/drafting/nlp'
import { embeddedPolicyText } from '../src-main/core/templates/drafting/proposals-from-pack'
import { isPackFileName, validatePackText } from '../src-main/core/templates/validate-pack'

const ROOT = join(import.meta.dirname, '..')
export const LEARNED_MODEL_FILE = join(ROOT, 'src-main', 'core', 'templates', 'drafting', 'learned-model.json')

/** The shipped packs with their embedded policy and its NLP analysis, in file order. */
export function shippedTrainingPolicies(): TrainingPolicy[] {
  const directory = join(ROOT, 'templates')
  return readdirSync(directory)
    .filter(isPackFileName)
    .sort()
    .map((file) => {
      const validation = validatePackText(readFileSync(join(directory, file), 'utf8'))
      if (!validation.ok) throw new Error(`${file}: not a valid pack`)
      const text = embeddedPolicyText(validation.pack)
      return { pack: validation.pack, text, analysis: analyseText(text) }
    })
}

export function learnedModelJson(): string {
  return `${JSON.stringify(fitDraftingModel(shippedTrainingPolicies()), null, 2)}\n`
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(LEARNED_MODEL_FILE, learnedModelJson())
  console.log(`${LEARNED_MODEL_FILE}: written`)
}
