/** Art. 30(1)(a)–(g) and 30(2)(a)–(d): one rule per required item of the table in ../art30-items. */
import {
  ART30_ORGANISATION_ITEMS,
  ART30_RECORD_ITEMS,
  type Art30OrganisationItem,
  type Art30RecordItem
} from '../art30-items'
import { organisationFinding, recordFinding, type OrganisationRule, type RecordRule } from '../finding'

function recordItemRule(item: Art30RecordItem): RecordRule {
  const rule: RecordRule = {
    id: item.id,
    article: item.article,
    description: `${item.label} (${item.article}) is recorded.`,
    check(record) {
      if (!item.roles.includes(record.role)) return []
      if (item.applies && !item.applies(record)) return []
      return item.missing(record).map((spot) =>
        recordFinding(rule, record, { severity: item.severity, field: spot.field, message: spot.message, fix: item.fix })
      )
    }
  }
  return rule
}

function organisationItemRule(item: Art30OrganisationItem): OrganisationRule {
  const rule: OrganisationRule = {
    id: item.id,
    article: item.article,
    description: `${item.label} (${item.article}) is in the organisation profile.`,
    check(organisation) {
      return item.missing(organisation).map((spot) =>
        organisationFinding(rule, { severity: item.severity, field: spot.field, message: spot.message, fix: item.fix })
      )
    }
  }
  return rule
}

export const art30RecordItemRules: RecordRule[] = ART30_RECORD_ITEMS.map(recordItemRule)
export const art30OrganisationRules: OrganisationRule[] = ART30_ORGANISATION_ITEMS.map(organisationItemRule)
