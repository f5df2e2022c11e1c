// /blocks.
import { lastBlock } from '../state/state.ts'
import type { Router } from './router.ts'
import { blockAt, blockHeader, fullBlock } from './views.ts'

export function blockRoutes(router: Router): void {
  router
    .on('GET', '/blocks/height', (_req, chain) => ({ height: chain.height }))
    .on('GET', '/blocks/last', (_req, chain) => fullBlock(chain, lastBlock(chain.state)))
    .on('GET', '/blocks/headers/last', (_req, chain) => blockHeader(lastBlock(chain.state)))
    .on('GET', '/blocks/at/{height}', (req, chain) => fullBlock(chain, blockAt(chain, req.params['height']!)))
    .on('GET', '/blocks/headers/at/{height}', (req, chain) => blockHeader(blockAt(chain, req.params['height']!)))
}
