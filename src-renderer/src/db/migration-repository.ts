/**
 * The guided import's writes: the records planned from a legacy spreadsheet, stored all or
 * nothing (with the organisation fields the DPO chose to take from the file), and the column
 * mappings the DPO saves to reuse on the next file.
 */
import { auditRef, recordsImportedFromFileRef } from '@core/audit/audit-summary'
import { diffRecords } from '@core/records/diff'
import { formatReference, organisationSchema, recordFormSchema, type Organisation, type RecordFormInput, type StoredRecord } from '@core/records/model'
import { mappingSchema, type Mapping } from '@core/migration/types'
import { ORGANISATION_ROW_ID, type RopaDatabase } from './database'
import type { RegisterRepository } from './register-repository'
import { failureError } from '@core/i18n/message-error'

export const SAVED_MAPPINGS_KEY = 'importMappings'

export interface SavedMapping {
  name: string
  savedAt: string
  mapping: Mapping
}

export interface MigrationInput {
  fileName: string
  records: RecordFormInput[]
  /** The organisation as it should be after the import (the current one with the fields taken from the file); undefined leaves it as it is. */
  organisation?: Organisation
}

export class MigrationRepository {
  constructor(
    private readonly db: RopaDatabase,
    private readonly register: RegisterRepository,
    private readonly now: () => Date = () => new Date()
  ) {}

  /**
   * Stores every planned record as a new draft (revision 1, references continuing the
   * register) with one audit entry "Imported N records from file", and the organisation
   * change with its own entry, in ONE transaction: if anything fails, nothing is stored.
   * Every record is validated before the transaction starts.
   */
  async importRecords(input: MigrationInput): Promise<StoredRecord[]> {
    const forms = input.records.map((record, index) => {
      const parsed = recordFormSchema.safeParse(record)
      if (!parsed.success) throw failureError('importedRecordInvalid', { index: index + 1, file: input.fileName, issues: parsed.error.issues.map((issue) => issue.message).join('; ') })
      // An imported record has not been reviewed in this register yet, whatever the old sheet said.
      return { ...parsed.data, status: 'draft' as const }
    })
    const organisation = input.organisation && organisationSchema.parse(input.organisation)
    const actor = await this.register.currentActor()
    const timestamp = this.now().toISOString()
    return this.db.transaction('rw', [this.db.records, this.db.organisation, ...this.register.auditTables], async () => {
      const first = await this.register.takeReferenceNumbers(forms.length)
      const created = forms.map(
        (form, index): StoredRecord => ({ ...form, id: crypto.randomUUID(), reference: formatReference(first + index), createdAt: timestamp, updatedAt: timestamp, approvedBy: '', approvedAt: '', revision: 1 })
      )
      await this.db.records.bulkAdd(created)
      await this.register.appendAudit('register', 'records', 'import', recordsImportedFromFileRef(created.length, input.fileName, first), [], actor)
      if (organisation) {
        const before = await this.register.getOrganisation()
        const after = { ...organisation, updatedAt: timestamp }
        const changes = diffRecords(before, after).filter((change) => change.field !== 'updatedAt')
        if (changes.length > 0) {
          await this.db.organisation.put({ ...after, id: ORGANISATION_ROW_ID })
          await this.register.appendAudit('organisation', ORGANISATION_ROW_ID, before ? 'update' : 'create', auditRef('organisation.updatedFromFile', { file: input.fileName }), changes, actor)
        }
      }
      return created
    })
  }

  async savedMappings(): Promise<SavedMapping[]> {
    const stored = (await this.db.meta.get(SAVED_MAPPINGS_KEY))?.value
    if (!Array.isArray(stored)) return []
    // A saved mapping that no longer validates (an older format) is left out rather than breaking the list.
    return stored.flatMap((item: { name?: unknown; savedAt?: unknown; mapping?: unknown }) => {
      const mapping = mappingSchema.safeParse(item?.mapping)
      return mapping.success && typeof item.name === 'string' ? [{ name: item.name, savedAt: typeof item.savedAt === 'string' ? item.savedAt : '', mapping: mapping.data }] : []
    })
  }

  /** Saves (or replaces, by name) a mapping to reuse on the next file. */
  async saveMapping(name: string, mapping: Mapping): Promise<SavedMapping> {
    const trimmed = name.trim()
    if (trimmed === '') throw failureError('mappingNameMissing')
    const saved: SavedMapping = { name: trimmed, savedAt: this.now().toISOString(), mapping: mappingSchema.parse(mapping) }
    await this.db.transaction('rw', this.db.meta, async () => {
      const others = (await this.savedMappings()).filter((item) => item.name !== trimmed)
      await this.db.meta.put({ key: SAVED_MAPPINGS_KEY, value: [...others, saved] })
    })
    return saved
  }
}
