import { msg } from '../../i18n/message'
import { articleForField } from '../art30-items'
import { recordFinding, type Finding, type RecordRule } from '../finding'
import { dataCategoryName } from './item-names'

/** Wording policies use instead of a period (reference sheet, "Retention"). */
const VAGUE_WORDING =
  /\b(?:(?:for\s+)?as\s+long\s+as\s+(?:is\s+|it\s+is\s+|we\s+(?:deem\s+)?|reasonably\s+|strictly\s+)?(?:necessary|required|needed|need)|(?:any\s+)?(?:period\s+)?lawfully\s+permitted(?:\s+period)?|(?:a\s+)?reasonable\s+(?:time|period)(?:\s+of\s+time)?)\b/i
/** A duration such as "3 years", "90 days", "six months": what turns vague wording into a criterion. */
const DURATION =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty)[\s-]+(?:calendar\s+|business\s+|working\s+)?(?:days?|weeks?|months?|years?)\b/i

/** Art. 30(1)(f) with Art. 5(1)(e): "as long as necessary" is not a time limit. */
export const retentionVague: RecordRule = {
  id: 'retention-vague',
  article: 'Art. 30(1)(f)',
  description: 'Retention is a period or a real criterion, not wording like "as long as necessary".',
  check(record) {
    const findings: Finding[] = []
    record.dataCategories.forEach((category, index) => {
      const retention = category.retention
      // Unspecified retention is reported as missing; a set period already is a time limit.
      if (retention.mode === 'unspecified' || (retention.mode === 'period' && retention.period !== null)) return
      const vagueIn = VAGUE_WORDING.test(retention.criterion) ? 'criterion' : VAGUE_WORDING.test(retention.fromEvent) ? 'fromEvent' : null
      if (vagueIn === null || DURATION.test(retention.criterion) || DURATION.test(retention.fromEvent)) return
      const field = `dataCategories.${index}.retention.${vagueIn}`
      const wording = (vagueIn === 'criterion' ? retention.criterion : retention.fromEvent).match(VAGUE_WORDING)?.[0] ?? ''
      findings.push(
        recordFinding(retentionVague, record, {
          severity: 'error',
          article: articleForField(field, record.role),
          field,
          message: msg('retention-vague', { category: dataCategoryName(category.term, index), wording }),
          fix: msg('retention-vague.fix')
        })
      )
    })
    return findings
  }
}
