/** An action run outside a component (a toast's Undo) tells its failure instead of dropping it. */
import { afterEach, describe, expect, it, vi } from 'vitest'

const shown = vi.hoisted(() => [] as string[])
vi.mock('sonner', () => ({ toast: { error: (message: string) => shown.push(message) } }))

const { runReported } = await import('../../src-renderer/src/ui/use-async-action')

afterEach(() => {
  shown.length = 0
  vi.restoreAllMocks()
})

describe('runReported', () => {
  it('passes the result through when the action succeeds, and shows nothing', async () => {
    expect(await runReported('Could not undo', () => Promise.resolve('restored'))).toBe('restored')
    expect(shown).toEqual([])
  })

  it('shows the failure in words and resolves instead of leaving a rejection nobody handles', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const result = await runReported('Could not undo deleting PA-0001', () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')))
    expect(result).toBeUndefined()
    expect(shown).toEqual(['Could not undo deleting PA-0001: the disk or browser storage is full. Free some disk space, then try again.'])
    expect(console.error).toHaveBeenCalledOnce()
  })
})
