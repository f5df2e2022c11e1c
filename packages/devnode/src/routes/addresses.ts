// /addresses: balances (now and over a range of blocks), script info and meta, account data (by key, by keys, by
// whole-key regex), the address of a public key, and the wallet routes as a node without wallet accounts answers them.
import { type Context, createContext, runInContext } from 'node:vm'
import { MAX_KEYS_PER_REQUEST, accountExtraFee } from '../constants.ts'
import { address as addressOfKey, base58Decode } from '../crypto.ts'
import { checkAddress } from '../chain/tx.ts'
import { ScriptCache } from '../chain/scripts.ts'
import { NodeError, nodeErrors } from '../errors.ts'
import { argTypeName } from '../ride/script/meta.ts'
import { scriptText } from '../ride/script/printout.ts'
import { JavaRegexError, javaRegex } from './java-regex.ts'
import { writeJson } from './json.ts'
import { inScalaMapOrder, scalaMapOrder, scalaTupleSetOrder } from '../scala-order.ts'
import { balanceOf, balanceSnapshots as snapshots, effectiveBalanceOver as effectiveOver, height, wavesBalanceDetails, WAVES, type ChainState, type DataEntry } from '../state/state.ts'
import type { Chain } from '../chain/devnode.ts'
import type { Request, Router } from './router.ts'
import { intQuery } from './params.ts'

/** AddressApiRoute.maxBalanceDepth: the node's db.max-rollback-depth (2,000 blocks by default). */
const MAX_BALANCE_DEPTH = 2000
/** rest-api.transactions-by-address-limit: at most this many addresses in one /addresses/balance request */
const MAX_ADDRESSES = 1000

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/**
 * An address in the path as the node's AddrSegment reads it: a character outside base58 is a GenericError with
 * StdBase58's `require` text (199), bytes that are no address of this chain are InvalidAddress (102).
 */
export function addressSegment(value: string, chainId: number): string {
  const wrong = base58Fault(value)
  if (wrong !== undefined) throw nodeErrors.custom(wrong)
  return checkAddress(value, chainId)
}

/** StdBase58.decode's `require` text for the first character outside base58 (one UTF-16 unit at a time, as a JVM String is read). */
export function base58Fault(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    if (!BASE58_ALPHABET.includes(value[i]!)) return `requirement failed: Wrong char '${value[i]}' in Base58 string '${value}'`
  }
  return undefined
}

const withoutPrefix = (address: string) => (address.startsWith('address:') ? address.slice('address:'.length) : address)

/** Address.fromString: an address of this chain, with or without the `address:` prefix. */
function validAddress(address: string, chainId: number): boolean {
  try {
    checkAddress(withoutPrefix(address), chainId)
    return true
  } catch {
    return false
  }
}

function addressParam(req: Request, chain: Chain): string {
  return addressSegment(req.params['address']!, chain.chainIdByte)
}

/** akka's IntNumber: decimal digits that fit an Int; anything else does not match the route (404). */
function intSegment(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!(n <= 2 ** 31 - 1)) throw nodeErrors.notFound()
  return n
}

// ---- balances over a range of blocks (Blockchain.balance, effectiveBalance, balanceAtHeight) ----

/** an asset id no asset has (state keys assets by base58 ids, which are never empty) */
const NO_ASSET = '\u0000'

const least = (values: bigint[]) => values.reduce((a, b) => (b < a ? b : a))

/** Blockchain.balance(address, height, confirmations): the least regular balance of the last `confirmations` blocks. */
function regularOver(state: ChainState, address: string, confirmations: number): bigint {
  const h = height(state)
  const from = Math.min(Math.max(h - confirmations + 1, 1), h)
  return least(snapshots(state, address, from, h).map((s) => s.regular))
}

/** Blockchain.balanceAtHeight: the balance of `asset` in effect at `atHeight`, 0 before the first change. */
function balanceAtHeight(state: ChainState, address: string, atHeight: number, asset: string): bigint {
  let balance = 0n
  if (asset === WAVES) {
    for (const s of state.wavesHistory?.get(address) ?? []) if (s.height <= atHeight) balance = s.regular
  } else {
    for (const [h, b] of state.assetHistory?.get(`${address}|${asset}`) ?? []) if (h <= atHeight) balance = b
  }
  return balance
}

/** AddressApiRoute.validateBalanceDepth: no balance older than max-rollback-depth blocks (199 otherwise). */
function checkBalanceDepth(state: ChainState, atHeight: number): void {
  const oldest = height(state) - MAX_BALANCE_DEPTH
  if (atHeight < oldest) throw nodeErrors.custom(`Unable to get balance past height ${oldest}`)
}

/**
 * AddressApiRoute.balancesJson: `{id, balance}` at `atHeight` for each distinct valid address (invalid ones are left
 * out), WAVES or `asset`, in the order of the Scala Set of (address, balance) the node makes of them.
 */
function balancesAt(state: ChainState, addresses: string[], atHeight: number | undefined, asset: string | undefined, chainId: number): unknown[] {
  const h = atHeight ?? height(state)
  checkBalanceDepth(state, h)
  if (addresses.length > MAX_ADDRESSES) throw new NodeError(10, 'Too big sequence requested')
  if (h < 1 || h > height(state)) throw nodeErrors.custom(`Illegal height: ${h}`)
  let assetId = WAVES
  if (asset !== undefined) {
    // the node's `.get` on a failed decode ends as 500 Error is unknown; a bad id is the client's, so 4007 here
    if (asset.length > 192 || base58Fault(asset) !== undefined) throw nodeErrors.invalidAssetId()
    // `asset=` decodes to the empty id: an issued asset nobody holds, not WAVES
    assetId = asset === '' ? NO_ASSET : asset
  }
  const distinct = [...new Set(addresses)]
  // Address.fromString: the string as sent is the id, an `address:` prefix read past
  const valid = distinct.filter((a) => validAddress(a, chainId))
  const rows = valid.map((id) => ({ id, balance: balanceAtHeight(state, withoutPrefix(id), h, assetId) }))
  return scalaTupleSetOrder(rows, distinct.length, (row) => [row.id, row.balance])
}

// ---- account data ----

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
  const all = entries(chain, address)
  return keysMatching(regex, [...all.keys()])
    .map((key) => all.get(key)!)
    .sort(byKey)
}

/**
 * akka.http.server.request-timeout of a node (20 s): RouteTimeout answers a data stream that long without an entry with
 * ServerRequestTimeout.
 */
const REQUEST_TIMEOUT_MS = 20_000
let regexRealm: Context | undefined

/**
 * The keys `regex` matches, tried within `timeoutMs`: a pattern that backtracks without end (`(a|a)*b` over a long
 * key, as java.util.regex would too) is stopped there and answered as the node's RouteTimeout answers, 5031 (HTTP 503),
 * instead of holding the dev node's one thread.
 */
export function keysMatching(regex: RegExp, keys: readonly string[], timeoutMs = REQUEST_TIMEOUT_MS): string[] {
  // vm's timeout interrupts a running regex; the realm is made once and holds nothing between calls
  const realm = (regexRealm ??= createContext({}))
  realm['regex'] = regex
  realm['keys'] = keys
  try {
    return Array.from(runInContext('keys.filter((key) => regex.test(key))', realm, { timeout: timeoutMs }) as string[])
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw e
    throw new NodeError(5031, 'The server was not able to produce a timely response to request', 503)
  } finally {
    realm['regex'] = undefined
    realm['keys'] = undefined
  }
}

const byKey = (a: DataEntry, b: DataEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/**
 * A string array of a JSON body as play-json's `(json \ name).as[Seq[String]]` reads it: anything else is the
 * node's WrongJson with play-json's path and message.
 */
export function jsonStrings(body: unknown, name: string): string[] {
  const invalid = (path: string, message: string) =>
    new NodeError(1, 'json data validation error, see validationErrors for details', 400, {
      cause: null,
      validationErrors: { [path]: [{ msg: [message], args: [] }] },
    })
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('obj', 'error.expected.jsobject')
  const values = (body as Record<string, unknown>)[name]
  if (values === undefined) throw invalid('obj', `'${name}' is undefined on object: ${writeJson(body, false)}`)
  if (!Array.isArray(values)) throw invalid('obj', 'error.expected.jsarray')
  const wrong = values.findIndex((k) => typeof k !== 'string')
  if (wrong >= 0) throw invalid(`obj(${wrong})`, 'error.expected.jsstring')
  return values as string[]
}

/** POST: keys in the body must be there (4008 `Key was not specified`), at most 1,000 of them. */
function postedKeys(chain: Chain, address: string, keys: string[]): DataEntry[] {
  if (keys.length === 0) throw new NodeError(4008, 'Key was not specified')
  return byKeys(chain, address, keys)
}

/** GET /addresses/data/{address} after its path: `matches`, else `key`s, else everything, sorted by key. */
function listData(req: Request, chain: Chain, address: string, keysAllowed: boolean): DataEntry[] {
  const matches = req.query.get('matches')
  const keys = req.query.getAll('key')
  if (matches !== null) return byRegex(chain, address, matches)
  if (keysAllowed && keys.length > 0) return byKeys(chain, address, keys)
  return [...entries(chain, address).values()].sort(byKey)
}

// AddressApiRoute.getData: `matches` as a form field or a query parameter, else keys as form fields or in JSON
function postData(req: Request, chain: Chain): DataEntry[] {
  const address = addressParam(req, chain)
  const body = req.body()
  const form = body instanceof URLSearchParams ? body : null
  const matches = form?.get('matches') ?? req.query.get('matches')
  if (matches !== null) return byRegex(chain, address, matches)
  return postedKeys(chain, address, form ? form.getAll('key') : jsonStrings(body, 'keys'))
}

// ---- scripts ----

const scripts = new ScriptCache()

/**
 * AddressApiRoute.scriptMeta: `{address}` without a script, `{address, meta: {version, callableFuncTypes}}` for a
 * dApp (BaseGlobal.dAppFuncTypes: each callable's arguments with their meta types, the version as a string), and
 * 199 `ScriptParseError(<text>)` for an expression or a meta whose types do not read.
 */
function scriptMeta(chain: Chain, address: string): Record<string, unknown> {
  const facts = chain.state.scripts.get(address)
  if (!facts) return { address }
  const script = scripts.get(facts.base64)
  if (script.kind !== 'dapp') throw nodeErrors.custom('ScriptParseError(Expected DApp)')
  if (script.meta.typesError !== undefined) throw nodeErrors.custom(`ScriptParseError(${script.meta.typesError})`)
  // `types zip callableFuncs` and `args zip types`: the shorter list decides; the pairs become a Scala Map
  const signatures: [string, unknown][] = []
  script.meta.callableArgTypes.forEach((types, i) => {
    const callable = script.callables[i]
    if (!callable) return
    const { name, args } = callable.func
    signatures.push([name, args.slice(0, types.length).map((arg, j) => ({ name: arg, type: argTypeName(types[j]!) }))])
  })
  return { address, meta: { version: String(script.meta.version), callableFuncTypes: Object.fromEntries(scalaMapOrder(signatures)) } }
}

/** The wallet routes' api key check (ApiRoute.withAuth): the dev node has no key, so none is correct. */
const apiKeyNotValid = () => new NodeError(2, 'Provided API key is not correct', 403)

export function addressRoutes(router: Router): void {
  router
    .on('GET', '/addresses/balance/details/{address}', (req, chain) => {
      const address = addressParam(req, chain)
      // GeneratingBalanceProvider.balance: the least effective balance of the last 1,000 blocks
      const { regular, generating, available, effective } = wavesBalanceDetails(chain.state, address)
      return { address, regular, generating, available, effective }
    })
    .on('GET', '/addresses/validate/{address}', (req, chain) => {
      const address = req.params['address']!
      return { address, valid: validAddress(address, chain.chainIdByte) }
    })
    .on('GET', '/addresses/balance/{address}', (req, chain) => {
      const address = addressParam(req, chain)
      return { address, confirmations: 0, balance: balanceOf(chain.state, address) }
    })
    // AddressApiRoute.balances: `address` repeated, `height` and `asset` optional
    // akka's repeated parameter (`"address".as[String].*`) reads Query.getAll, which lists the values last first
    .on('GET', '/addresses/balance', (req, chain) =>
      balancesAt(chain.state, req.query.getAll('address').reverse(), intQuery(req.query, 'height'), req.query.get('asset') ?? undefined, chain.chainIdByte),
    )
    // AddressApiRoute.balancesPost: {"addresses": [...], "height"?, "asset"?}; a height or asset of another type is absent
    .on('POST', '/addresses/balance', (req, chain) => {
      const body = req.json()
      const addresses = jsonStrings(body, 'addresses')
      const fields = body as Record<string, unknown>
      const h = fields['height']
      const atHeight = typeof h === 'number' && Number.isInteger(h) && h >= -(2 ** 31) && h <= 2 ** 31 - 1 ? h : undefined
      const asset = typeof fields['asset'] === 'string' ? fields['asset'] : undefined
      return balancesAt(chain.state, addresses, atHeight, asset, chain.chainIdByte)
    })
    .on('GET', '/addresses/balance/{address}/{confirmations}', (req, chain) => {
      const address = addressParam(req, chain)
      const confirmations = intSegment(req.params['confirmations']!)
      checkBalanceDepth(chain.state, height(chain.state) - confirmations)
      return { address, confirmations, balance: regularOver(chain.state, address, confirmations) }
    })
    .on('GET', '/addresses/seq/{from}/{to}', (req) => {
      const from = intSegment(req.params['from']!)
      const to = intSegment(req.params['to']!)
      if (from > to) throw nodeErrors.custom('Invalid sequence')
      if (to - from >= 1000) throw nodeErrors.tooManyKeys(1000)
      return []
    })
    .on('GET', '/addresses/publicKey/{publicKey}', (req, chain) => {
      const publicKey = req.params['publicKey']!
      let valid = false
      try {
        valid = publicKey.length <= 192 && base58Decode(publicKey).length === 32
      } catch {
        valid = false
      }
      if (!valid) throw nodeErrors.invalidPublicKey()
      return { address: addressOfKey({ publicKey }, chain.chainId) }
    })
    .on('GET', '/addresses/seed/{address}', () => {
      throw apiKeyNotValid()
    })
    .on('GET', '/addresses/scriptInfo/{address}', (req, chain) => {
      const address = addressParam(req, chain)
      const script = chain.state.scripts.get(address)
      // AddressApiRoute.scriptInfo; scriptText is the printout of the script's terms, null for a dApp (ride/script/printout.ts)
      if (!script) return { address, script: null, scriptText: null, version: null, complexity: 0, verifierComplexity: 0, callableComplexities: {}, extraFee: 0, publicKey: null }
      return {
        address,
        script: `base64:${script.base64}`,
        scriptText: scriptText(scripts.get(script.base64)),
        version: script.stdLibVersion,
        complexity: Math.max(script.verifierComplexity, ...Object.values(script.callableComplexities)),
        verifierComplexity: script.verifierComplexity,
        callableComplexities: inScalaMapOrder(script.callableComplexities),
        extraFee: accountExtraFee(script.verifierComplexity),
        publicKey: script.publicKey,
      }
    })
    .on('GET', '/addresses/scriptInfo/{address}/meta', (req, chain) => scriptMeta(chain, addressParam(req, chain)))
    .on('GET', '/addresses/data/{address}', (req, chain) => listData(req, chain, addressParam(req, chain), true), { singleSlash: true })
    .on('POST', '/addresses/data/{address}', postData, { singleSlash: true })
    .on('GET', '/addresses/data/{address}/{key}', (req, chain) => {
      const address = addressParam(req, chain)
      const entry = entries(chain, address).get(req.params['key']!)
      if (!entry) throw nodeErrors.noDataForKey()
      return entry
    })
    // path(Segment) takes one segment; the node's other data directives do not look at the rest of the path
    .on('GET', '/addresses/data/{address}/{key}/{rest*}', (req, chain) => listData(req, chain, addressParam(req, chain), false))
    .on('POST', '/addresses/data/{address}/{rest*}', postData)
    // effectiveBalance routes take any method
    .on('GET', '/addresses/effectiveBalance/{address}', (req, chain) => effectiveNow(req, chain))
    .on('POST', '/addresses/effectiveBalance/{address}', (req, chain) => effectiveNow(req, chain))
    .on('GET', '/addresses/effectiveBalance/{address}/{confirmations}', (req, chain) => effectiveWith(req, chain))
    .on('POST', '/addresses/effectiveBalance/{address}/{confirmations}', (req, chain) => effectiveWith(req, chain))
    // the wallet: no accounts; creating one needs the api key
    .on('GET', '/addresses', () => [])
    .on('POST', '/addresses', () => {
      throw apiKeyNotValid()
    })
    // deleteAddress checks the key before it reads the path: any DELETE under /addresses
    .on('DELETE', '/addresses', () => {
      throw apiKeyNotValid()
    })
    .on('DELETE', '/addresses/{rest*}', () => {
      throw apiKeyNotValid()
    })
}

function effectiveNow(req: Request, chain: Chain): unknown {
  const address = addressParam(req, chain)
  return { address, confirmations: 0, balance: effectiveOver(chain.state, address, 0) }
}

function effectiveWith(req: Request, chain: Chain): unknown {
  const address = addressParam(req, chain)
  const confirmations = intSegment(req.params['confirmations']!)
  checkBalanceDepth(chain.state, height(chain.state) - confirmations)
  return { address, confirmations, balance: effectiveOver(chain.state, address, confirmations) }
}
