/** Human names for the record and template field paths that evidence and open items point at. */
const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  role: 'Role',
  purposes: 'Purposes',
  purpose: 'Purpose',
  lawfulBasis: 'lawful basis',
  legitimateInterest: 'legitimate interest',
  uses: 'kind of use',
  dataSubjects: 'Data subjects',
  dataCategories: 'Data categories',
  retention: 'Retention',
  specialCategories: 'Special categories',
  recipients: 'Recipients',
  subProcessors: 'Sub-processors',
  transfers: 'Transfers',
  safeguard: 'safeguard',
  country: 'country',
  type: 'type',
  securityMeasures: 'Security measures',
  securityDescription: 'Security measures',
  source: 'Source of the data',
  dataSource: 'Source of the data',
  automatedDecisionMaking: 'Automated decision-making',
  ageLimit: 'Age limit',
  sensitiveDataStance: 'Special-category data',
  roleQuotes: 'Role'
}

const SINGULAR: Record<string, string> = {
  purposes: 'Purpose',
  dataSubjects: 'Data subject',
  dataCategories: 'Data category',
  specialCategories: 'Special category',
  recipients: 'Recipient',
  subProcessors: 'Sub-processor',
  transfers: 'Transfer'
}

/** `purposes.0.lawfulBasis` or `purposes[0].lawfulBasis` → "Purpose 1 — lawful basis". */
export function fieldLabel(path: string): string {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)
  const words: string[] = []
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]
    const next = parts[index + 1]
    if (next !== undefined && /^\d+$/.test(next) && SINGULAR[part]) {
      words.push(`${SINGULAR[part]} ${Number(next) + 1}`)
      index++
    } else words.push(FIELD_NAMES[part] ?? part)
  }
  return words.join(' — ')
}
