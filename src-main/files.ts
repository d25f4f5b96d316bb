/** Reading and writing the files a user picked in a native dialog. */
import { readFile, stat, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { OpenFileResult } from './core/host/host-api'

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** Reads a file only if it is a regular file no larger than `maxBytes`, so that a huge file is refused before it fills memory. */
export async function readFileWithLimit(path: string, maxBytes: number): Promise<OpenFileResult> {
  const name = basename(path)
  const info = await stat(path)
  if (!info.isFile()) return { status: 'refused', name, reason: `${name} is not a regular file` }
  if (info.size > maxBytes) {
    return { status: 'refused', name, reason: `${name} is ${formatBytes(info.size)}; the limit is ${formatBytes(maxBytes)}` }
  }
  return { status: 'opened', name, bytes: new Uint8Array(await readFile(path)) }
}

export async function writeFileData(path: string, data: Uint8Array | string): Promise<void> {
  await writeFile(path, data)
}
