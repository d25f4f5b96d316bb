/**
 * In-app navigation that a page with unsaved changes can hold up: the page registers a
 * guard, and every link, programmatic navigation and the browser's Back and Forward keys
 * ask it first.
 */
import { createContext, useCallback, useContext, useEffect, type MouseEvent, type ReactNode } from 'react'
import { useLocation } from 'wouter'

type Guard = () => Promise<boolean>

interface NavigationApi {
  navigate: (to: string, options?: { replace?: boolean; state?: unknown }) => Promise<void>
  setGuard: (guard: Guard | null) => void
}

const NavigationContext = createContext<NavigationApi | null>(null)

/** The guard of the page on screen while it has one (one app, one page at a time). */
let activeGuard: Guard | null = null
/** The address the app last agreed to show: the browser's Back and Forward keys are held against it. */
let acceptedUrl = window.location.href
/** True while the app itself changes the address after the guard has agreed. */
let navigationApproved = false

/**
 * Back and Forward change the hash without asking the app. This listener is added when the
 * module loads, before the router subscribes to `hashchange`, so it runs first: while a
 * page guards unsaved changes it puts the address back before the router reads it, and
 * moves on only if the page's guard agrees.
 */
function holdBrowserNavigation(): void {
  const wanted = window.location.href
  if (wanted === acceptedUrl) return
  if (navigationApproved || !activeGuard) {
    acceptedUrl = wanted
    return
  }
  window.history.replaceState(window.history.state, '', acceptedUrl)
  void activeGuard().then((leave) => {
    if (!leave) return
    window.history.replaceState(null, '', wanted)
    acceptedUrl = wanted
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  })
}
window.addEventListener('hashchange', holdBrowserNavigation)

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [, setLocation] = useLocation()
  const navigate = useCallback(
    async (to: string, options?: { replace?: boolean; state?: unknown }) => {
      if (activeGuard && !(await activeGuard())) return
      // The router's navigation is synchronous: it changes the address and fires `hashchange` at once.
      navigationApproved = true
      try {
        setLocation(to, options)
      } finally {
        navigationApproved = false
      }
    },
    [setLocation]
  )
  const setGuard = useCallback((guard: Guard | null) => {
    activeGuard = guard
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
