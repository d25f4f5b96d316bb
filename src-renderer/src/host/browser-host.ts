/**
 * The host API for a plain browser (`npm run web`): a file input to open, a Blob download to
 * save. Same interface as the Electron preload, so the renderer does not know which it has.
 */
import type { AppInfo, FileFilter, HostApi, OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult } from '@core/host/host-api'


function acceptAttribute(filters: FileFilter[]): string {
  return filters.flatMap((filter) => filter.extensions.filter((extension) => extension !== '*').map((extension) => `.${extension}`)).join(',')
}

function pickFile(accept: string): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0])
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(undefined)
      input.remove()
    })
    document.body.append(input)
    input.click()
  })
}

export function createBrowserHost(): HostApi {
  return {
    async getAppInfo(): Promise<AppInfo> {
      return { version: __APP_VERSION__, host: 'browser' }
    },
    async openFile(request: OpenFileRequest): Promise<OpenFileResult> {
      const file = await pickFile(acceptAttribute(request.filters))
      if (!file) return { status: 'cancelled' }
      if (file.size > request.maxBytes) {
        const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`
        return { status: 'refused', name: file.name, reason: `${file.name} is ${megabytes(file.size)}; the limit is ${megabytes(request.maxBytes)}` }
      }
      return { status: 'opened', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
    },
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const blob = new Blob([request.data as BlobPart])
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = request.suggestedName
      document.body.append(link)
      link.click()
      link.remove()
      // Give the download a moment to start before the URL is released.
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      return { status: 'saved', name: request.suggestedName }
    }
  }
}
