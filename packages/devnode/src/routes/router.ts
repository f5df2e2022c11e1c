// A small router: routes are registered per Swagger group (addresses, blocks, transactions ...).
import type { Chain } from '../chain/devnode.ts'

export interface Request {
  params: Record<string, string>
  query: URLSearchParams
  /** the body of a route that takes form fields or JSON: form fields (as URLSearchParams), else `json()` */
  body: () => unknown
  /** the body of a route that takes JSON only; another content type or an empty body gets the bare 404 */
  json: () => unknown
  text: string
}

export type Handler = (req: Request, chain: Chain) => unknown

interface Route {
  method: string
  path: string
  pattern: RegExp
  names: string[]
  handler: Handler
}

export class Router {
  private readonly routes: Route[] = []

  /**
   * `path` uses `{name}` for one segment and `{name*}` for the rest of the path. A path matches as written, as akka's
   * `path(...)` does; `singleSlash` also takes it with one trailing slash, where the node's route ends in
   * `pathEndOrSingleSlash` or only has a `pathPrefix`.
   */
  on(method: 'GET' | 'POST' | 'DELETE', path: string, handler: Handler, { singleSlash = false } = {}): this {
    const names: string[] = []
    const pattern = path.replace(/\{(\w+)(\*?)\}/g, (_m, name: string, rest: string) => {
      names.push(name)
      return rest ? '(.+)' : '([^/]+)'
    })
    this.routes.push({ method, path, pattern: new RegExp(`^${pattern}${singleSlash ? '/?' : ''}$`), names, handler })
    return this
  }

  /** every route served, as registered: method and path with its `{name}` segments */
  list(): { method: string; path: string }[] {
    return this.routes.map(({ method, path }) => ({ method, path }))
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | 'wrong-method' | undefined {
    let pathMatched = false
    for (const route of this.routes) {
      const m = route.pattern.exec(path)
      if (!m) continue
      pathMatched = true
      if (route.method !== method) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1]!)
      })
      return { handler: route.handler, params }
    }
    return pathMatched ? 'wrong-method' : undefined
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
