// /addresses: balances, script info and account data (by key, by keys, by whole-key regex).
import { MAX_KEYS_PER_REQUEST, accountExtraFee } from '../constants.ts'
import { checkAddress } from '../chain/tx.ts'
import { nodeErrors } from '../errors.ts'
import { balanceOf, wavesBalanceDetails, type DataEntry } from '../state/state.ts'
import type { Chain } from '../chain/devnode.ts'
import type { Request, Router } from './router.ts'

function addressParam(req: Request, chain: Chain): string {
  return checkAddress(req.params['address']!, chain.chainIdByte)
}

function entries(chain: Chain, address: string): Map<string, DataEntry> {
  return chain.state.data.get(address) ?? new Map()
}

function byKeys(chain: Chain, address: string, keys: string[]): DataEntry[] {
  if (keys.length > MAX_KEYS_PER_REQUEST) throw nodeErrors.tooManyKeys(MAX_KEYS_PER_REQUEST)
  const all = entries(chain, address)
  return keys.flatMap((key) => {
    const entry = all.get(key)
    return entry ? [entry] : []
  })
}

/** `matches` is a regex for the whole key, as Java's String.matches on the node. */
function byRegex(chain: Chain, address: string, pattern: string): DataEntry[] {
  let regex: RegExp
  try {
    regex = new RegExp(`^(?:${pattern})$`, 'u')
  } catch (e) {
    throw nodeErrors.custom(`Invalid regular expression in matches: ${e instanceof Error ? e.message : String(e)}`)
  }
  const found: DataEntry[] = []
  for (const entry of entries(chain, address).values()) if (regex.test(entry.key)) found.push(entry)
  return found.sort(byKey)
}

const byKey = (a: DataEntry, b: DataEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw nodeErrors.wrongJson(`${field}: expected an array of strings`)
  return value as string[]
}

export function addressRoutes(router: Router): void {
  router
    .on('GET', '/addresses/balance/{address}', (req, chain) => {
      const address = addressParam(req, chain)
      return { address, confirmations: 0, balance: balanceOf(chain.state, address) }
    })
    .on('GET', '/addresses/balance/details/{address}', (req, chain) => {
      const address = addressParam(req, chain)
      const { regular, generating, available, effective } = wavesBalanceDetails(chain.state, address)
      return { address, regular, generating, available, effective }
    })
    .on('GET', '/addresses/effectiveBalance/{address}', (req, chain) => {
      const address = addressParam(req, chain)
      return { address, confirmations: 0, balance: wavesBalanceDetails(chain.state, address).effective }
    })
    .on('GET', '/addresses/validate/{address}', (req, chain) => {
      const address = req.params['address']!
      try {
        checkAddress(address, chain.chainIdByte)
        return { address, valid: true }
      } catch {
        return { address, valid: false }
      }
    })
    .on('GET', '/addresses/scriptInfo/{address}', (req, chain) => {
      const address = addressParam(req, chain)
      const script = chain.state.scripts.get(address)
      if (!script) return { address, complexity: 0, verifierComplexity: 0, callableComplexities: {}, extraFee: 0 }
      return {
        address,
        script: `base64:${script.base64}`,
        complexity: Math.max(script.verifierComplexity, ...Object.values(script.callableComplexities)),
        verifierComplexity: script.verifierComplexity,
        callableComplexities: script.callableComplexities,
        extraFee: accountExtraFee(script.verifierComplexity),
        publicKey: script.publicKey,
      }
    })
    .on('GET', '/addresses/data/{address}', (req, chain) => {
      const address = addressParam(req, chain)
      const matches = req.query.get('matches')
      const keys = req.query.getAll('key')
      if (matches !== null) return byRegex(chain, address, matches)
      if (keys.length > 0) return byKeys(chain, address, keys)
      return [...entries(chain, address).values()].sort(byKey)
    })
    .on('POST', '/addresses/data/{address}', (req, chain) => {
      const address = addressParam(req, chain)
      const body = req.body()
      if (body instanceof URLSearchParams) {
        const matches = body.get('matches')
        return matches !== null ? byRegex(chain, address, matches) : byKeys(chain, address, body.getAll('key'))
      }
      if (typeof body !== 'object' || body === null) throw nodeErrors.wrongJson('expected {"keys": [...]} or {"matches": "..."}')
      const { keys, matches } = body as { keys?: unknown; matches?: unknown }
      if (typeof matches === 'string') return byRegex(chain, address, matches)
      return byKeys(chain, address, stringList(keys, 'keys'))
    })
    .on('GET', '/addresses/data/{address}/{key*}', (req, chain) => {
      const address = addressParam(req, chain)
      const entry = entries(chain, address).get(req.params['key']!)
      if (!entry) throw nodeErrors.noDataForKey()
      return entry
    })
}

