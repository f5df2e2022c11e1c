// The built SPA in real Chromium, for the browser journey and the SPA bench: the build and its server come
// from scripts/spa-server.ts (as `npm start` serves it), plus a log of the JavaScript served and Debian's
// chromium launched headless.
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'
import { serveSpa as serveBuilt } from '../scripts/spa-server.ts'

export const CHROMIUM = '/usr/bin/chromium'

export { buildSpa } from '../scripts/spa-server.ts'

export interface Served {
  url: string
  /** bytes of each JavaScript file served, by path, since the start or the last `resetLog` */
  served: Map<string, number>
  resetLog(): void
  close(): Promise<void>
}

/** Serves the build in `dir` on 127.0.0.1 (a free port) with `config` as /config.json. */
export async function serveSpa(dir: string, config: object): Promise<Served> {
  const served = new Map<string, number>()
  const server = await serveBuilt({ dist: dir, config, port: 0, onServe: (path, bytes) => path.endsWith('.js') && served.set(path, bytes) })
  return { url: server.url, served, resetLog: () => served.clear(), close: server.close }
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`node scripts/install.mjs\` (it installs Debian's chromium)`)
  // --no-sandbox: CI and these machines run as root, where Chromium's sandbox cannot start
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] })
}
