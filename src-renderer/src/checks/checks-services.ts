/** The review workflow's and the checks' singletons, next to the app's own in app/services.ts. */
import { database, registerStore, repository } from '../app/services'
import { ApprovalRepository } from '../db/approval-repository'
import { ChecksStore } from './checks-store'

export const checksStore = new ChecksStore(database, repository, () => new Date(), () => registerStore.loadedRecords())
export const approvals = new ApprovalRepository(database, repository)
