// electron-builder configuration for `npm run dist` (kept in scripts/: the product card fixes the
// top-level entries). Builds what the current platform can: AppImage and deb on Linux, dmg on
// macOS, an NSIS installer on Windows. Electron itself is downloaded by electron-builder the first
// time (or taken from its cache), so packaging needs the network once; test/unit/main-packaging.test.ts
// checks this configuration offline.

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'org.ropa-manager.desktop',
  productName: 'RoPA Manager',
  executableName: 'ropa-manager',
  copyright: 'RoPA Manager contributors',
  directories: { output: 'dist', buildResources: 'scripts/build-resources' },
  // The main process, preload and renderer are bundled into out/ by electron-vite; only the main
  // process's own runtime dependencies (exceljs, zod, @noble/hashes) are read from node_modules.
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json'],
  asar: true,
  // Fuses are flipped in the Electron binary itself, so nobody can turn these back on from outside.
  electronFuses: {
    // No ELECTRON_RUN_AS_NODE: the binary cannot be used as a plain Node.js to run other code.
    runAsNode: false,
    enableCookieEncryption: true,
    // Neither NODE_OPTIONS nor --inspect can inject code or a debugger into the main process.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // app.asar is verified against its hash (macOS, Windows) and is the only place the app loads from.
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The renderer is served from app://, so file:// pages need no extra privileges.
    grantFileProtocolExtraPrivileges: false
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    synopsis: 'GDPR Article 30 records of processing, offline',
    maintainer: 'RoPA Manager contributors'
  },
  deb: { priority: 'optional' },
  mac: { target: ['dmg'], category: 'public.app-category.business', hardenedRuntime: true },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true }
}

export default config
