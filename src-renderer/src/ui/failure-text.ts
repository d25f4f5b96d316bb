/**
 * Plain-language text for a failed action: "Could not save: the disk or browser storage is
 * full …". IndexedDB and Dexie report failures by error name (often wrapped: Dexie's
 * AbortError carries the cause in `inner`), which means nothing to a DPO.
 */
import { isMessageRef } from '@core/i18n/message'
import { fieldInWords } from '../i18n/findings'
import { t } from '../i18n/i18n'
import { messageIn } from '../i18n/messages'

/** The error names IndexedDB, Dexie and zod use that have words of their own (catalogue `failure.reasons.<name>`). */
const KNOWN_ERRORS = [
  'QuotaExceededError',
  'VersionError',
  'VersionChangeError',
  'DatabaseClosedError',
  'OpenFailedError',
  'UnknownError',
  'InvalidStateError',
  'TransactionInactiveError',
  'ReadOnlyError',
  'DataCloneError',
  'TimeoutError',
  'AbortError',
  'RecordNotFoundError'
] as const
type KnownError = (typeof KNOWN_ERRORS)[number]
const isKnownError = (name: string): name is KnownError => (KNOWN_ERRORS as readonly string[]).includes(name)

interface ErrorLike {
  name?: unknown
  message?: unknown
  inner?: unknown
  cause?: unknown
  issues?: unknown
  /** A catalogue message (the core's `MessageError`): said in the interface's language. */
  ref?: unknown
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
  const names = chain.map((link) => (typeof link.name === 'string' ? link.name : '')).filter(isKnownError)
  const specific = names.find((name) => name !== 'AbortError') ?? names[0]
  return specific ? t(`failure.reasons.${specific}`) : undefined
}

function validationReason(error: ErrorLike): string | undefined {
  if (error.name !== 'ZodError' || !Array.isArray(error.issues)) return undefined
  const issues = (error.issues as Array<{ path?: unknown[]; message?: string }>).slice(0, 3).map((issue) => {
    const path = (issue.path ?? []).map(String).join('.')
    const message = issue.message ?? t('failure.notValid')
    return path ? `${fieldInWords(path)}: ${message}` : message
  })
  return t('failure.someValuesNotValid', { issues: issues.join('; ') })
}

/** Why it failed, in words for the user (no error class names, no field paths). */
export function failureReason(error: unknown): string {
  const chain = causeChain(error)
  const known = knownReason(chain)
  if (known) return known
  const said = chain.find((link) => isMessageRef(link.ref))?.ref
  if (isMessageRef(said)) return messageIn(said)
  const first = chain[0]
  if (first) {
    const validation = validationReason(first)
    if (validation) return validation
  }
  const message = first && typeof first.message === 'string' ? first.message : typeof error === 'string' ? error : ''
  return message.trim() || t('failure.unexpected')
}

/** "Could not save: the disk or browser storage is full. Free some disk space, then try again." */
export function describeFailure(failure: string, error: unknown): string {
  const reason = failureReason(error)
  return `${t('failure.sentence', { failure, reason })}${/[.!?]$/.test(reason) ? '' : '.'}`
}
