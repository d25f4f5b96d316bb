/**
 * The drafting assistant with its NLP layer: what the CLI and the app's drafting worker run.
 * `extract.ts` holds the rules and takes the analysis as data, so that the app's page, which
 * imports it for a selected passage, does not load the language model.
 */
import { draftFromPolicy, type DraftOptions } from './extract'
import { analyseText } from './nlp'
import type { Draft } from './proposal'

export function draftPolicy(text: string, options: Omit<DraftOptions, 'analysis'> = {}): Draft {
  return draftFromPolicy(text, { ...options, analysis: analyseText(text) })
}
