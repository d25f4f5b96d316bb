/** The layouts' names alone, for pickers and schemas that need not load the layouts themselves. */
export const WORKBOOK_LAYOUTS = ['ico', 'cnil', 'dsk'] as const
export type WorkbookLayoutName = (typeof WORKBOOK_LAYOUTS)[number]

export function isWorkbookLayout(value: unknown): value is WorkbookLayoutName {
  return typeof value === 'string' && (WORKBOOK_LAYOUTS as readonly string[]).includes(value)
}
