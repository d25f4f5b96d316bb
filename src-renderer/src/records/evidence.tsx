/** Shows, on demand, the policy quotes behind a value that a template pack pre-filled. */
import { createContext, useContext, type ReactNode } from 'react'
import type { z } from 'zod'
import type { evidenceSchema } from '@core/records/model'

type Evidence = z.input<typeof evidenceSchema>

const EvidenceContext = createContext<Evidence[]>([])

export function EvidenceProvider({ evidence, children }: { evidence: Evidence[]; children: ReactNode }) {
  return <EvidenceContext.Provider value={evidence}>{children}</EvidenceContext.Provider>
}

/** Evidence whose field is `field` or lies inside it (e.g. `purposes.0` covers `purposes.0.lawfulBasis`). */
export function EvidenceNote({ field }: { field: string }) {
  const evidence = useContext(EvidenceContext).filter((item) => item.field === field || item.field.startsWith(`${field}.`))
  if (evidence.length === 0) return null
  return (
    <details className="evidence">
      <summary>
        <span className="evidence__badge">From template</span> Show the policy's words
      </summary>
      {withoutRepeatedQuotes(evidence).map((item, itemIndex) => (
        <div key={itemIndex} className="evidence__item">
          {item.note ? <p className="evidence__note">{item.note}</p> : null}
          {item.quotes.map((quote, index) => (
            <blockquote key={index}>{quote}</blockquote>
          ))}
        </div>
      ))}
    </details>
  )
}

/** A purpose and its lawful basis cite the same sentences: each quote is shown once per note. */
function withoutRepeatedQuotes(evidence: Evidence[]): Array<{ note: string; quotes: string[] }> {
  const shown = new Set<string>()
  return evidence
    .map((item) => ({ note: item.note ?? '', quotes: (item.quotes ?? []).filter((quote) => !shown.has(quote) && Boolean(shown.add(quote))) }))
    .filter((item) => item.quotes.length > 0 || item.note !== '')
}
