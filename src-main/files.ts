/** Reading and writing the files a user picked in a native dialog. */
import { randomUUID } from 'node:crypto'
import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { OpenFileResult } from './core/host/host-api'
import { openFileRefusal } from './core/i18n/file-problem'

/** Reads a file only if it is a regular file no larger than `maxBytes`, so that a huge file is refused before it fills memory. */
export async function readFileWithLimit(path: string, maxBytes: number): Promise<OpenFileResult> {
  const name = basename(path)
  const info = await stat(path)
  if (!info.isFile()) return { status: 'refused', name, ...openFileRefusal(name) }
  if (info.size > maxBytes) return { status: 'refused', name, ...openFileRefusal(name, { bytes: info.size, limit: maxBytes }) }
  return { status: 'opened', name, bytes: new Uint8Array(await readFile(path)) }
}

/** A hidden name next to `path`: in the same folder, so that the final rename never crosses file systems. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.partial`)
}

/** Flushes a written file to disk, so that the rename never publishes a file whose bytes are still in a cache. */
async function flushToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Writes a file atomically: `write` fills a temporary file in the same folder, which replaces
 * `path` only once complete. If anything fails the temporary file is removed and whatever was
 * at `path` stays exactly as it was, so a failed write never leaves a partial file.
 */
export async function writeFileAtomically(path: string, write: (temporaryPath: string) => Promise<void>): Promise<void> {
  const temporary = temporaryPathFor(path)
  try {
    await write(temporary)
    await flushToDisk(temporary)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

export async function writeFileData(path: string, data: Uint8Array | string): Promise<void> {
  await writeFileAtomically(path, async (temporary) => {
    const handle = await open(temporary, 'wx')
    try {
      await handle.writeFile(data)
    } finally {
      await handle.close()
    }
  })
}
