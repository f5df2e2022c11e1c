// Lets the dev node's own RIDE evaluations read the chain without a socket. ride-js's Scala.js REPL reads
// chain state through one function, `globalThis.httpGet({ url })` (defined by ride-js's interop module).
// While the dev node evaluates a call, its requests to that node's origin are answered in-process by the
// same routes that serve HTTP; all other requests (a REPL a user points at the node, say) go to ride-js's
// own implementation over HTTP.
import '@waves/ride-js'

interface ReplRequest {
  url?: string
  [field: string]: unknown
}
type ReplResponse = ReplRequest & { status: number; body: string }
type HttpGet = (request: ReplRequest) => Promise<ReplResponse>
export type LocalGet = (pathAndQuery: string) => Promise<{ status: number; body: string }>

const evaluating = new Map<string, { get: LocalGet; depth: number }>()
let installed = false

function install(): void {
  const global = globalThis as unknown as { httpGet: HttpGet }
  const overHttp = global.httpGet
  global.httpGet = async (request) => {
    const url = request.url ?? ''
    for (const [origin, { get }] of evaluating) {
      if (url.startsWith(`${origin}/`)) return { ...request, ...(await get(url.slice(origin.length))) }
    }
    return overHttp(request)
  }
  installed = true
}

/** Runs `evaluation`, answering the REPL's requests to `origin` with `get` meanwhile. */
export async function withLocalReads<T>(origin: string, get: LocalGet, evaluation: () => Promise<T>): Promise<T> {
  if (!installed) install()
  const entry = evaluating.get(origin) ?? { get, depth: 0 }
  entry.depth++
  evaluating.set(origin, entry)
  try {
    return await evaluation()
  } finally {
    if (--entry.depth === 0) evaluating.delete(origin)
  }
}
