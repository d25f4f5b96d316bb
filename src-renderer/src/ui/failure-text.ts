/**
 * Plain-language text for a failed action: "Could not save: the disk or browser storage is
 * full …". IndexedDB and Dexie report failures by error name (often wrapped: Dexie's
 * AbortError carries the cause in `inner`), which means nothing to a DPO.
 */
import { describeFieldPath } from '@core/records/field-names'

const STORAGE_FULL = 'the disk or browser storage is full. Free some disk space, then try again'

/** Human text per error name, for the names IndexedDB, Dexie and zod use. */
const REASONS: Record<string, string> = {
  QuotaExceededError: STORAGE_FULL,
  VersionError: 'the database on this computer was written by a newer version of the app. Update the app, or close it and open it again',
  VersionChangeError: 'the database is being upgraded by another window of the app. Close the other windows, then reload this one',
  DatabaseClosedError: 'the database was closed, usually because another window of the app is upgrading it. Close the other windows, then reload this one',
  OpenFailedError: 'the database could not be opened. Close other windows of the app, then reload this one',
  UnknownError: 'the browser storage could not read or write the disk. Check the disk has space and is working, then try again',
  InvalidStateError: 'the database was closed while the change was being made. Reload the app, then try again',
  TransactionInactiveError: 'the database transaction ended before the change was written. Try again',
  ReadOnlyError: 'the database is read-only at the moment. Reload the app, then try again',
  DataCloneError: 'a value could not be stored (it is not plain data). Please report this',
  TimeoutError: 'the database took too long to answer. Try again',
  AbortError: 'the database cancelled the change before it was written. Try again',
  RecordNotFoundError: 'the record no longer exists. It may have been deleted in another window'
}

interface ErrorLike {
  name?: unknown
  message?: unknown
  inner?: unknown
  cause?: unknown
  issues?: unknown
}

/** The error and the causes it wraps, outermost first (Dexie's `inner`, the standard `cause`). */
function causeChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = []
  let current: unknown = error
  while (current && typeof current === 'object' && chain.length < 8) {
    const link: ErrorLike = current
    if (chain.includes(link)) break
    chain.push(link)
    current = link.inner ?? link.cause
  }
  return chain
}

/** An AbortError only says the transaction stopped: a more specific cause in the chain wins. */
function knownReason(chain: readonly ErrorLike[]): string | undefined {
  const names = chain.map((link) => (typeof link.name === 'string' ? link.name : '')).filter((name) => name in REASONS)
  const specific = names.find((name) => name !== 'AbortError') ?? names[0]
  return specific ? REASONS[specific] : undefined
}

function validationReason(error: ErrorLike): string | undefined {
  if (error.name !== 'ZodError' || !Array.isArray(error.issues)) return undefined
  const issues = (error.issues as Array<{ path?: unknown[]; message?: string }>).slice(0, 3).map((issue) => {
    const path = (issue.path ?? []).map(String).join('.')
    return path ? `${describeFieldPath(path)}: ${issue.message ?? 'not valid'}` : (issue.message ?? 'not valid')
  })
  return `some values are not valid (${issues.join('; ')})`
}

/** Why it failed, in words for the user (no error class names, no field paths). */
export function failureReason(error: unknown): string {
  const chain = causeChain(error)
  const known = knownReason(chain)
  if (known) return known
  const first = chain[0]
  if (first) {
    const validation = validationReason(first)
    if (validation) return validation
  }
  const message = first && typeof first.message === 'string' ? first.message : typeof error === 'string' ? error : ''
  return message.trim() || 'an unexpected error occurred'
}

/** "Could not save: the disk or browser storage is full. Free some disk space, then try again." */
export function describeFailure(failure: string, error: unknown): string {
  const reason = failureReason(error)
  return `${failure}: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}`
}
