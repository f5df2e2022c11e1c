// /addresses: balances, script info and account data (by key, by keys, by whole-key regex).
import { MAX_KEYS_PER_REQUEST, accountExtraFee } from '../constants.ts'
import { checkAddress } from '../chain/tx.ts'
import { NodeError, nodeErrors } from '../errors.ts'
import { JavaRegexError, javaRegex } from './java-regex.ts'
import { writeJson } from './json.ts'
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

/** `matches` is a java.util.regex pattern for the whole key; one that does not compile gets the node's text. */
function byRegex(chain: Chain, address: string, pattern: string): DataEntry[] {
  let regex: RegExp
  try {
    regex = javaRegex(pattern)
  } catch (e) {
    if (!(e instanceof JavaRegexError)) throw e
    throw nodeErrors.custom('Cannot compile regex')
  }
  const found: DataEntry[] = []
  for (const entry of entries(chain, address).values()) if (regex.test(entry.key)) found.push(entry)
  return found.sort(byKey)
}

const byKey = (a: DataEntry, b: DataEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/**
 * `keys` of a JSON body as the node's anyParam reads it (`(json \ "keys").as[Iterable[String]]`): anything else is
 * play-json's validation error, answered as WrongJson with its path and message.
 */
function jsonKeys(body: unknown): string[] {
  const invalid = (path: string, message: string) =>
    new NodeError(1, 'json data validation error, see validationErrors for details', 400, {
      cause: null,
      validationErrors: { [path]: [{ msg: [message], args: [] }] },
    })
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('obj', 'error.expected.jsobject')
  const keys = (body as Record<string, unknown>)['keys']
  if (keys === undefined) throw invalid('obj', `'keys' is undefined on object: ${writeJson(body, false)}`)
  if (!Array.isArray(keys)) throw invalid('obj', 'error.expected.jsarray')
  const wrong = keys.findIndex((k) => typeof k !== 'string')
  if (wrong >= 0) throw invalid(`obj(${wrong})`, 'error.expected.jsstring')
  return keys as string[]
}

/** POST: keys in the body must be there (4008 `Key was not specified`), at most 1,000 of them. */
function postedKeys(chain: Chain, address: string, keys: string[]): DataEntry[] {
  if (keys.length === 0) throw new NodeError(4008, 'Key was not specified')
  return byKeys(chain, address, keys)
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
      // AddressApiRoute.scriptInfo; its scriptText (the Scala printout of the script's tree) is not reproduced
      if (!script) return { address, script: null, version: null, complexity: 0, verifierComplexity: 0, callableComplexities: {}, extraFee: 0, publicKey: null }
      return {
        address,
        script: `base64:${script.base64}`,
        version: script.stdLibVersion,
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
    // AddressApiRoute.getData: `matches` as a form field or a query parameter, else keys as form fields or in JSON
    .on('POST', '/addresses/data/{address}', (req, chain) => {
      const address = addressParam(req, chain)
      const body = req.body()
      const form = body instanceof URLSearchParams ? body : null
      const matches = form?.get('matches') ?? req.query.get('matches')
      if (matches !== null) return byRegex(chain, address, matches)
      return postedKeys(chain, address, form ? form.getAll('key') : jsonKeys(body))
    })
    .on('GET', '/addresses/data/{address}/{key*}', (req, chain) => {
      const address = addressParam(req, chain)
      const entry = entries(chain, address).get(req.params['key']!)
      if (!entry) throw nodeErrors.noDataForKey()
      return entry
    })
}

