/** The drafting assistant's reasons and notes. */
export default {} satisfies Record<string, string>
