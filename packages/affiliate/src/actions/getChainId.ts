import { chainIdOf } from '../address.ts'
import type { Client } from '../client.ts'
import { fetchLastHeader } from '../node/chain.ts'

export type GetChainIdParameters = Record<string, never>
export type GetChainIdReturnType = string

/**
 * The node's chain id (one character): the configured `chainId`, or else read once from the node
 * (GET /blocks/headers/last, the generator's address) and cached for the client's life.
 *
 * @example
 * await getChainId(client) // 'R'
 */
export function getChainId(client: Client): Promise<GetChainIdReturnType> {
  client.state.chainId ??= fetchLastHeader(client.transport).then((header) => {
    const chainId = chainIdOf(header.generator)
    if (chainId === undefined) throw new Error(`the node's last block has no generator address: ${JSON.stringify(header.generator)}`)
    return chainId
  })
  // a failed read is not cached: the next call asks again
  client.state.chainId.catch(() => {
    client.state.chainId = undefined
  })
  return client.state.chainId
}
