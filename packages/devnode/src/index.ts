// waves-devnode: a local Waves node for development and tests. `createDevnode()` starts one in-process
// (REST API on localhost, dApps run from their compiled bytes by the RIDE engine in ride/);
// the `waves-devnode` bin starts one from the command line. Not for production: it mines alone.
import type { AddressInfo } from 'node:net'
import { Chain, type ChainOptions } from './chain/devnode.ts'
import { createApiServer } from './routes/server.ts'

export { Chain, type ChainOptions, type GenesisAccount } from './chain/devnode.ts'
export { NodeError } from './errors.ts'
export { DEFAULT_CHAIN_ID, DEFAULT_PORT, GENESIS_SEED, GENESIS_BALANCE, INITIAL_HEIGHT, NODE_VERSION } from './constants.ts'

export interface DevnodeOptions extends ChainOptions {
  /** 0 (the default here) picks a free port; the bin defaults to 6869 */
  port?: number
  host?: string
  /** called with unexpected server errors (bugs), which are answered with 500 */
  onError?: (e: unknown) => void
}

export interface Devnode {
  /** the REST API's origin, e.g. http://127.0.0.1:6869 */
  url: string
  port: number
  chain: Chain
  /** same as POST /transactions/broadcast: resolves with the applied transaction or rejects with a NodeError */
  broadcast(tx: object): Promise<Record<string, unknown>>
  mine(): Promise<number>
  setTime(ms: number): void
  snapshot(): Promise<number>
  revert(id: number): Promise<void>
  close(): Promise<void>
}

export async function createDevnode(options: DevnodeOptions = {}): Promise<Devnode> {
  const chain = new Chain(options)
  const server = createApiServer(chain, options.onError)
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (e) {
    chain.close()
    throw e
  }
  const { port } = server.address() as AddressInfo
  const host = options.host ?? '127.0.0.1'
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  const timer = options.blockTime && options.blockTime > 0 ? setInterval(() => void chain.mine(), options.blockTime) : undefined
  return {
    url,
    port,
    chain,
    broadcast: (tx) => chain.broadcast(tx),
    mine: async () => (await chain.mine()).height,
    setTime: (ms) => chain.setTime(ms),
    snapshot: () => chain.snapshot(),
    revert: (id) => chain.revert(id),
    close: async () => {
      if (timer) clearInterval(timer)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      chain.close()
    },
  }
}
