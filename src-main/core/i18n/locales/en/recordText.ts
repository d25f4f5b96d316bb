/** Texts a template writes into a new record. */
export default {} satisfies Record<string, string>
