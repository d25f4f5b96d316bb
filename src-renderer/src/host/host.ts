import { HOST_API_GLOBAL, type HostApi } from '@core/host/host-api'
import { createBrowserHost } from './browser-host'

/** The Electron preload's API when there is one, else the browser implementation. */
export const host: HostApi = (window as unknown as Record<string, HostApi | undefined>)[HOST_API_GLOBAL] ?? createBrowserHost()
