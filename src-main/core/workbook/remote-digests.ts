/**
 * The sheets' digests (verification.ts) computed on another thread: the browser build's export
 * worker writes the workbook while a second worker hashes it, so that both cores work (SHA-256
 * in JavaScript was over a third of the export's time). Both ends are plain functions over
 * messages; the renderer only carries them (src-renderer/src/export/digest-worker.ts).
 *
 * The writer's calls are queued and sent as one message whenever it waits for an answer (a
 * block's row hashes, a sheet's digest); the other side applies each message's operations in
 * order, with the same `SheetDigester` as in-line hashing, so the hashes are the same.
 */
import { textHash, SheetDigester, type CreateHash, type SheetDigest, type SheetDigests } from './verification'

export type DigestOperation =
  | { op: 'open'; sheet: string; headers: string[] }
  | { op: 'headings'; id: number; texts: string[] }
  | { op: 'rows'; id: number; texts: string[]; answer: number }
  | { op: 'close'; id: number; answer: number }
  | { op: 'text'; text: string; answer: number }

export interface DigestRequest {
  operations: DigestOperation[]
}

export type DigestAnswer = { answer: number; hashes: string[] } | { answer: number; digest: SheetDigest } | { answer: number; hash: string }

export type DigestReply = { answers: DigestAnswer[] } | { failed: string }

/** The hashing side: answers each request; sheets are numbered in the order they are opened, as `open` numbers them on the writing side. */
export function digestServer(createHash: CreateHash): (request: DigestRequest) => DigestReply {
  const sheets: SheetDigester[] = []
  const sheet = (id: number) => {
    const found = sheets[id]
    if (!found) throw new Error(`no sheet ${id} was opened for hashing`)
    return found
  }
  return (request) => {
    try {
      const answers: DigestAnswer[] = []
      for (const operation of request.operations) {
        switch (operation.op) {
          case 'open':
            sheets.push(new SheetDigester(operation.sheet, operation.headers, createHash))
            break
          case 'headings':
            for (const text of operation.texts) sheet(operation.id).heading(text)
            break
          case 'rows':
            answers.push({ answer: operation.answer, hashes: operation.texts.map((text) => sheet(operation.id).row(text)) })
            break
          case 'close':
            answers.push({ answer: operation.answer, digest: sheet(operation.id).digest() })
            break
          case 'text':
            answers.push({ answer: operation.answer, hash: textHash(operation.text, createHash) })
        }
      }
      return { answers }
    } catch (error) {
      return { failed: error instanceof Error ? error.message : String(error) }
    }
  }
}

/** The writing side's end of a remote digest. */
export interface RemoteDigests {
  digests: SheetDigests
  /** Takes the other side's reply. */
  receive(reply: DigestReply): void
  /** The other side is gone: every answer still awaited, and every later call, fails with `reason`. */
  fail(reason: string): void
}

/** What goes wrong on the hashing side, told apart so that the writer may hash in line instead. */
export class RemoteDigestsFailed extends Error {
  override name = 'RemoteDigestsFailed'
}

type Waiting = { resolve: (answer: DigestAnswer) => void; reject: (error: Error) => void }

/** `post` sends a request to the hashing side; its replies go to `receive`. */
export function remoteDigests(post: (request: DigestRequest) => void): RemoteDigests {
  let queued: DigestOperation[] = []
  let opened = 0
  let nextAnswer = 0
  let failure: RemoteDigestsFailed | null = null
  const waiting = new Map<number, Waiting>()

  const ask = (operation: (answer: number) => DigestOperation): Promise<DigestAnswer> => {
    if (failure) return Promise.reject(failure)
    const answer = nextAnswer++
    queued.push(operation(answer))
    const promise = new Promise<DigestAnswer>((resolve, reject) => waiting.set(answer, { resolve, reject }))
    const operations = queued
    queued = []
    post({ operations })
    return promise
  }
  const fail = (reason: string) => {
    failure ??= new RemoteDigestsFailed(reason)
    for (const { reject } of waiting.values()) reject(failure)
    waiting.clear()
  }

  return {
    digests: {
      open(sheet, headers) {
        queued.push({ op: 'open', sheet, headers })
        return opened++
      },
      headings(id, texts) {
        queued.push({ op: 'headings', id, texts })
      },
      async rows(id, texts) {
        const answer = await ask((answer) => ({ op: 'rows', id, texts, answer }))
        if (!('hashes' in answer) || answer.hashes.length !== texts.length) throw new RemoteDigestsFailed('the hashing worker answered a block of rows with something else')
        return answer.hashes
      },
      async close(id) {
        const answer = await ask((answer) => ({ op: 'close', id, answer }))
        if (!('digest' in answer)) throw new RemoteDigestsFailed('the hashing worker answered a sheet\'s digest with something else')
        return answer.digest
      },
      async text(text) {
        const answer = await ask((answer) => ({ op: 'text', text, answer }))
        if (!('hash' in answer)) throw new RemoteDigestsFailed('the hashing worker answered a text\'s hash with something else')
        return answer.hash
      }
    },
    receive(reply) {
      if ('failed' in reply) {
        fail(`the hashing worker failed: ${reply.failed}`)
        return
      }
      for (const answer of reply.answers) {
        waiting.get(answer.answer)?.resolve(answer)
        waiting.delete(answer.answer)
      }
    },
    fail
  }
}
