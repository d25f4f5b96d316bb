/**
 * Splits a policy into sentences with their character offsets, so that every proposal points at
 * the exact text it came from. Policies arrive as plain text captured from web pages: paragraphs
 * on one line, bullets, tables with tabs, and sometimes lines wrapped at a fixed width. A single
 * line break ends a sentence unless the line looks wrapped (long, no closing punctuation, and the
 * next line continues in lower case or after a long line).
 */
export interface Span {
  start: number
  end: number
}

export interface Sentence extends Span {
  text: string
  /** The line starts with a bullet or a number ("•", "-", "1.", "(a)"). */
  bullet: boolean
  /** A short line without closing punctuation, standing alone: a heading. */
  heading: boolean
}

const BULLET = /^\s*(?:[•·▪◦*\-–—]|\(?[0-9a-z]{1,3}[.)])\s+/i
const SENTENCE_END = /[.!?;:]["'’”)\]]*$/
const WRAP_WIDTH = 60

interface Line extends Span {
  text: string
}

function linesOf(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (let index = 0; index <= text.length; index += 1) {
    if (index === text.length || text[index] === '\n') {
      lines.push({ start, end: index, text: text.slice(start, index) })
      start = index + 1
    }
  }
  return lines
}

/** Whether `next` continues the paragraph of `previous` (a line wrapped at a fixed width). */
function continues(previous: Line, next: Line): boolean {
  const before = previous.text.trimEnd()
  const after = next.text.trimStart()
  if (before === '' || after === '' || BULLET.test(next.text)) return false
  if (SENTENCE_END.test(before)) return /^[a-z(]/.test(after) && before.length >= WRAP_WIDTH
  return before.length >= WRAP_WIDTH || /^[a-z(]/.test(after)
}

/** Paragraph blocks: runs of lines joined where the text was wrapped. */
function blocksOf(text: string): Span[] {
  const blocks: Span[] = []
  let current: Span | null = null
  let previous: Line | null = null
  for (const line of linesOf(text)) {
    if (line.text.trim() === '') {
      if (current) blocks.push(current)
      current = null
      previous = null
      continue
    }
    if (current && previous && continues(previous, line)) current.end = line.end
    else {
      if (current) blocks.push(current)
      current = { start: line.start, end: line.end }
    }
    previous = line
  }
  if (current) blocks.push(current)
  return blocks
}

/** Abbreviations after which a full stop does not end the sentence. */
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|inc|ltd|llc|co|corp|no|art|mr|ms|dr|vs|u\.s|st|sec|para)\.|\b[A-Z]\.)$/i

/**
 * The policy's sentences. Blocks (paragraphs, bullets, lines wrapped at a fixed width) come from
 * the line rules above, which know how web captures are laid out; within a block, sentences end
 * where the NLP model's sentence boundary detection ends them when an analysis is given, else
 * where the punctuation rule below does.
 */
export function splitSentences(text: string, analysis?: { sentenceEnds: readonly number[] }): Sentence[] {
  const sentences: Sentence[] = []
  let nextEnd = 0
  for (const block of blocksOf(text)) {
    const blockText = text.slice(block.start, block.end)
    const bullet = BULLET.test(blockText)
    let sentenceStart = 0
    const push = (from: number, to: number): void => {
      const raw = blockText.slice(from, to)
      const lead = raw.length - raw.trimStart().length
      const trail = raw.length - raw.trimEnd().length
      const start = block.start + from + lead
      const end = block.start + to - trail
      if (end <= start) return
      const sentenceText = text.slice(start, end)
      const isFirst = from === 0
      sentences.push({
        start,
        end,
        text: sentenceText,
        bullet: bullet && isFirst,
        heading: isFirst && to === blockText.length && sentenceText.length <= 90 && !/[.!?;,]$/.test(sentenceText) && /^[^a-z]/.test(sentenceText)
      })
    }
    if (analysis) {
      const ends = analysis.sentenceEnds
      while (nextEnd < ends.length && ends[nextEnd]! <= block.start) nextEnd += 1
      for (; nextEnd < ends.length && ends[nextEnd]! < block.end; nextEnd += 1) {
        const end = ends[nextEnd]! - block.start
        // A boundary needs something after it in the block (a full stop before a closing quote is not one).
        if (blockText.slice(end).trim() === '' || /^\S/.test(blockText.slice(end))) continue
        push(sentenceStart, end)
        sentenceStart = end
      }
      push(sentenceStart, blockText.length)
      continue
    }
    const boundary = /[.!?](?:["'’”)\]]*)\s+(?=["'“‘(]?[A-Z0-9•])/g
    for (let match = boundary.exec(blockText); match; match = boundary.exec(blockText)) {
      const punctuationAt = match.index
      if (blockText[punctuationAt] === '.' && ABBREVIATION.test(blockText.slice(Math.max(0, punctuationAt - 6), punctuationAt + 1))) continue
      const end = punctuationAt + match[0].trimEnd().length
      push(sentenceStart, end)
      sentenceStart = end
    }
    push(sentenceStart, blockText.length)
  }
  return sentences
}
