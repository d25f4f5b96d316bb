/** Audit trail summaries and approval decisions. */
export default {} satisfies Record<string, string>
