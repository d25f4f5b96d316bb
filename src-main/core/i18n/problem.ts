/**
 * Problems and reasons the core reports, made from a catalogue key (`problems` namespace): the
 * English text for the CLI and for logs, and the key with its parameters for the interface.
 */
import type { Problem } from '../util/problems'
import { translateMessage } from './catalogues'
import type { Locale } from './index'
import { msg, type MessageParam, type MessageRef } from './message'

/** A key of the `problems` catalogue with its parameters. */
export const problemRef = (key: string, params?: Record<string, MessageParam>): MessageRef => msg(`problems:${key}`, params)

/** The English text of a message. */
export const inEnglish = (ref: MessageRef): string => translateMessage(ref, 'en')

/** A problem at `path`, said in English and carrying its key. */
export function problemAt(path: string, key: string, params?: Record<string, MessageParam>): Problem {
  const ref = problemRef(key, params)
  return { path, message: inEnglish(ref), ref }
}

/** A problem said in one language, where it carries keys (its message, and its place when that is words): for the CLI's `--lang`. */
export function problemIn(problem: Problem, locale: Locale): Problem {
  return { path: problem.pathRef ? translateMessage(problem.pathRef, locale) : problem.path, message: problem.ref ? translateMessage(problem.ref, locale) : problem.message }
}
