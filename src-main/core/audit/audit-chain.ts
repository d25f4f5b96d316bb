/**
 * The tamper-evident change log. Every change to a record, the organisation, a vendor or a
 * pack is appended as an entry that carries the SHA-256 of the entry before it, so that
 * editing or removing any stored entry breaks the chain at that point.
 */
import type { FieldChange } from '../records/diff'
import { sha256Hex } from '../util/sha256'
import { inEnglish, problemRef } from '../i18n/problem'
import type { MessageRef } from '../i18n/message'

export type AuditEntity = 'record' | 'organisation' | 'vendor' | 'pack' | 'register' | 'user'
export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'import' | 'approve'

/** Who made a change: the local user's stable id and the name they had at the time. */
export interface AuditPerson {
  /** Absent only in entries written before users had ids. */
  id?: string
  name: string
}

export interface AuditEntryContent {
  at: string
  /** The display name at the time of the change; never blank in new entries. */
  actor: string
  /** The user's stable id (survives renames); absent in entries written before ids existed. */
  actorId?: string
  entity: AuditEntity
  entityId: string
  action: AuditAction
  /** In English, as written (older readers, search and the CLI read it). */
  summary: string
  /** The summary as a catalogue key (`audit:*`), said in the reader's language; absent in entries written before it existed. */
  summaryRef?: MessageRef
  changes: FieldChange[]
}

export interface AuditEntry extends AuditEntryContent {
  /** Auto-incremented by storage; gives the chain its order. */
  seq?: number
  prevHash: string
  hash: string
}

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with sorted keys and `undefined` dropped, so that the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    }
    return inner
  })
}

/**
 * `actorId` and `summaryRef` are hashed when present (`canonicalJson` drops what is undefined): an
 * entry without them hashes exactly as it did before they existed, so older trails keep verifying.
 */
export function hashEntry(content: AuditEntryContent, prevHash: string): string {
  const { at, actor, actorId, entity, entityId, action, summary, summaryRef, changes } = content
  return sha256Hex(prevHash + canonicalJson({ at, actor, actorId, entity, entityId, action, summary, summaryRef, changes }))
}

export function chainEntry(content: AuditEntryContent, prevHash: string): AuditEntry {
  return { ...content, prevHash, hash: hashEntry(content, prevHash) }
}

export interface ChainBreak {
  seq: number | undefined
  index: number
  /** In English. */
  reason: string
  /** The reason as a catalogue key (`problems:chain.*`), for the interface's language. */
  reasonRef?: MessageRef
  /** `link`/`hash`: an entry fails; `anchor`: every entry links, but the chain does not end where the anchor says. */
  kind: 'link' | 'hash' | 'anchor'
}

/** A break's reason, in English and as its key. */
const because = (reasonRef: MessageRef) => ({ reason: inEnglish(reasonRef), reasonRef })

export type ChainVerification = { ok: true; entries: number } | { ok: false; entries: number; firstBreak: ChainBreak }

/**
 * The chain's head hash and length, kept apart from the entries (and printed on every workbook
 * Cover and in every backup). The chain alone cannot show that its newest entries were
 * removed; a head and count that no longer match the log can.
 */
export interface AuditAnchor {
  headHash: string
  count: number
}

/** The anchor of a chain as it stands (entries in order). */
export function anchorOf(entries: readonly AuditEntry[]): AuditAnchor {
  return { headHash: entries.at(-1)?.hash ?? GENESIS_HASH, count: entries.length }
}

/**
 * Checks each entry's link to the one before and its own hash, in order, then (when given)
 * that the chain ends where the anchor says: same number of entries, same newest hash.
 */
export function verifyChain(entries: readonly AuditEntry[], anchor?: AuditAnchor): ChainVerification {
  const linked = verifyLinks(entries)
  if (!linked.ok || !anchor) return linked
  const head = anchorOf(entries)
  if (head.count !== anchor.count) {
    const counts = { entries: head.count, anchored: anchor.count }
    const reasonRef =
      head.count < anchor.count
        ? anchor.count - head.count === 1
          ? problemRef('chain.newestRemoved', counts)
          : problemRef('chain.newestManyRemoved', { ...counts, missing: anchor.count - head.count })
        : problemRef('chain.added', counts)
    return { ok: false, entries: entries.length, firstBreak: { seq: entries.at(-1)?.seq, index: Math.max(0, head.count - 1), ...because(reasonRef), kind: 'anchor' } }
  }
  if (head.headHash !== anchor.headHash) {
    return {
      ok: false,
      entries: entries.length,
      firstBreak: { seq: entries.at(-1)?.seq, index: Math.max(0, head.count - 1), ...because(problemRef('chain.rewritten')), kind: 'anchor' }
    }
  }
  return linked
}

function verifyLinks(entries: readonly AuditEntry[]): ChainVerification {
  let prevHash = GENESIS_HASH
  for (const [index, entry] of entries.entries()) {
    if (entry.prevHash !== prevHash) {
      return { ok: false, entries: entries.length, firstBreak: { seq: entry.seq, index, ...because(problemRef('chain.link')), kind: 'link' } }
    }
    if (hashEntry(entry, entry.prevHash) !== entry.hash) {
      return { ok: false, entries: entries.length, firstBreak: { seq: entry.seq, index, ...because(problemRef('chain.hash')), kind: 'hash' } }
    }
    prevHash = entry.hash
  }
  return { ok: true, entries: entries.length }
}

export type AnchorComparison =
  | { result: 'unchanged'; count: number }
  | { result: 'rewritten'; count: number; hashNow: string }
  | { result: 'shorter'; count: number; entriesNow: number }

/**
 * Compares the trail with an anchor recorded earlier (from a workbook Cover or a backup): the
 * entry at that count must still carry that hash. This is what catches a rewrite that also
 * re-hashed the chain and its local anchor. Entries are in chain order.
 */
export function compareWithAnchor(entries: readonly AuditEntry[], earlier: AuditAnchor): AnchorComparison {
  if (earlier.count === 0) return { result: 'unchanged', count: 0 }
  if (entries.length < earlier.count) return { result: 'shorter', count: earlier.count, entriesNow: entries.length }
  const hashNow = entries[earlier.count - 1]?.hash ?? GENESIS_HASH
  return hashNow === earlier.headHash.trim().toLowerCase() ? { result: 'unchanged', count: earlier.count } : { result: 'rewritten', count: earlier.count, hashNow }
}
