// Import resolver for ESLint's boundaries rule: resolves the `@core/...` alias (tsconfig `paths`,
// vite `resolve.alias`) to src-main/core and everything else as Node does, .ts/.tsx included.
const path = require('node:path')
const nodeResolver = require('eslint-import-resolver-node')

const CORE = path.resolve(__dirname, '..', 'src-main', 'core')
const OPTIONS = { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json', '.d.ts'] }

exports.interfaceVersion = 2
exports.resolve = (source, file) =>
  nodeResolver.resolve(source.startsWith('@core/') ? path.join(CORE, source.slice('@core/'.length)) : source, file, OPTIONS)
