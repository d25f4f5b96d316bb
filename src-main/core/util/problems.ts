/**
 * A problem found in user-supplied input (a template pack, a backup, a workbook row):
 * where it is and which rule it breaks. Shared so that every importer reports alike.
 */
import type { MessageRef } from '../i18n/message'

export interface Problem {
  /** Where the problem is, e.g. a JSON path `$.activities[2].purposes[0].quotes[1]`. */
  path: string
  /** In English: what the CLI prints, and the text of a problem that carries no `ref`. */
  message: string
  /** The message as a catalogue key with parameters, for the interface to say in its own language. */
  ref?: MessageRef
  /** `path` as a message, where it holds words (`legacy.csv: line 3`), for the interface to say in its own language. */
  pathRef?: MessageRef
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** A JSON path (`$.a.b[0]["odd key"]`) for a list of keys and indexes. */
export function formatJsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let path = '$'
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) path += `.${segment}`
    else path += `[${JSON.stringify(String(segment))}]`
  }
  return path
}

/** One line per problem: `<label>: <path>: <message>`, the format the CLI prints. */
export function formatProblem(label: string, problem: Problem): string {
  return `${label}: ${problem.path}: ${problem.message}`
}
