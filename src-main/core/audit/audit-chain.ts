/**
 * The tamper-evident change log. Every change to a record, the organisation, a vendor or a
 * pack is appended as an entry that carries the SHA-256 of the entry before it, so that
 * editing or removing any stored entry breaks the chain at that point.
 */
import type { FieldChange } from '../records/diff'
import { sha256Hex } from '../util/sha256'

export type AuditEntity = 'record' | 'organisation' | 'vendor' | 'pack' | 'register'
export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'import' | 'approve'

export interface AuditEntryContent {
  at: string
  actor: string
  entity: AuditEntity
  entityId: string
  action: AuditAction
  summary: string
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

export function hashEntry(content: AuditEntryContent, prevHash: string): string {
  const { at, actor, entity, entityId, action, summary, changes } = content
  return sha256Hex(prevHash + canonicalJson({ at, actor, entity, entityId, action, summary, changes }))
}

export function chainEntry(content: AuditEntryContent, prevHash: string): AuditEntry {
  return { ...content, prevHash, hash: hashEntry(content, prevHash) }
}

export interface ChainBreak {
  seq: number | undefined
  index: number
  reason: string
}

export type ChainVerification = { ok: true; entries: number } | { ok: false; entries: number; firstBreak: ChainBreak }

/** Checks each entry's link to the one before and its own hash, in order. */
export function verifyChain(entries: readonly AuditEntry[]): ChainVerification {
  let prevHash = GENESIS_HASH
  for (const [index, entry] of entries.entries()) {
    if (entry.prevHash !== prevHash) {
      return { ok: false, entries: entries.length, firstBreak: { seq: entry.seq, index, reason: 'does not link to the entry before it (an entry was removed or reordered)' } }
    }
    if (hashEntry(entry, entry.prevHash) !== entry.hash) {
      return { ok: false, entries: entries.length, firstBreak: { seq: entry.seq, index, reason: 'its content does not match its hash (the entry was altered)' } }
    }
    prevHash = entry.hash
  }
  return { ok: true, entries: entries.length }
}
