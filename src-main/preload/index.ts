/** Forwards the host API to the main process; it holds no logic of its own. */
import { contextBridge, ipcRenderer } from 'electron'
import { HOST_API_GLOBAL, HOST_METHODS, PROGRESS_CHANNEL, ipcChannel, type HostEvents, type HostProgress } from '../core/host/host-api'

const forwarded = Object.fromEntries(
  HOST_METHODS.map((method) => [method, (request: unknown) => ipcRenderer.invoke(ipcChannel(method), request)])
)

const events: HostEvents = {
  onProgress(listener) {
    const forward = (_event: unknown, progress: HostProgress) => listener(progress)
    ipcRenderer.on(PROGRESS_CHANNEL, forward)
    return () => void ipcRenderer.removeListener(PROGRESS_CHANNEL, forward)
  }
}

contextBridge.exposeInMainWorld(HOST_API_GLOBAL, { ...forwarded, ...events })
