/**
 * Horizontal (stacked) bars drawn with plain HTML and CSS: a row per category, a segment per
 * series, the total at the end. The dashboard's charts are all of this one kind, and drawing them
 * as boxes takes a few milliseconds where a charting library measured text and ran selectors
 * for ~250 ms at 10,000 records. Hidden from screen readers: each chart's card carries its
 * figures as a table.
 */
import type { CSSProperties } from 'react'

export interface BarSeries {
  key: string
  label: string
  colour: string
}

export interface BarRow {
  label: string
  /** A figures row, e.g. `{ role: 'Controller', draft: 3, approved: 5 }`: the series' keys are read from it. */
  values: object
}

function valueOf(values: object, key: string): number {
  const value = (values as Record<string, unknown>)[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

interface StackedBarsProps {
  rows: readonly BarRow[]
  series: readonly BarSeries[]
  /** The value a full-width bar stands for; the largest row total when left out. */
  max?: number
  /** How each total (and each segment's tooltip) is written, e.g. as a percentage. */
  format?: (value: number) => string
  /** Width of the category labels, in rem. */
  labelWidth?: number
  /** A track behind each bar, for shares of a whole. */
  track?: boolean
}

const plain = (value: number) => value.toLocaleString()

export function StackedBars({ rows, series, max, format = plain, labelWidth = 7, track = false }: StackedBarsProps) {
  const totals = rows.map((row) => series.reduce((sum, { key }) => sum + valueOf(row.values, key), 0))
  const scale = max ?? Math.max(1, ...totals)
  const style = { '--bars-label-width': `${labelWidth}rem` } as CSSProperties
  return (
    <div className="bars" aria-hidden="true" style={style}>
      {series.length > 1 ? (
        <ul className="bars__legend">
          {series.map(({ key, label, colour }) => (
            <li key={key}>
              <span className="bars__swatch" style={{ background: colour }} />
              {label}
            </li>
          ))}
        </ul>
      ) : null}
      {rows.map((row, index) => (
        <div className="bars__row" key={`${row.label}-${index}`}>
          <span className="bars__label" title={row.label}>
            {row.label}
          </span>
          <span className={`bars__track${track ? ' bars__track--shaded' : ''}`}>
            {series.map(({ key, label, colour }) => {
              const value = valueOf(row.values, key)
              if (value <= 0) return null
              return <span key={key} className="bars__segment" title={`${row.label}, ${label}: ${format(value)}`} style={{ width: `${(value / scale) * 100}%`, background: colour }} />
            })}
          </span>
          <span className="bars__total">{format(totals[index] ?? 0)}</span>
        </div>
      ))}
    </div>
  )
}
