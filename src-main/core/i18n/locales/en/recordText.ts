/**
 * Texts a template writes into a new record (stored data, in the language the record is made in)
 * and the reasons a record cannot be brought up to a newer version of its template. The policy's
 * quotes and the pack's own words (`{{description}}`, `{{statement}}`, `{{note}}`) stay as written.
 */
export default {
  'name.usingVendor': '{{activity}} (using {{vendor}})',
  'name.vendorAsIndependentController': '{{activity}} (with {{vendor}} as independent controller)',
  'name.forClientsWithSubProcessor': '{{activity}} (for our clients, with {{vendor}} as sub-processor)',

  'description.vendorDescribes': "{{vendor}}'s policy describes the activity: {{description}}",
  'description.ageLimit': 'Age limit: the policy says the service is not meant for people under {{age}}.',
  'description.specialCategories': 'Special-category data: {{statement}}',

  'evidence.vendorRole': "{{vendor}}'s role",
  'evidence.ageLimit': 'Age limit',
  'evidence.specialCategoryStance': 'Stance on special-category data',
  'evidence.activityRetention': "The activity's retention",
  'evidence.confirmedSuggestion': 'Suggested by {{whose}}; confirmed as ours',
  'evidence.vendorPolicy': "{{vendor}}'s policy",
  'evidence.theVendorPolicy': "the vendor's policy",

  'recipient.ourSubProcessor': 'Our sub-processor',
  'recipient.actsAsController': 'Its policy says it acts as a controller for this activity',
  'recipient.actsAsJointController': 'Its policy says it acts as a joint controller for this activity',
  'recipient.namedByPolicy': "Named by {{vendor}}'s policy",
  'recipient.subProcessorOf': 'Sub-processor of {{vendor}}',
  'recipient.service': 'Service: {{service}}',
  'recipient.country': 'Country: {{country}}',

  'open.subProcessingAgreement': "Reference the sub-processing agreement with {{vendor}} and your clients' authorisation to use it (Art. 28(2) and (4)).",
  'open.dataProcessingAgreement': 'Reference the data processing agreement with {{vendor}} (Art. 28(3)).',
  'open.controllersActedFor': 'Name the clients (controllers) you act for in this activity.',
  'open.transferWithoutSafeguard': 'Transfer to {{recipient}} ({{country}}): the policy names no safeguard. Choose the Chapter V safeguard and add the transfer.',
  'open.endActionUnstated': 'The policy states how long the data is kept but not what happens to it then (erased, anonymised or reviewed); say which.',
  'open.retentionUnset': "The policy's retention has neither a period nor a criterion; set the retention.",
  'open.retentionWithoutCategories': 'The policy states a retention period but names no data categories to attach it to.',
  'open.policySilent': 'The policy is silent: {{note}}',
  'open.policyVague': 'The policy is vague: {{note}}',

  'upgrade.notFromPack': 'The record was not made from template pack {{pack}}.',
  'upgrade.activityRemoved': 'Version {{version}} of template pack {{pack}} no longer has the activity "{{activity}}": there is nothing to take over.'
} satisfies Record<string, string>
