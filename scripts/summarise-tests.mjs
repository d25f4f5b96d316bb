// Prints the one closing line of a CI run from Vitest's JSON report: "tests: N passed, N failed".
// A failed typecheck or lint counts as one failure each, so that neither can pass unseen.
import { existsSync, readFileSync } from 'node:fs'

const [reportPath, ...stepStatuses] = process.argv.slice(2)
const stepFailures = stepStatuses.filter((status) => status !== '0').length
if (!reportPath || !existsSync(reportPath)) {
  console.log(`tests: 0 passed, ${1 + stepFailures} failed`)
  process.exit(1)
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'))
const passed = report.numPassedTests ?? 0
// A file that fails to load has no failed test of its own, so count it by its suite.
const loadFailures = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length
const failed = (report.numFailedTests ?? 0) + loadFailures + stepFailures
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
