// `deployAffiliate`: compiles ride/affiliate.ride, sets it as the script of the seed's account on any Waves
// node (a real one or waves-devnode), applies the initial configuration, and checks what the node then
// reports. Used by `npm run deploy` (deploy.cli.ts), `npm start` and the tests; safe to call on every start:
// what is already on the chain is not sent again. Node only (ride-js compiles here).
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { compileRide } from './compile.ts'

const require = createRequire(import.meta.url)
const wt = require('@waves/waves-transactions') as typeof import('@waves/waves-transactions')
const crypto = wt.libs.crypto

export const DEFAULT_FILE = join(import.meta.dirname, 'affiliate.ride')

/** Minimal invoke fee (0.005 WAVES). */
export const INVOKE_FEE = 500_000n
/** What a node adds to the fee of a transaction from an account with a verifier (0.004 WAVES). */
export const SMART_ACCOUNT_EXTRA_FEE = 400_000n
/** Per started kilobyte of script, the rule of the SetScript fee where `/transactions/calculateFee` is missing. */
const SET_SCRIPT_FEE_PER_KB = 100_000n

export interface DeployConfig {
  /** per mille, each >= 0, sum <= 1000 */
  rates?: { l1: number; l2: number; l3: number; cashback: number }
  /** 0..28 */
  powBits?: number
  /** in the asset's smallest unit, 1..10^12 */
  minFund?: bigint
  /** the smallest withdrawal in the program's asset that gets its fee refunded, 0..10^12 */
  minWithdraw?: bigint
  /** what an address must have paid before it may invite, 0 (off)..10^12 */
  minReferrerPaid?: bigint
  /** wavelets refunded per day at most, 0..10^11 */
  refundBudget?: bigint
  /** wavelets refunded per account per day at most, 0..10^9 */
  refundShare?: bigint
  /** blocks between announcing a script upgrade and setting it, 1440..43200 */
  upgradeDelay?: number
  /** `WAVES` or the base58 id of an existing asset; minFund, minWithdraw and minReferrerPaid are in its units */
  asset?: string
  /** host accounts that may call fundFor (added when missing; never removed here) */
  hosts?: string[]
}

export interface DeployOptions {
  /** the node's REST origin, e.g. https://nodes-testnet.wavesnodes.com */
  node: string
  /** the dApp account's seed; not needed for a dry run */
  seed?: string
  /** RIDE file; ride/affiliate.ride by default */
  file?: string
  /** `config_admin`: an address that administers beside the dApp itself (set once, by `init`) */
  admin?: string
  /** `config_root`: the operator that takes the change (the dApp's address by default) */
  root?: string
  config?: DeployConfig
  /**
   * The gas reserve to have, in wavelets: the difference to the current `gas_reserve` is set aside from
   * the dApp's own WAVES with `reserveGas` (a dApp cannot pay itself with `topUpGas`).
   */
  gasReserve?: bigint
  /**
   * false: stop before setting the `@Verifier` (the account's key stays unbound: for tests that write
   * state with it). Default true.
   */
  verifier?: boolean
  /** compile, print the figures and read the chain id; send nothing */
  dryRun?: boolean
  log?: (line: string) => void
  /** how long to wait for each transaction to be confirmed (default 3 minutes) */
  timeoutMs?: number
}

export interface DeployResult {
  /** the dApp's address ('' in a dry run without a seed) */
  dApp: string
  chainId: string
  /** script bytes */
  size: number
  callableComplexities: Record<string, number>
  /** 0 when the script has no `@Verifier` */
  verifierComplexity: number
  /** the script as the node stores it (`base64:...`): the whole file, or without its verifier when `verifier` is false */
  script: string
  /** blake2b256 of the script bytes, base58: what `announceUpgrade` takes before this script may replace one with a verifier */
  scriptHash: string
  /** the SetScript fee of `script` (paid, or that would be paid), in wavelets */
  setScriptFee: bigint
  /** ids of the transactions sent, in order */
  txIds: string[]
  /** the fees of the transactions sent, in wavelets */
  feesPaid: bigint
  /** the account already had exactly this script: no SetScript was sent */
  alreadyDeployed: boolean
  dryRun: boolean
}

/** A deploy step failed; the message says what happened and what to do. */
export class DeployError extends Error {
  constructor(
    message: string,
    /** the step: `node`, `seed`, `compile`, `funds`, `broadcast`, `upgrade`, `confirm`, `verify` */
    readonly step: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'DeployError'
  }
}

type Json = any

/** A tiny REST client that turns every failure into a DeployError. */
function nodeApi(origin: string) {
  const base = origin.replace(/\/+$/, '')
  const request = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    let res: Response
    try {
      res = await fetch(base + path, {
        method,
        headers: { accept: 'application/json;large-significand-format=string', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    } catch (e) {
      throw new DeployError(`cannot reach the node at ${base} (${e instanceof Error ? (e.cause as Error | undefined)?.message ?? e.message : String(e)}): check --node and that the node is running`, 'node', { cause: e })
    }
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: kept as text for the message
    }
    return { status: res.status, body: parsed }
  }
  const ok = async (method: string, path: string, body?: unknown): Promise<Json> => {
    const answer = await request(method, path, body)
    if (answer.status !== 200) {
      throw new DeployError(`the node answered ${answer.status} to ${method} ${path}: ${describe(answer.body)}`, 'node')
    }
    return answer.body
  }
  return { request, get: (path: string) => ok('GET', path), post: (path: string, body: unknown) => ok('POST', path, body) }
}

const describe = (body: unknown) =>
  typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : JSON.stringify(body)

/** The chain id byte of the node, from the generator address of its last block (byte 1 of any address). */
async function readChainId(api: ReturnType<typeof nodeApi>): Promise<string> {
  const header = await api.get('/blocks/headers/last')
  const generator = typeof header?.generator === 'string' ? header.generator : ''
  let bytes: Uint8Array
  try {
    bytes = crypto.base58Decode(generator)
  } catch (e) {
    throw new DeployError(`the node's last block has no readable generator address ('${generator}'): is this a Waves node?`, 'node', { cause: e })
  }
  if (bytes.length !== 26) throw new DeployError(`the node's last block has no valid generator address ('${generator}')`, 'node')
  return String.fromCharCode(bytes[1]!)
}

const callArg = (value: string | number | bigint) =>
  typeof value === 'string' ? { type: 'string' as const, value } : { type: 'integer' as const, value: value.toString() }

/**
 * Deploys the affiliate contract (or another RIDE file) to the account of `seed` on `node`.
 *
 * Steps: compile (figures logged); chain id from the node; on a dry run, stop. The script without its
 * `@Verifier` (unless the account has it already); then `init`, the setters and `reserveGas` for whatever
 * differs from the chain; then the whole script, verifier included, last; then `/addresses/scriptInfo` is
 * read back and compared with the compiled script and its verifier complexity. An account whose verifier is
 * in place gets another script only as an announced upgrade (`upgrade` step otherwise), before the calls,
 * which then pay the node's extra fee. Each transaction is waited for until confirmed.
 * @throws DeployError with the step and what to do.
 * @example await deployAffiliate({ node: 'https://nodes-testnet.wavesnodes.com', seed: process.env.WAVES_SEED! })
 */
export async function deployAffiliate(options: DeployOptions): Promise<DeployResult> {
  const log = options.log ?? (() => {})
  const file = options.file ?? DEFAULT_FILE
  const api = nodeApi(options.node)
  const timeoutMs = options.timeoutMs ?? 180_000

  let compiled, open
  try {
    compiled = compileRide(file)
    // set first, so that the key configures the dApp before the verifier binds it
    open = compiled.verifierComplexity > 0 ? compileRide(file, { withoutVerifier: true }) : compiled
  } catch (e) {
    throw new DeployError(`compiling ${file} failed: ${e instanceof Error ? e.message : String(e)}`, 'compile', { cause: e })
  }
  const target = options.verifier === false ? open : compiled
  const script = `base64:${target.base64}`
  const openScript = `base64:${open.base64}`
  const scriptHash = crypto.base58Encode(crypto.blake2b(crypto.base64Decode(target.base64)))
  log(`${relative(process.cwd(), file)}: ${compiled.size} bytes, complexity ${compiled.complexity} (estimator 3)`)
  // In source order: the compiler's map comes in hash order.
  for (const [, name = ''] of compiled.source.matchAll(/@Callable\(\w+\)\s*func (\w+)/g)) {
    log(`  ${name.padEnd(16)} ${compiled.callableComplexities[name]}`)
  }
  log(`  ${'verifier'.padEnd(16)} ${compiled.verifierComplexity === 0 ? 'none' : compiled.verifierComplexity}`)
  if (open !== compiled) log(`  set first without the verifier: ${open.size} bytes`)

  const chainId = await readChainId(api)
  const version = String((await api.get('/node/version'))?.version ?? '')
  log(`node ${options.node}: ${version}, chain '${chainId}'`)

  if (options.seed !== undefined && options.seed.trim() === '') throw new DeployError('the seed is empty: set WAVES_SEED to the dApp account\'s seed phrase', 'seed')
  const dApp = options.seed === undefined ? '' : crypto.address(options.seed, chainId)
  const setScriptFee = await minSetScriptFee(api, target.size, script, options.seed, chainId)
  const openFee = target === open ? setScriptFee : await minSetScriptFee(api, open.size, openScript, options.seed, chainId)
  log(
    `SetScript fee ${formatWaves(setScriptFee)} WAVES` +
      (target !== open ? ` (${formatWaves(openFee)} without the verifier)` : '') +
      `; each call to the dApp costs at least ${formatWaves(INVOKE_FEE)} WAVES` +
      (target.verifierComplexity > 0 ? `, ${formatWaves(INVOKE_FEE + SMART_ACCOUNT_EXTRA_FEE)} from the dApp's own key` : ''),
  )
  const result: DeployResult = {
    dApp,
    chainId,
    size: target.size,
    callableComplexities: target.callableComplexities,
    verifierComplexity: target.verifierComplexity,
    script,
    scriptHash,
    setScriptFee,
    txIds: [],
    feesPaid: 0n,
    alreadyDeployed: false,
    dryRun: options.dryRun === true,
  }
  const current = dApp === '' ? undefined : await api.get(`/addresses/scriptInfo/${dApp}`)
  result.alreadyDeployed = current?.script === script
  if (options.dryRun) {
    if (dApp !== '') log(`dApp ${dApp}: ${result.alreadyDeployed ? 'already has this script' : 'would get this script'} (dry run: nothing sent)`)
    else log('dry run: nothing sent')
    return result
  }
  if (options.seed === undefined || dApp === '') throw new DeployError('no seed: set WAVES_SEED to the dApp account\'s seed phrase', 'seed')
  const seed = options.seed

  const send = async (what: string, tx: { id: string; fee: string | number }) => {
    const answer = await api.request('POST', '/transactions/broadcast', tx)
    if (answer.status !== 200) {
      const message = describe(answer.body)
      const hint = /unavailable funds|negative waves balance|balance errors/i.test(message)
        ? `: fund ${dApp} with more WAVES`
        : ''
      throw new DeployError(`the node refused ${what}: ${message}${hint}`, 'broadcast')
    }
    result.txIds.push(tx.id)
    result.feesPaid += BigInt(tx.fee)
    await waitConfirmed(api, tx.id, what, timeoutMs)
    log(`${what}: ${tx.id}`)
  }
  const timestamp = async () => Number((await api.get('/utils/time'))?.system ?? Date.now())
  const setScript = async (what: string, bytes: string, fee: bigint) =>
    send(what, wt.setScript({ script: bytes, chainId, fee: fee.toString(), timestamp: await timestamp() } as never, seed))

  // A key already bound by a verifier sends only what it allows: another script only as an announced upgrade,
  // and every call with the extra fee.
  const bound = Number(current?.extraFee ?? 0) > 0 || Number(current?.verifierComplexity ?? 0) > 0
  if (bound && !result.alreadyDeployed) {
    // sent by a scripted account: the node's extra fee on top (where calculateFee did not count it already)
    const withExtra = sizeFee(target.size) + BigInt(current?.extraFee ?? 0)
    if (withExtra > result.setScriptFee) result.setScriptFee = withExtra
  }
  const state = await readState(api, dApp)
  if (bound && !result.alreadyDeployed) await checkUpgrade(api, state, scriptHash)
  const calls = configCalls(options, state, dApp, compiled.callableComplexities)
  // Phases: the script without its verifier (unless bound or in place), the calls, then the whole script.
  const setOpen = !bound && !result.alreadyDeployed && current?.script !== openScript
  const setLast = !result.alreadyDeployed && (bound || target !== open)
  const callFee = INVOKE_FEE + (bound || result.alreadyDeployed ? BigInt(current?.extraFee ?? 0) : 0n)
  const needed = (setOpen ? openFee : 0n) + (setLast ? result.setScriptFee : 0n) + BigInt(calls.length) * callFee + reserveNeeded(options, state)
  const balance = BigInt((await api.get(`/addresses/balance/${dApp}`))?.balance ?? 0)
  if (balance < needed) {
    throw new DeployError(
      `${dApp} has ${formatWaves(balance)} WAVES, the deploy needs ${formatWaves(needed)}: fund it (or check that WAVES_SEED is the dApp account's seed)`,
      'funds',
    )
  }

  if (result.alreadyDeployed) log(`dApp ${dApp}: already has this script`)
  if (setOpen) await setScript(target === open ? 'SetScript' : 'SetScript without the verifier', openScript, openFee)
  if (bound && setLast) await setScript(`SetScript (the upgrade ${scriptHash})`, script, result.setScriptFee)
  const fee = bound && setLast ? INVOKE_FEE + BigInt((await api.get(`/addresses/scriptInfo/${dApp}`))?.extraFee ?? 0) : callFee
  for (const [fn, ...args] of calls) {
    const tx = wt.invokeScript(
      { dApp, call: { function: fn, args: args.map(callArg) }, chainId, fee: fee.toString(), timestamp: await timestamp() } as never,
      seed,
    )
    await send(`${fn}(${args.join(', ')})`, tx)
  }
  if (!bound && setLast) await setScript('SetScript with the verifier', script, setScriptFee)

  const info = await api.get(`/addresses/scriptInfo/${dApp}`)
  if (info?.script !== script) {
    throw new DeployError(`after the deploy the node reports another script for ${dApp}: someone else changed it, or the node rewrote it`, 'verify')
  }
  if (Number(info.verifierComplexity ?? 0) !== target.verifierComplexity) {
    throw new DeployError(`the node reports a verifier complexity of ${info.verifierComplexity} for ${dApp}, the compiler ${target.verifierComplexity}: check the node's version`, 'verify')
  }
  const reported: Record<string, number> = Object.fromEntries(Object.entries(info.callableComplexities ?? {}).map(([k, v]) => [k, Number(v)]))
  const differs = Object.keys(target.callableComplexities).filter((k) => reported[k] !== target.callableComplexities[k])
  if (differs.length > 0) log(`note: the node estimates other complexities for ${differs.join(', ')} (a newer estimator); the script bytes match`)
  log(
    `verified: ${dApp} runs ${target.size} bytes, ` +
      (target.verifierComplexity > 0 ? `verifier ${info.verifierComplexity}, ` : 'no verifier, ') +
      `extra fee ${info.extraFee}`,
  )
  return result
}

/**
 * Before a new script replaces one with a verifier: it must be announced (`upgrade_hash` = its blake2b256) and
 * `upgrade_height` reached, or the verifier refuses the SetScript. Says which step is missing.
 */
async function checkUpgrade(api: ReturnType<typeof nodeApi>, state: DAppState, scriptHash: string): Promise<void> {
  const announced = state.data.get('upgrade_hash') as string | undefined
  const hash = announced === undefined ? undefined : crypto.base58Encode(crypto.base64Decode(announced.replace(/^base64:/, '')))
  if (hash !== scriptHash) {
    throw new DeployError(
      `the dApp's verifier accepts only an announced script: call announceUpgrade(base58:${scriptHash}) as the admin, ` +
        `wait config_upgrade_delay blocks, then deploy again` + (hash === undefined ? '' : ` (announced now: ${hash})`),
      'upgrade',
    )
  }
  const from = Number(state.data.get('upgrade_height'))
  const height = Number((await api.get('/blocks/height'))?.height)
  if (height < from) {
    throw new DeployError(`the upgrade ${scriptHash} may be set from height ${from} on; the chain is at ${height}: deploy again then`, 'upgrade')
  }
}

interface DAppState {
  data: Map<string, string | number | boolean>
}

/** Every key the deploy compares, read by exact keys (a `matches` request would scan the whole program). */
export const STATE_KEYS = [
  'version',
  'config_admin',
  'config_root',
  'config_asset',
  'config_pow_bits',
  'config_rate_l1',
  'config_rate_l2',
  'config_rate_l3',
  'config_rate_cashback',
  'config_min_fund',
  'config_min_withdraw',
  'config_min_referrer_paid',
  'config_refund_budget',
  'config_refund_share',
  'config_upgrade_delay',
  'config_hosts',
  'gas_reserve',
  'upgrade_hash',
  'upgrade_height',
]

async function readState(api: ReturnType<typeof nodeApi>, dApp: string): Promise<DAppState> {
  const entries = (await api.post(`/addresses/data/${dApp}`, { keys: STATE_KEYS })) as { key: string; value: string | number | boolean }[]
  return { data: new Map(entries.map((e) => [e.key, e.value])) }
}

const intOf = (state: DAppState, key: string, fallback: bigint) => {
  const value = state.data.get(key)
  return value === undefined ? fallback : BigInt(value as string | number)
}

/** The admin calls that bring the chain to the options, skipping what is already so. */
function configCalls(options: DeployOptions, state: DAppState, dApp: string, callables: Record<string, number>): [string, ...(string | bigint | number)[]][] {
  const calls: [string, ...(string | bigint | number)[]][] = []
  const admin = state.data.get('config_admin') as string | undefined
  const root = (state.data.get('config_root') as string | undefined) ?? dApp
  // init also writes the key layout's `version`, by which readers tell this program from an older one.
  if (admin === undefined && 'init' in callables) {
    calls.push(['init', options.admin ?? dApp, options.root ?? dApp])
  } else {
    if (options.admin !== undefined && options.admin !== (admin ?? dApp)) calls.push(['setAdmin', options.admin])
    if (options.root !== undefined && options.root !== root) calls.push(['setRoot', options.root])
  }
  const c = options.config ?? {}
  if (c.rates) {
    const current = [intOf(state, 'config_rate_l1', 100n), intOf(state, 'config_rate_l2', 50n), intOf(state, 'config_rate_l3', 25n), intOf(state, 'config_rate_cashback', 10n)]
    const wanted = [c.rates.l1, c.rates.l2, c.rates.l3, c.rates.cashback].map(BigInt)
    if (wanted.some((w, i) => w !== current[i])) calls.push(['setRates', ...wanted])
  }
  const differs = (value: bigint | number | undefined, key: string, fallback: bigint) => value !== undefined && BigInt(value) !== intOf(state, key, fallback)
  const int = (value: bigint | number | undefined, key: string, fallback: bigint, fn: string) => {
    if (differs(value, key, fallback)) calls.push([fn, BigInt(value!)])
  }
  int(c.powBits, 'config_pow_bits', 16n, 'setPowBits')
  const asset = (state.data.get('config_asset') as string | undefined) ?? 'WAVES'
  if (c.asset !== undefined && c.asset !== asset) {
    // the three amounts are in the asset's units, so they are set with it
    calls.push([
      'setAsset',
      c.asset,
      c.minFund ?? intOf(state, 'config_min_fund', DEFAULTS.minFund),
      c.minWithdraw ?? intOf(state, 'config_min_withdraw', DEFAULTS.minWithdraw),
      c.minReferrerPaid ?? intOf(state, 'config_min_referrer_paid', 0n),
    ])
  } else {
    int(c.minFund, 'config_min_fund', DEFAULTS.minFund, 'setMinFund')
    int(c.minWithdraw, 'config_min_withdraw', DEFAULTS.minWithdraw, 'setMinWithdraw')
    int(c.minReferrerPaid, 'config_min_referrer_paid', 0n, 'setMinReferrerPaid')
  }
  if (differs(c.refundBudget, 'config_refund_budget', DEFAULTS.refundBudget) || differs(c.refundShare, 'config_refund_share', DEFAULTS.refundShare)) {
    calls.push([
      'setRefundBudget',
      c.refundBudget ?? intOf(state, 'config_refund_budget', DEFAULTS.refundBudget),
      c.refundShare ?? intOf(state, 'config_refund_share', DEFAULTS.refundShare),
    ])
  }
  int(c.upgradeDelay, 'config_upgrade_delay', DEFAULTS.upgradeDelay, 'setUpgradeDelay')
  const hosts = String(state.data.get('config_hosts') ?? '').split(',')
  for (const host of c.hosts ?? []) if (!hosts.includes(host)) calls.push(['addHost', host])
  const more = reserveNeeded(options, state)
  if (more > 0n) calls.push(['reserveGas', more])
  return calls
}

/** The contract's defaults (ride/README.md, "Config keys"). */
export const DEFAULTS = {
  minFund: 1_000_000n,
  minWithdraw: 1_000_000n,
  refundBudget: 1_000_000_000n,
  refundShare: 5_000_000n,
  upgradeDelay: 1440n,
} as const

function reserveNeeded(options: DeployOptions, state: DAppState): bigint {
  if (options.gasReserve === undefined) return 0n
  const more = options.gasReserve - intOf(state, 'gas_reserve', 0n)
  return more > 0n ? more : 0n
}

/** The SetScript fee by the size rule, in wavelets: 0.001 WAVES per started kilobyte. */
const sizeFee = (size: number) => BigInt(Math.max(1, Math.ceil(size / 1024))) * SET_SCRIPT_FEE_PER_KB

/** The node's minimum for this SetScript (`/transactions/calculateFee`), or the size rule where the route is missing. */
async function minSetScriptFee(api: ReturnType<typeof nodeApi>, size: number, script: string, seed: string | undefined, chainId: string): Promise<bigint> {
  const fallback = sizeFee(size)
  if (seed === undefined) return fallback
  const answer = await api.request('POST', '/transactions/calculateFee', {
    type: 13,
    version: 2,
    chainId: chainId.charCodeAt(0),
    senderPublicKey: crypto.publicKey(seed),
    script,
    fee: 0,
    timestamp: 0,
    proofs: [],
  })
  if (answer.status === 200 && answer.body?.feeAmount !== undefined) return BigInt(answer.body.feeAmount)
  return fallback
}

async function waitConfirmed(api: ReturnType<typeof nodeApi>, id: string, what: string, timeoutMs: number): Promise<void> {
  const started = Date.now()
  for (let delay = 50; ; delay = Math.min(delay * 2, 2_000)) {
    const [status] = (await api.get(`/transactions/status?id=${id}`)) as { status: string; applicationStatus?: string }[]
    if (status?.status === 'confirmed') {
      if (status.applicationStatus !== undefined && status.applicationStatus !== 'succeeded') {
        throw new DeployError(`${what} (${id}) was confirmed as ${status.applicationStatus}: see /transactions/info/${id}`, 'confirm')
      }
      return
    }
    if (Date.now() - started > timeoutMs) {
      throw new DeployError(`${what} (${id}) is still ${status?.status ?? 'unknown'} after ${timeoutMs / 1000} s: check the node, then run the deploy again`, 'confirm')
    }
    await new Promise((resolve) => setTimeout(resolve, delay))
  }
}

/** Wavelets as WAVES with 8 decimals, trailing zeros dropped. */
export function formatWaves(wavelets: bigint): string {
  const sign = wavelets < 0n ? '-' : ''
  const abs = wavelets < 0n ? -wavelets : wavelets
  const fraction = (abs % 100_000_000n).toString().padStart(8, '0').replace(/0+$/, '')
  return `${sign}${abs / 100_000_000n}${fraction ? `.${fraction}` : ''}`
}
