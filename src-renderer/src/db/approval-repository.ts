/**
 * The review workflow's writes: approving a record and the approval setting. The gate itself
 * (error findings, separate approver) is the core's `canApprove`; this file gathers what it
 * needs from the database and writes the approval with its audit entry in one transaction.
 */
import type { AuditPerson } from '@core/audit/audit-chain'
import { auditRef } from '@core/audit/audit-summary'
import { canApprove, nextReviewAfterApproval, refusedFor, type ApprovalDecision, type ApprovalSettings } from '@core/checks/approval'
import { checkOrganisation, checkRecord } from '@core/checks/run-checks'
import { diffRecords } from '@core/records/diff'
import type { StoredRecord } from '@core/records/model'
import type { RopaDatabase } from './database'
import { RecordNotFoundError, type RegisterRepository } from './register-repository'

export const APPROVAL_SETTINGS_KEY = 'approvalSettings'
export const DEFAULT_APPROVAL_SETTINGS: ApprovalSettings = { separateApprover: false }
/** The audit trail names the settings row like this, under the organisation. */
const SETTINGS_AUDIT_ID = 'settings'

export type ApprovalResult = { ok: true; record: StoredRecord } | Extract<ApprovalDecision, { ok: false }>

export class ApprovalRepository {
  constructor(
    private readonly db: RopaDatabase,
    private readonly register: RegisterRepository,
    private readonly now: () => Date = () => new Date()
  ) {}

  async getSettings(): Promise<ApprovalSettings> {
    const stored = (await this.db.meta.get(APPROVAL_SETTINGS_KEY))?.value as Partial<ApprovalSettings> | undefined
    return { separateApprover: stored?.separateApprover === true }
  }

  /** Audited: switching the four-eyes rule off is itself something an auditor asks about. */
  async saveSettings(settings: ApprovalSettings): Promise<void> {
    const actor = await this.register.currentActor()
    await this.db.transaction('rw', this.register.auditTables, async () => {
      const before = await this.getSettings()
      const after: ApprovalSettings = { separateApprover: settings.separateApprover === true }
      const changes = diffRecords(before, after)
      if (changes.length === 0) return
      await this.db.meta.put({ key: APPROVAL_SETTINGS_KEY, value: after })
      const summary = auditRef(after.separateApprover ? 'settings.separateApproverOn' : 'settings.separateApproverOff')
      await this.register.appendAudit('organisation', SETTINGS_AUDIT_ID, 'update', summary, changes, actor)
    })
  }

  /** Who last changed the record's content (approvals are not edits), from its audit history. */
  async lastEditor(recordId: string): Promise<AuditPerson | null> {
    const history = await this.register.recordHistory(recordId)
    const edit = history.findLast((entry) => entry.action !== 'approve')
    return edit ? { id: edit.actorId, name: edit.actor } : null
  }

  /** Whether the current user may approve the stored record now, and if not, every reason. */
  async decide(recordId: string): Promise<{ record: StoredRecord; decision: ApprovalDecision }> {
    const record = await this.register.getRecord(recordId)
    if (!record) throw new RecordNotFoundError(recordId)
    const [context, actor, lastEditor, settings] = await Promise.all([
      this.register.checkContext(this.now()),
      this.register.currentActor(),
      this.lastEditor(recordId),
      this.getSettings()
    ])
    const findings = [...checkOrganisation(context), ...checkRecord(record, context)]
    const decision = canApprove(record, findings, actor, lastEditor, settings)
    if (decision.ok && record.status !== 'in-review') {
      return { record, decision: refusedFor([auditRef('approval.notInReview')]) }
    }
    return { record, decision }
  }

  /**
   * Approves the record if the gate allows it: status approved, who and when, last reviewed
   * today, and the next review 12 months on unless a later date is already set.
   */
  async approve(recordId: string): Promise<ApprovalResult> {
    const { record, decision } = await this.decide(recordId)
    if (!decision.ok) return decision
    const actor = await this.register.currentActor()
    const approvedAt = this.now().toISOString()
    const today = (await this.register.checkContext(this.now())).today
    const approved = await this.db.transaction('rw', [this.db.records, ...this.register.auditTables], async () => {
      const current = await this.db.records.get(recordId)
      if (!current) throw new RecordNotFoundError(recordId)
      // Checked against what was stored when the gate ran: a change in between needs a new decision.
      if (current.revision !== record.revision) return null
      const after: StoredRecord = {
        ...current,
        status: 'approved',
        approvedBy: actor.name,
        approvedAt,
        lastReviewed: today,
        nextReview: current.nextReview !== '' && current.nextReview > today ? current.nextReview : nextReviewAfterApproval(today),
        updatedAt: approvedAt,
        revision: current.revision + 1
      }
      await this.db.records.put(after)
      await this.register.appendAudit('record', recordId, 'approve', auditRef('record.approved', { reference: current.reference, name: actor.name }), diffRecords(current, after), actor)
      return after
    })
    if (!approved) return refusedFor([auditRef('approval.changedMeanwhile')])
    return { ok: true, record: approved }
  }
}
