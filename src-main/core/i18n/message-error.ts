/**
 * An error whose reason is a catalogue message: the interface says it in its own language
 * (`failureReason` looks for `ref`), the CLI and the logs in English.
 */
import { translateMessage } from './catalogues'
import { msg, type MessageParam, type MessageRef } from './message'

export class MessageError extends Error {
  readonly ref: MessageRef
  constructor(ref: MessageRef, options?: ErrorOptions) {
    super(translateMessage(ref, 'en'), options)
    this.name = 'MessageError'
    this.ref = ref
  }
}

/** A failure of the `problems` catalogue's `failure.*` keys, e.g. `failureError('mappingNameMissing')`. */
export const failureError = (key: string, params?: Record<string, MessageParam>): MessageError => new MessageError(msg(`problems:failure.${key}`, params))
