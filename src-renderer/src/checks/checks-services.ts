/**
 * The checks feature's public side: its singletons (next to the app's own in app/services.ts)
 * and what the register and dashboard read of it.
 */
import { database, registerStore, repository } from '../app/services'
import { ApprovalRepository } from '../db/approval-repository'
import { ChecksStore } from './checks-store'

export const checksStore = new ChecksStore(repository, () => new Date(), () => registerStore.loadedRecords())
export const approvals = new ApprovalRepository(database, repository)

export { allFindings, type ChecksSnapshot, type Health } from './checks-store'
export { countsText, matchesFindingFilter, severityCountsText } from './register-health'
