/**
 * Every user action that can fail goes through here, so that a failure is always told: a
 * toast with the reason in plain words, and the message kept for the page to show next to
 * the action. Nothing is retried or swallowed silently.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { toast } from 'sonner'
import { describeFailure } from './failure-text'

/** Tells the user that `failure` ("Could not save") happened and why; returns the text shown. */
export function reportFailure(failure: string, error: unknown): string {
  const message = describeFailure(failure, error)
  console.error(failure, error)
  toast.error(message, { duration: 15_000 })
  return message
}

/** Runs an action outside a component (a toast's Undo button): any failure is reported. */
export async function runReported<Result>(failure: string, action: () => Promise<Result>): Promise<Result | undefined> {
  try {
    return await action()
  } catch (error) {
    reportFailure(failure, error)
    return undefined
  }
}

export interface AsyncAction<Args extends unknown[], Result> {
  /** Runs the action; resolves to its result, or to undefined when it failed (already reported) or was already running. */
  run: (...args: Args) => Promise<Result | undefined>
  busy: boolean
  /** The last failure's message until the action is run again. */
  error: string | null
}

/**
 * `const save = useAsyncAction(async () => repository.updateRecord(...), 'Could not save')`
 * then `onClick={() => void save.run()}`, `disabled={save.busy}`. A second click while the
 * first run is busy is ignored.
 */
export function useAsyncAction<Args extends unknown[], Result>(action: (...args: Args) => Promise<Result>, failure: string): AsyncAction<Args, Result> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const running = useRef(false)
  const latest = useRef(action)
  useLayoutEffect(() => {
    latest.current = action
  })
  const run = useCallback(
    async (...args: Args): Promise<Result | undefined> => {
      if (running.current) return undefined
      running.current = true
      setBusy(true)
      setError(null)
      try {
        return await latest.current(...args)
      } catch (caught) {
        setError(reportFailure(failure, caught))
        return undefined
      } finally {
        running.current = false
        setBusy(false)
      }
    },
    [failure]
  )
  return { run, busy, error }
}
