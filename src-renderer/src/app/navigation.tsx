/**
 * In-app navigation that a page with unsaved changes can hold up: the page registers a
 * guard, and every link and programmatic navigation asks it first.
 */
import { createContext, useCallback, useContext, useEffect, useRef, type MouseEvent, type ReactNode } from 'react'
import { useLocation } from 'wouter'

type Guard = () => Promise<boolean>

interface NavigationApi {
  navigate: (to: string, options?: { replace?: boolean; state?: unknown }) => Promise<void>
  setGuard: (guard: Guard | null) => void
}

const NavigationContext = createContext<NavigationApi | null>(null)

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [, setLocation] = useLocation()
  const guardRef = useRef<Guard | null>(null)
  const navigate = useCallback(
    async (to: string, options?: { replace?: boolean; state?: unknown }) => {
      if (guardRef.current && !(await guardRef.current())) return
      setLocation(to, options)
    },
    [setLocation]
  )
  const setGuard = useCallback((guard: Guard | null) => {
    guardRef.current = guard
  }, [])
  return <NavigationContext.Provider value={{ navigate, setGuard }}>{children}</NavigationContext.Provider>
}

export function useNavigation(): NavigationApi {
  const api = useContext(NavigationContext)
  if (!api) throw new Error('useNavigation outside NavigationProvider')
  return api
}

/** Holds navigation while `shouldBlock()` is true, asking `ask()` whether to leave anyway. */
export function useLeaveGuard(shouldBlock: () => boolean, ask: () => Promise<boolean>): void {
  const { setGuard } = useNavigation()
  useEffect(() => {
    setGuard(async () => !shouldBlock() || ask())
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (shouldBlock()) event.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      setGuard(null)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [setGuard, shouldBlock, ask])
}

export function NavLink({ to, className, children, current }: { to: string; className?: string; children: ReactNode; current?: boolean }) {
  const { navigate } = useNavigation()
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    void navigate(to)
  }
  return (
    <a href={`#${to}`} className={className} aria-current={current ? 'page' : undefined} onClick={onClick}>
      {children}
    </a>
  )
}
