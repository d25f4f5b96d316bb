/**
 * Audit trail summaries and approval decisions. Each entry stores its summary in English (as
 * written, for older readers, search and the CLI) and as one of these keys with its parameters,
 * which the screens and the workbook say in the reader's language. A key once written stays in
 * stored entries and backups: change its wording if needed, never its name or parameters.
 */
import { AUDIT_ENTITY_LABELS } from '../../../audit/audit-text'

export default {
  // What an entry is about (the workbook's Audit trail sheet)
  ...Object.fromEntries(Object.entries(AUDIT_ENTITY_LABELS).map(([entity, label]) => [`entity.${entity}`, label])),
  'changes.line': '{{field}}: {{before}} → {{after}}',
  'changes.more_one': '… and {{count}} more change',
  'changes.more_other': '… and {{count}} more changes',
  // Records
  'record.created': '{{reference}} created',
  'record.edited': '{{reference}} edited',
  'record.editedOverwriting': '{{reference}} edited, overwriting revision {{revision}} (changed elsewhere)',
  'record.deleted': '{{reference}} deleted',
  'record.restored': '{{reference}} restored',
  'record.approved': '{{reference}} approved by {{name}}',
  'records.added': '{{count}} records added',
  'records.addedRange': '{{count}} records added ({{first}}–{{last}})',
  'records.importedFromFile': 'Imported {{count}} records from {{file}}',
  'records.importedFromFileRange': 'Imported {{count}} records from {{file}} ({{first}}–{{last}})',
  'records.importedFromAppWorkbook': '{{count}} records imported from {{file}}, the app\'s workbook',
  'records.importedFromSheet': '{{count}} records imported from {{file}}, sheet \'{{sheet}}\' (ICO layout)',
  // Organisation, users and settings
  'organisation.created': 'Organisation profile created',
  'organisation.edited': 'Organisation profile edited',
  'organisation.updatedFromFile': 'Organisation profile updated from {{file}}',
  'user.renamed': 'User renamed: {{before}} → {{after}}',
  'user.roleChanged': '{{name}}\'s role changed',
  'user.switched': '{{name}} now uses the app (a different person from {{previous}})',
  'settings.separateApproverOn': 'Separate approver required',
  'settings.separateApproverOff': 'Separate approver no longer required',
  // Backups
  'backup.restored': 'Register restored from a backup made at {{exportedAt}} ({{records}} records, {{entries}} audit entries)',
  'backup.restoredBroken': 'Register restored from a backup made at {{exportedAt}} ({{records}} records, {{entries}} audit entries; its audit trail was broken and the restore was confirmed twice)',
  // Template packs and vendors
  'pack.installed': 'Template pack {{pack}} {{version}} installed ({{origin}}, {{activities}})',
  'pack.installedFromCommandLine': 'Template pack {{pack}} {{version}} installed (command line)',
  'pack.updated': 'Template pack {{pack}} updated from {{from}} to {{to}} ({{origin}}): {{changes}}',
  'pack.activities_one': '{{count}} activity',
  'pack.activities_other': '{{count}} activities',
  'pack.activitiesAdded_one': '{{count}} activity added',
  'pack.activitiesAdded_other': '{{count}} activities added',
  'pack.activitiesChanged_one': '{{count}} activity changed',
  'pack.activitiesChanged_other': '{{count}} activities changed',
  'pack.activitiesRemoved_one': '{{count}} activity removed',
  'pack.activitiesRemoved_other': '{{count}} activities removed',
  'pack.vendorChanged': 'vendor details changed',
  'pack.newPolicyText': 'new policy text',
  'origin.shipped': 'shipped',
  'origin.imported': 'imported',
  'origin.user': 'user',
  'vendor.registered': 'Vendor {{name}} registered by template pack {{pack}} {{version}}',
  'vendor.refreshed': 'Vendor {{name}} refreshed from template pack {{pack}} {{version}}',
  'vendor.registeredFromCommandLine': 'Vendor {{name}} registered from its pack (command line)',
  'record.createdFromTemplateOnCommandLine': '{{reference}} created from template {{pack}} {{version}}, activity {{activity}} (command line)',
  'record.quotesBack': '{{reference}}: template pack {{pack}} {{version}} has every quote its evidence relies on again',
  'record.quotesGone': '{{reference}}: template pack {{pack}} {{version}} no longer has {{quotes}}',
  'record.quotesGoneBackToReview': '{{reference}} back to review: template pack {{pack}} {{version}} no longer has {{quotes}}',
  'record.quotes_one': '{{count}} quote its evidence relies on',
  'record.quotes_other': '{{count}} quotes its evidence relies on',
  'record.upgraded': '{{reference}} brought from template pack {{pack}} {{from}} to {{to}}: took over {{taken}}; kept {{kept}}',
  'record.upgradedNothing': 'nothing',
  // Why a record cannot be approved now
  'approval.noName': 'Set your name in the user profile first: approval records who approved.',
  'approval.alreadyApproved': 'The record is already approved.',
  'approval.archived': 'The record is archived; restore it before approving.',
  'approval.notInReview': 'Only a record that is in review can be approved: set its status to "In review" and save it first.',
  'approval.changedMeanwhile': 'The record changed while it was being approved. Check it again, then approve.',
  'approval.finding': '{{article}} — {{message}} ({{field}})',
  'approval.organisationFinding': '{{article}} — {{message}} (Organisation profile › {{field}})',
  'approval.openItem': 'Open item not yet decided — {{where}}: {{what}} Mark it resolved, or accept it with a note saying why.',
  'approval.openItemOnRecord': 'The record',
  'approval.openItemNeedsDecision': 'still needs a decision',
  'approval.lastEditor': '{{name}} made the last change to this record; with "separate approver" on, someone else must approve it.',
  'approval.lastEditorRenamed': '{{name}} (then named {{before}}) made the last change to this record; with "separate approver" on, someone else must approve it.'
} satisfies Record<string, string>
