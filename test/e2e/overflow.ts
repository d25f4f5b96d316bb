/** What a long language cuts off: shared by the end-to-end tests that look at the app in French and German. */
import type { Page } from 'playwright-core'
import { screenshot } from './browser'

/**
 * Text that does not fit its box: buttons, labels, headings, table headers, badges, tiles and
 * links of the navigation whose content is wider than the element (cut off or spilling out),
 * a table or fieldset spilling out of its card, and the page itself scrolling sideways.
 */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'button, label, legend, h1, h2, h3, h4, th, dt, [role="columnheader"], .badge, .tile__label, .tile__detail, .topbar__nav a, .finding-count, .evidence__badge, summary, .table__cell--wrap, .table__row .badge, .table__cell--overdue, .table__cell--due-soon, .table__row [role="cell"]:has(.health, .badge), .tpl-value__label'
    const cut: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || element.closest('.visually-hidden, [hidden], dialog:not([open])')) continue
      if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 2 && getComputedStyle(element).overflowY !== 'visible') {
        cut.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 60)}" (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight})`)
      }
    }
    // A box wider than the box holding it (a table or fieldset spilling out of its card), unless that one scrolls.
    for (const element of document.querySelectorAll<HTMLElement>('main fieldset, main table, main [role="region"], main .banner')) {
      const parent = element.parentElement
      if (!parent || element.getBoundingClientRect().width === 0 || element.closest('.visually-hidden') || ['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) continue
      const spill = element.getBoundingClientRect().right - parent.getBoundingClientRect().right
      if (spill > 1) cut.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} spills ${Math.round(spill)}px out of ${parent.tagName.toLowerCase()}.${[...parent.classList].join('.')}`)
    }
    // A badge wider than its table cell runs over the next column's text (a fixed-layout table clips nothing).
    for (const badge of document.querySelectorAll<HTMLElement>('main td .badge')) {
      const cell = badge.closest('td')!
      const spill = badge.getBoundingClientRect().right - (cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight))
      if (badge.getBoundingClientRect().width > 0 && spill > 1) cut.push(`badge "${(badge.textContent ?? '').trim()}" runs ${Math.round(spill)}px past its table cell`)
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) {
      // Name the element reaching furthest right, so that the failure says what to fix.
      let widest: Element | null = null
      let right = 0
      for (const element of document.body.querySelectorAll('*')) {
        const edge = element.getBoundingClientRect().right
        if (edge > right) [widest, right] = [element, edge]
      }
      const name = widest ? `${widest.tagName.toLowerCase()}.${[...widest.classList].join('.')} "${(widest.textContent ?? '').trim().slice(0, 40)}"` : 'an element'
      cut.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}), widest: ${name}`)
    }
    return cut
  })
}

/**
 * Looks at the page as the language tests do: `look(name)` saves the screenshot `<prefix>-<name>`
 * and notes what is cut off on it in `cutOff`, for one assertion at the end.
 */
export function pageLooker(page: Page, prefix: string): { look: (name: string) => Promise<void>; cutOff: string[] } {
  const cutOff: string[] = []
  const look = async (name: string) => {
    await screenshot(page, `${prefix}-${name}`)
    cutOff.push(...(await overflowing(page)).map((problem) => `${name}: ${problem}`))
  }
  return { look, cutOff }
}

/** Which of `fragments` (words of another language) the main area, an open dialog or a toast shows. */
export async function fragmentsOnScreen(page: Page, fragments: readonly string[]): Promise<string[]> {
  const text = await page.evaluate(() =>
    [document.querySelector('main'), ...document.querySelectorAll('dialog[open], [data-sonner-toast]')].map((element) => (element as HTMLElement | null)?.innerText ?? '').join('\n')
  )
  return fragments.filter((fragment) => text.includes(fragment))
}
