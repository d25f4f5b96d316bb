import { labelParam, msg, termParam } from '../../i18n/message'
import { ART9_CONDITION_LABELS, SPECIAL_CATEGORY_LABELS, type SpecialCategory } from '../../records/enums'
import { specialCategoryOfTerm } from '../../vocabulary/vocabulary'
import { isControllerRecord, recordFinding, type Finding, type RecordRule } from '../finding'

const FIX = msg('special-category-condition.fix')

/**
 * Art. 9(2): special-category data needs a condition, whether it is listed under special
 * categories or only shows up as a data category term (e.g. user.health_and_medical).
 */
export const specialCategoryCondition: RecordRule = {
  id: 'special-category-condition',
  article: 'Art. 9(2)',
  description: 'Special-category data (Art. 9(1)) has an Art. 9(2) condition.',
  check(record) {
    if (!isControllerRecord(record)) return []
    const findings: Finding[] = []
    const listed = new Set<SpecialCategory>()
    record.specialCategories.forEach((entry, index) => {
      listed.add(entry.category)
      if (!(entry.condition in ART9_CONDITION_LABELS)) {
        findings.push(
          recordFinding(specialCategoryCondition, record, {
            severity: 'error',
            field: `specialCategories.${index}.condition`,
            message: msg('special-category-condition.listed', { category: entry.category in SPECIAL_CATEGORY_LABELS ? labelParam('specialCategory', entry.category) : entry.category }),
            fix: FIX
          })
        )
      }
    })
    record.dataCategories.forEach((category, index) => {
      const special = specialCategoryOfTerm(category.term)
      // A listed category is reported above (or is fine); only unlisted ones need their own finding.
      if (special === undefined || listed.has(special)) return
      listed.add(special)
      findings.push(
        recordFinding(specialCategoryCondition, record, {
          severity: 'error',
          field: `dataCategories.${index}.term`,
          message: msg('special-category-condition.term', { term: termParam(category.term), category: labelParam('specialCategory', special) }),
          fix: msg('special-category-condition.term.fix', { category: labelParam('specialCategory', special) })
        })
      )
    })
    return findings
  }
}
