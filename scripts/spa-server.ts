// Builds the SPA (apps/demo) with Vite and serves the build with the `config.json` that tells it which
// node and dApp to use. Any path without a real file (`/join/3M...`, `/admin`, `/join/3M....`) gets
// index.html: the router runs in the browser; only a missing build file under /assets/ is a 404. A join
// link with punctuation or spaces around the address is redirected to the clean link. Nothing a client
// sends gets a 500. Used by `npm start`, the browser journey and the SPA bench.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { canonicalJoinPath } from '../apps/demo/src/composables/joinLink.ts'

export const SPA_ROOT = fileURLToPath(new URL('../apps/demo', import.meta.url))
export const SPA_DIST = join(SPA_ROOT, 'dist')

export interface SpaConfig {
  node: string
  dApp: string
  explorer?: string
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** The newest modification time under `dir` (ms), 0 when it does not exist. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0
  let latest = statSync(dir).mtimeMs
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

/** Builds the SPA into `outDir` (apps/demo/dist by default) and returns that folder. */
export async function buildSpa(outDir = SPA_DIST): Promise<string> {
  const { build } = await import('vite')
  await build({ configFile: join(SPA_ROOT, 'vite.config.ts'), root: SPA_ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } })
  return outDir
}

/** Builds the SPA into apps/demo/dist when that is missing or older than its sources or the library's. */
export async function buildSpaIfStale(log: (line: string) => void = () => {}): Promise<void> {
  const built = join(SPA_DIST, 'index.html')
  const sources = Math.max(newest(SPA_ROOT), newest(fileURLToPath(new URL('../packages/affiliate/src', import.meta.url))))
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return
  log('building the web app...')
  await buildSpa()
}

export interface SpaServer {
  url: string
  close(): Promise<void>
}

export interface ServeOptions {
  /** what /config.json answers (any JSON, so that tests can serve a broken one) */
  config: SpaConfig | object
  /** 0 picks a free port */
  port: number
  host?: string
  /** the build to serve; apps/demo/dist by default */
  dist?: string
  /** called with each file served and its size in bytes */
  onServe?: (path: string, bytes: number) => void
}

export async function serveSpa(options: ServeOptions): Promise<SpaServer> {
  const dist = options.dist ?? SPA_DIST
  const host = options.host ?? '127.0.0.1'
  const configJson = JSON.stringify(options.config)
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let path: string
    try {
      path = decodeURIComponent(url.pathname)
    } catch {
      res.writeHead(400, { 'content-type': TYPES['.txt']! }).end(`bad request: the path ${url.pathname} is not valid percent-encoding`)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': TYPES['.txt']!, allow: 'GET, HEAD' }).end(`${req.method} is not allowed: this server only serves files`)
      return
    }
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store' }).end(configJson)
      return
    }
    const clean = canonicalJoinPath(path)
    if (clean !== null) {
      res.writeHead(301, { location: encodeURI(clean) + url.search, 'content-type': TYPES['.txt']! }).end(`moved to ${clean}`)
      return
    }
    const file = normalize(join(dist, path))
    const rel = relative(dist, file)
    const inside = rel !== '' && !rel.startsWith('..') && !rel.includes(`..${sep}`)
    const isFile = inside && existsSync(file) && statSync(file).isFile()
    // a hashed build file that is missing must not get HTML: the browser would run it as a script
    if (!isFile && path.startsWith('/assets/')) {
      res.writeHead(404, { 'content-type': TYPES['.txt']! }).end('not found')
      return
    }
    const target = isFile ? file : join(dist, 'index.html')
    readFile(target).then(
      (body) => {
        options.onServe?.(path, body.length)
        const cache = isFile && path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
        res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': cache }).end(req.method === 'HEAD' ? undefined : body)
      },
      () => res.writeHead(404, { 'content-type': TYPES['.txt']! }).end('not found'),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
