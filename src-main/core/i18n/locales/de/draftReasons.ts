/** Begründungen des Entwurfsassistenten (siehe en/draftReasons.ts). */
export default {} satisfies Record<string, string>
