/** Template pack checks (import a pack, `ropa templates validate`). */
export default {} satisfies Record<string, string>
