// /node and /utils: the node's version and status, its clock, and the script compiler.
import { NODE_VERSION, accountExtraFee } from '../constants.ts'
import { nodeErrors } from '../errors.ts'
import { lastBlock } from '../state/state.ts'
import type { Chain } from '../chain/devnode.ts'
import type { Router } from './router.ts'

function compile(chain: Chain, source: string, libraries: Record<string, string>) {
  const compiled = chain.compile({ source, libraries })
  return {
    script: `base64:${compiled.base64}`,
    complexity: compiled.complexity,
    verifierComplexity: compiled.verifierComplexity,
    callableComplexities: compiled.callableComplexities,
    extraFee: accountExtraFee(compiled.verifierComplexity),
  }
}

export function nodeRoutes(router: Router): void {
  router
    .on('GET', '/node/version', () => ({ version: NODE_VERSION }))
    .on('GET', '/node/status', (_req, chain) => {
      const block = lastBlock(chain.state)
      return { blockchainHeight: chain.height, stateHeight: chain.height, updatedTimestamp: block.timestamp, updatedDate: new Date(block.timestamp).toISOString() }
    })
    .on('GET', '/utils/time', (_req, chain) => ({ system: chain.clock.now(), NTP: chain.clock.now() }))

    .on('POST', '/utils/script/compileCode', (req, chain) => compile(chain, req.text, {}))
    .on('POST', '/utils/script/compileWithImports', (req, chain) => {
      const body = req.body() as { script?: unknown; imports?: unknown } | null
      if (typeof body?.script !== 'string') throw nodeErrors.wrongJson('script: expected a string')
      const imports = body.imports ?? {}
      if (typeof imports !== 'object' || imports === null || Object.values(imports).some((v) => typeof v !== 'string')) {
        throw nodeErrors.wrongJson('imports: expected an object of strings')
      }
      return compile(chain, body.script, imports as Record<string, string>)
    })
}
