/**
 * Why the app refuses to read a file (a workbook, a spreadsheet, a backup): keys of the
 * `fileProblems` catalogue, said in English for the CLI and carried as refs for the interface.
 */
import type { Problem } from '../util/problems'
import { msg, numberParam, type MessageParam, type MessageRef } from './message'
import { inEnglish } from './problem'

/** A key of the `fileProblems` catalogue with its parameters. */
export const fileProblemRef = (key: string, params?: Record<string, MessageParam>): MessageRef => msg(`fileProblems:${key}`, params)

/** A problem at `path` (usually the file's name), said in English and carrying its key. */
export function fileProblemAt(path: string, key: string, params?: Record<string, MessageParam>): Problem {
  const ref = fileProblemRef(key, params)
  return { path, message: inEnglish(ref), ref }
}

/** A problem at a place said in words (`legacy.csv: line 3`): the place too is said in the reader's language. */
export function fileProblemWhere(pathRef: MessageRef, key: string, params?: Record<string, MessageParam>): Problem {
  return { ...fileProblemAt(inEnglish(pathRef), key, params), pathRef }
}

/** A file size, "6.00 KB (6144 bytes)" in English, the way `formatBytes` writes it, in the reader's language. */
export function sizeParam(bytes: number): MessageRef {
  const MB = 1024 * 1024
  // Two decimals, so that a size just over a limit does not read the same as the limit.
  const scaled = (value: number) => numberParam(value, Number.isInteger(value) ? 0 : 2)
  if (bytes >= MB) return fileProblemRef('size.mb', { size: scaled(bytes / MB), bytes })
  if (bytes >= 1024) return fileProblemRef('size.kb', { size: scaled(bytes / 1024), bytes })
  return fileProblemRef('size.bytes', { bytes })
}

/** A size as the open dialog's refusal writes it: "100 B", "1.5 KB", "3.0 MB". */
function openSizeParam(bytes: number): MessageRef {
  if (bytes < 1024) return fileProblemRef('open.size.bytes', { size: bytes })
  if (bytes < 1024 * 1024) return fileProblemRef('open.size.kb', { size: numberParam(bytes / 1024, 1) })
  return fileProblemRef('open.size.mb', { size: numberParam(bytes / (1024 * 1024), 1) })
}

/** Why a picked file is not opened at all, in English and as a ref: it is no regular file, or larger than `limit` bytes. */
export function openFileRefusal(file: string, size?: { bytes: number; limit: number }): { reason: string; reasonRef: MessageRef } {
  const reasonRef = size ? fileProblemRef('open.tooLarge', { file, size: openSizeParam(size.bytes), limit: openSizeParam(size.limit) }) : fileProblemRef('open.notRegularFile', { file })
  return { reason: inEnglish(reasonRef), reasonRef }
}
