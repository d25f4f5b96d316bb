/**
 * What the pack checks say (`packProblems` catalogue): each problem keeps its English text for
 * the CLI and carries its key, so the app says it in the interface's language. The pack schema's
 * own zod messages are English strings zod hands back; `schemaMessage` remembers the key behind
 * each, so that the problem made from a zod issue gets its key too.
 */
import { inEnglish } from '../i18n/problem'
import { isMessageRef, msg, type MessageParam, type MessageRef } from '../i18n/message'
import type { Problem } from '../util/problems'

/** A key of the `packProblems` catalogue with its parameters. */
export const packProblem = (key: string, params?: Record<string, MessageParam>): MessageRef => msg(`packProblems:${key}`, params)

/** A problem at `path`, said in English and carrying its key. */
export function packProblemAt(path: string, key: string, params?: Record<string, MessageParam>): Problem {
  return problemOf(path, packProblem(key, params))
}

/** A problem at `path` from a message already made. */
export function problemOf(path: string, ref: MessageRef): Problem {
  return { path, message: inEnglish(ref), ref }
}

const refByMessage = new Map<string, MessageRef>()

/** A message for the pack schema (zod takes strings): the English text, its key remembered for `schemaMessageRef`. */
export function schemaMessage(key: string, params?: Record<string, MessageParam>): string {
  const ref = packProblem(key, params)
  const english = inEnglish(ref)
  refByMessage.set(english, ref)
  return english
}

/** The key behind a message `schemaMessage` made, if it made it. */
export function schemaMessageRef(message: string): MessageRef | undefined {
  return refByMessage.get(message)
}

/** A custom zod issue's message and key: `context.addIssue({ code: 'custom', path, ...customIssue(key, params) })`. */
export function customIssue(key: string, params?: Record<string, MessageParam>): { message: string; params: { ref: MessageRef } } {
  const ref = packProblem(key, params)
  return { message: inEnglish(ref), params: { ref } }
}

/** The key a custom issue carries (see `customIssue`). */
export function customIssueRef(params: unknown): MessageRef | undefined {
  const ref = typeof params === 'object' && params !== null ? (params as { ref?: unknown }).ref : undefined
  return isMessageRef(ref) ? ref : undefined
}
