/**
 * The policy text cut into runs for display: each run carries the proposals whose highlight
 * covers it, so that overlapping highlights (a term inside a sentence) render as nested marks
 * without losing any. And a selection in the rendered text as offsets in the policy, and back.
 */
import type { Span } from '@core/templates/drafting/proposal'

export interface MarkSource {
  id: string
  /** What is highlighted: the words that name the value, else the whole quote. */
  span: Span
}

export interface TextRun {
  start: number
  end: number
  /** Ids of the highlights covering this run, in the order given. */
  ids: string[]
}

export function textRuns(length: number, marks: readonly MarkSource[]): TextRun[] {
  const cuts = new Set<number>([0, length])
  for (const mark of marks) {
    if (mark.span.end <= mark.span.start) continue
    cuts.add(Math.max(0, Math.min(length, mark.span.start)))
    cuts.add(Math.max(0, Math.min(length, mark.span.end)))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const runs: TextRun[] = []
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index]!
    const end = points[index + 1]!
    if (end <= start) continue
    runs.push({ start, end, ids: marks.filter((mark) => mark.span.start <= start && mark.span.end >= end).map((mark) => mark.id) })
  }
  return runs
}

/** Offsets in the policy of a DOM selection inside `container`, whose text nodes render the policy in order. */
export function selectionOffsets(container: Node, selection: Selection | null): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null
  const offsetOf = (node: Node, offset: number): number => {
    // Text before the boundary: every text node of the container up to it.
    const before = document.createRange()
    before.selectNodeContents(container)
    before.setEnd(node, offset)
    return before.toString().length
  }
  const start = offsetOf(range.startContainer, range.startOffset)
  const end = offsetOf(range.endContainer, range.endOffset)
  return end > start ? { start, end } : null
}

/** The DOM range of `span` (offsets in the policy) inside `container`: the reverse of `selectionOffsets`. */
export function rangeOf(container: Node, span: Span): Range | null {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
  const range = document.createRange()
  let seen = 0
  let started = false
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length
    if (!started && span.start <= seen + length) {
      range.setStart(node, span.start - seen)
      started = true
    }
    if (started && span.end <= seen + length) {
      range.setEnd(node, span.end - seen)
      return range
    }
    seen += length
  }
  return null
}
