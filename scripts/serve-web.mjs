// `npm run web`: serves the built renderer to a plain browser (no Electron needed).
import { preview } from 'vite'

const port = Number(process.env.PORT ?? 5173)
const server = await preview({
  configFile: false,
  root: process.cwd(),
  build: { outDir: 'out/renderer' },
  preview: { port, strictPort: true, host: '127.0.0.1', open: false }
})
server.printUrls()
console.log('RoPA Manager is running in the browser. Press Ctrl+C to stop.')
