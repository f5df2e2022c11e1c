// /node and /utils/time: the node's version and status, and its clock (the rest of /utils is in utils.ts).
import { NODE_VERSION } from '../constants.ts'
import { NodeError } from '../errors.ts'
import { lastBlock } from '../state/state.ts'
import type { Router } from './router.ts'

/** java.time.Instant.toString of `ms`: ISO-8601 in UTC, the milliseconds only when there are any. */
export function instantText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

export function nodeRoutes(router: Router): void {
  router
    .on('GET', '/node/version', () => ({ version: NODE_VERSION }))
    .on('GET', '/node/status', (_req, chain) => {
      const block = lastBlock(chain.state)
      return { blockchainHeight: chain.height, stateHeight: chain.height, updatedTimestamp: block.timestamp, updatedDate: instantText(block.timestamp) }
    })
    // AuthRoute.withAuth: a node without `rest-api.api-key-hash` refuses every key with ApiKeyNotValid
    .on('POST', '/node/stop', () => {
      throw new NodeError(2, 'Provided API key is not correct', 403)
    })
    .on('GET', '/utils/time', (_req, chain) => ({ system: chain.clock.now(), NTP: chain.clock.now() }))
}
