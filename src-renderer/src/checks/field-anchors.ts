/**
 * Where in the editor a finding is shown. A finding names a form path
 * (`purposes.0.lawfulBasis`); the editor renders one finding note per list item
 * (`purposes.0`) and per section-level spot (`dataSubjects`, `workflow`, …). Every path maps
 * to exactly one of those anchors, so no finding is shown twice or lost, even when a template
 * gap names a field the form does not have (`retention`, `subProcessors`).
 */

/** Lists whose items each get their own note. */
const ITEM_LISTS = ['purposes', 'dataCategories', 'specialCategories', 'recipients', 'transfers', 'controllersActedFor'] as const

/** Top-level fields (and template gap names) → the anchor that shows them. */
const TOP_LEVEL_ANCHORS: Record<string, string> = {
  dataSubjects: 'dataSubjects',
  retention: 'dataCategories',
  criminalOffenceData: 'criminalOffenceData',
  securityMeasures: 'securityMeasures',
  securityDescription: 'securityMeasures',
  source: 'context',
  dataSource: 'context',
  systems: 'context',
  automatedDecisionMaking: 'context',
  dpia: 'context',
  subProcessors: 'recipients',
  status: 'workflow',
  lastReviewed: 'workflow',
  nextReview: 'workflow',
  origin: 'origin',
  openItems: 'origin'
}

/** The anchors the editor renders, with the section each one sits in (for scrolling). */
export const ANCHOR_SECTIONS: Record<string, string> = {
  identity: 'identity',
  purposes: 'purposes',
  dataSubjects: 'data',
  dataCategories: 'data',
  specialCategories: 'special',
  criminalOffenceData: 'special',
  recipients: 'recipients',
  transfers: 'transfers',
  securityMeasures: 'security',
  context: 'context',
  controllersActedFor: 'controllers',
  workflow: 'workflow',
  origin: 'origin'
}

function isItemList(name: string): name is (typeof ITEM_LISTS)[number] {
  return (ITEM_LISTS as readonly string[]).includes(name)
}

/** The anchor whose note shows a finding about `field`. */
export function anchorForField(field: string): string {
  const [top = '', second] = field.replace(/\[(\d+)\]/g, '.$1').split('.')
  if (isItemList(top)) return second !== undefined && /^\d+$/.test(second) ? `${top}.${second}` : top
  return TOP_LEVEL_ANCHORS[top] ?? 'identity'
}

/** The editor section (element id) that holds an anchor. */
export function sectionForAnchor(anchor: string): string {
  return ANCHOR_SECTIONS[anchor.split('.')[0] ?? ''] ?? 'identity'
}

