/** Forwards the host API to the main process; it holds no logic of its own. */
import { contextBridge, ipcRenderer } from 'electron'
import { HOST_API_GLOBAL, HOST_METHODS, ipcChannel } from '../core/host/host-api'

const forwarded = Object.fromEntries(
  HOST_METHODS.map((method) => [method, (request: unknown) => ipcRenderer.invoke(ipcChannel(method), request)])
)

contextBridge.exposeInMainWorld(HOST_API_GLOBAL, forwarded)
