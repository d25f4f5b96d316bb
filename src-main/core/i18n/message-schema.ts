/** A MessageRef as stored and sent (an audit entry's summary in a backup, a finding over IPC): checked, never trusted. */
import { z } from 'zod'
import type { MessageParam, MessageRef } from './message'

/** A parameter: text, a number, a nested message, a date, a list of parameters or a number to write the reader's way. */
export const messageParamSchema: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    messageRefSchema,
    z.strictObject({ date: z.string(), style: z.enum(['long', 'short', 'dateTime']).optional() }),
    z.strictObject({ list: z.array(messageParamSchema), separator: z.string() }),
    z.strictObject({ number: z.number(), decimals: z.number().int().min(0).max(20).optional() })
  ])
).meta({ id: 'MessageParam' })
export const messageRefSchema: z.ZodType<MessageRef> = z.lazy(() => z.strictObject({ key: z.string(), params: z.record(z.string(), messageParamSchema).optional() })).meta({ id: 'MessageRef' })
