/** The review workflow's and the checks' singletons, next to the app's own in app/services.ts. */
import { database, registerStore, repository } from '../app/services'
import { ApprovalRepository } from '../db/approval-repository'
import { templateRepository } from '../templates/template-services'
import { ChecksStore } from './checks-store'

export const checksStore = new ChecksStore(database, repository, () => new Date(), () => registerStore.loadedRecords())
// A newer pack version makes records from the old one "outdated": the template events say so.
templateRepository.onChange(() => void checksStore.refresh())
export const approvals = new ApprovalRepository(database, repository)
