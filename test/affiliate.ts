// The affiliate program on a fresh in-process dev node, for contract tests, library tests and journeys.
//
//   const program = await startProgram({ config: { powBits: 0 } })
//   const { alice, bob } = program.users                       // funded accounts from fixed seeds
//   await program.api.broadcast(await registerTx(program, alice.seed, program.dApp))  // mined, signed
//   await program.api.broadcast(invokeTx(program, alice.seed, 'fund', [], { amount: 100_000_000n }))
//   const answer = await program.api.broadcast(await registerTx(program, bob.seed, program.users.carol.address))
//   expect(answer).toMatchObject(refusal('referrer: not registered'))    // a 306 refusal, whole text
//   await program.close()
//
// `startProgram` deploys ride/affiliate.ride with `deployAffiliate` (as `npm run deploy` does), from the dApp
// seed, with a gas reserve. `program.reset()` returns to the chain as it was at start (or at `save()`).
// Transactions take their timestamp from the node's clock, so `node.setTime` (another day for the refund
// budget) needs nothing else. Nothing here asserts: tests do.
import { createDevnode, type Devnode, type DevnodeOptions } from '../packages/devnode/src/index.ts'
import { mine } from '../packages/affiliate/src/pow/index.ts'
import { deployAffiliate, type DeployConfig, type DeployResult } from '../ride/deploy.ts'
import { type Answer, RICH_SEED, addressOf, client, seed, wt } from './waves.ts'

export const USER_NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'admin', 'stranger'] as const
export type UserName = (typeof USER_NAMES)[number]

export interface Account {
  seed: string
  address: string
}

export interface StartOptions {
  /** RIDE file to deploy (ride/affiliate.ride by default) */
  file?: string
  /** passed to deployAffiliate; `init(admin, root)` runs when either is given */
  admin?: string
  root?: string
  config?: DeployConfig
  /**
   * false: deploy without the dApp's `@Verifier`, so that the dApp key can still write data and move funds
   * (tests of what the contract does with such state). Default true, as `npm run deploy` does.
   */
  verifier?: boolean
  /** wavelets set aside for fee refunds with `reserveGas`; 10 WAVES by default (0n for a host without `reserveGas`) */
  gasReserve?: bigint
  /** WAVES (in wavelets) each user gets; 1,000 WAVES by default */
  userBalance?: bigint
  /** WAVES (in wavelets) the dApp account gets before the deploy; 1,000 WAVES by default */
  dAppBalance?: bigint
  /** more funded accounts, by name (seed `seed(name)`) */
  extraUsers?: string[]
  /**
   * the node's clock starts here (ms) and runs with the wall clock; by default it is the wall clock, which
   * wallets and other signers expect. Tests that count per-day refunds start mid-day, away from midnight.
   */
  startTime?: number
  devnode?: DevnodeOptions
}

/** A fixed mid-day start for tests that read the day (06:00 UTC, 4 January 2027). */
export const TEST_START = Date.UTC(2027, 0, 4, 6)

export interface Program {
  node: Devnode
  api: ReturnType<typeof client>
  dApp: string
  dAppSeed: string
  users: Record<UserName, Account> & Record<string, Account>
  deployed: DeployResult
  /** the node's clock (ms): what transactions here use as timestamp */
  now(): number
  /** marks the chain as it is now as what `reset` returns to (taken once at start) */
  save(): Promise<void>
  /** brings the chain back to the last `save` (the dev node's snapshot and revert) */
  reset(): Promise<void>
  close(): Promise<void>
}

export const DAPP_SEED = seed('affiliate dapp')
export const account = (name: string): Account => ({ seed: seed(name), address: addressOf(seed(name)) })

/** A fresh dev node with funded accounts and the contract deployed on it. */
export async function startProgram(options: StartOptions = {}): Promise<Program> {
  const startTime = options.startTime
  const startedAt = Date.now()
  const clock = startTime === undefined ? undefined : () => startTime + (Date.now() - startedAt)
  const node = await createDevnode({ ...(clock ? { clock } : {}), ...options.devnode })
  const api = client(node.url)
  const names = [...USER_NAMES, ...(options.extraUsers ?? [])]
  const users = Object.fromEntries(names.map((name) => [name, account(name)])) as Program['users']
  const dApp = addressOf(DAPP_SEED)
  const now = () => node.chain.clock.now()
  try {
    const userBalance = options.userBalance ?? 1_000_00000000n
    const recipients = [
      { recipient: dApp, amount: (options.dAppBalance ?? 1_000_00000000n).toString() },
      ...names.map((name) => ({ recipient: users[name]!.address, amount: userBalance.toString() })),
    ]
    for (let i = 0; i < recipients.length; i += 100) {
      const transfers = recipients.slice(i, i + 100)
      const fee = 100_000 + Math.ceil(transfers.length / 2) * 100_000
      await accept(api, wt.massTransfer({ transfers, chainId: 'R', fee, timestamp: now() } as never, RICH_SEED))
    }
    const deployed = await deployAffiliate({
      node: node.url,
      seed: DAPP_SEED,
      ...(options.file === undefined ? {} : { file: options.file }),
      ...(options.admin === undefined ? {} : { admin: options.admin }),
      ...(options.root === undefined ? {} : { root: options.root }),
      ...(options.config === undefined ? {} : { config: options.config }),
      ...(options.verifier === undefined ? {} : { verifier: options.verifier }),
      gasReserve: options.gasReserve ?? 10_00000000n,
    })
    // A revert drops its snapshot, so every reset takes a new one.
    let saved = await node.snapshot()
    const save = async () => {
      saved = await node.snapshot()
    }
    const reset = async () => {
      await node.revert(saved)
      saved = await node.snapshot()
    }
    return { node, api, dApp, dAppSeed: DAPP_SEED, users, deployed, now, save, reset, close: () => node.close() }
  } catch (e) {
    await node.close()
    throw e
  }
}

async function accept(api: ReturnType<typeof client>, tx: { id: string }): Promise<void> {
  const answer = await api.broadcast(tx)
  if (answer.status !== 200) throw new Error(`setup transaction refused: ${JSON.stringify(answer.body)}`)
}

export type ArgValue = string | number | bigint | boolean | Uint8Array
export interface Payment {
  amount: bigint
  /** null (the default) for WAVES */
  assetId?: string | null
}

const toArg = (value: ArgValue) =>
  value instanceof Uint8Array
    ? { type: 'binary' as const, value: `base64:${Buffer.from(value).toString('base64')}` }
    : typeof value === 'string'
    ? { type: 'string' as const, value }
    : typeof value === 'boolean'
      ? { type: 'boolean' as const, value }
      : { type: 'integer' as const, value: value.toString() }

/** The minimum fee of an invoke by `signer`: 0.005 WAVES, 0.009 from the dApp's key once its verifier is set. */
export const minInvokeFee = (program: Program, signer: string): bigint =>
  signer === program.dAppSeed && program.deployed.verifierComplexity > 0 ? 900_000n : 500_000n

/** A signed invoke of the program's dApp (not broadcast). The minimum fee (`minInvokeFee`) unless given. */
export function invokeTx(
  program: Program,
  signer: string,
  fn: string,
  args: ArgValue[] = [],
  payment?: Payment | Payment[],
  fee: bigint | { amount: bigint; assetId: string } = minInvokeFee(program, signer),
) {
  const payments = payment === undefined ? [] : Array.isArray(payment) ? payment : [payment]
  const feeFields = typeof fee === 'bigint' ? { fee: fee.toString() } : { fee: fee.amount.toString(), feeAssetId: fee.assetId }
  return wt.invokeScript(
    {
      dApp: program.dApp,
      call: { function: fn, args: args.map(toArg) },
      payment: payments.map((p) => ({ amount: p.amount.toString(), assetId: p.assetId ?? null })),
      chainId: 'R',
      timestamp: program.now(),
      ...feeFields,
    } as never,
    signer,
  )
}

/** Broadcasts an invoke and returns the node's answer. */
export function invoke(program: Program, signer: string, fn: string, args: ArgValue[] = [], payment?: Payment | Payment[], fee?: bigint) {
  return program.api.broadcast(invokeTx(program, signer, fn, args, payment, fee))
}

/** The dApp's current `config_pow_bits` (16 when unset). */
export async function powBits(program: Program): Promise<number> {
  const answer = await program.api.get(`/addresses/data/${program.dApp}/config_pow_bits`)
  return answer.status === 200 ? Number(answer.body.value) : 16
}

/**
 * `register(referrer, salt)` from `signer`, mined to `bits` leading zero bits (the dApp's current
 * `config_pow_bits` by default) with one worker, so the salt is the same on every run; then signed.
 */
export async function registerTx(program: Program, signer: string, referrer: string, options: { bits?: number; fee?: bigint } = {}) {
  const bits = options.bits ?? (await powBits(program))
  const unsigned = wt.invokeScript({
    dApp: program.dApp,
    call: { function: 'register', args: [{ type: 'string', value: referrer }, { type: 'integer', value: 0 }] },
    chainId: 'R',
    senderPublicKey: wt.libs.crypto.publicKey(signer),
    fee: Number(options.fee ?? minInvokeFee(program, signer)),
    timestamp: program.now(),
  })
  const { tx } = await mine(unsigned, { saltArg: 1, bits, workers: 1 })
  return wt.invokeScript(tx as never, signer)
}

/** Registers `signer` under `referrer` and fails loudly when the node refuses. */
export async function register(program: Program, signer: string, referrer: string, options: { bits?: number } = {}) {
  const answer = await program.api.broadcast(await registerTx(program, signer, referrer, options))
  if (answer.status !== 200) throw new Error(`register refused: ${JSON.stringify(answer.body)}`)
  return answer.body as { id: string }
}

/** The code words every `throw` of the contract starts with (ride/README.md#errors). */
export type ErrorCode = 'paused' | 'payment' | 'registered' | 'referrer' | 'pow' | 'balance' | 'admin' | 'config' | 'host' | 'bet'
export type ContractError = `${ErrorCode}: ${string}`

/** What the node answers when the contract throws `text`: match a broadcast's Answer against it. */
export function refusal(text: ContractError): Pick<Answer, 'status'> & { body: { error: 306; message: string } } {
  return { status: 400, body: { error: 306, message: `Error while executing dApp: ${text}` } }
}

/** WAVES balance (wavelets) of an address. */
export async function wavesOf(program: Program, address: string): Promise<bigint> {
  const answer = await program.api.get(`/addresses/balance/${address}`, { accept: 'application/json;large-significand-format=string' })
  return BigInt(answer.body.balance)
}

/** The dApp's data entries whose keys match `pattern` (whole key), as a key → value object. */
export async function dataOf(program: Program, pattern: string): Promise<Record<string, string | bigint | boolean>> {
  // a node reads `matches` from the query or a form field, never from a JSON body
  const answer = await program.api.get(`/addresses/data/${program.dApp}?matches=${encodeURIComponent(pattern)}`, { accept: 'application/json;large-significand-format=string' })
  return Object.fromEntries(
    (answer.body as { key: string; type: string; value: string | boolean }[]).map((e) => [e.key, e.type === 'integer' ? BigInt(e.value as string) : e.value]),
  )
}

/** The dApp's entries of exactly these keys (absent keys left out), as a key → value object. */
export async function valuesOf(program: Program, keys: string[]): Promise<Record<string, string | bigint | boolean>> {
  const answer = await program.api.post(`/addresses/data/${program.dApp}`, { keys }, { accept: 'application/json;large-significand-format=string' })
  return Object.fromEntries(
    (answer.body as { key: string; type: string; value: string | boolean }[]).map((e) => [e.key, e.type === 'integer' ? BigInt(e.value as string) : e.value]),
  )
}

/** The timestamp of the block that holds transaction `id` (what the contract reads as `lastBlock.timestamp`). */
export async function blockTimeOf(program: Program, id: string): Promise<number> {
  const info = await program.api.get(`/transactions/info/${id}`)
  if (info.status !== 200) throw new Error(`no transaction ${id}: ${JSON.stringify(info.body)}`)
  return (await program.api.get(`/blocks/headers/at/${info.body.height}`)).body.timestamp as number
}

/** The state changes the node recorded for invoke `id`, data and transfers only. */
export async function changesOf(program: Program, id: string): Promise<{ data: unknown[]; transfers: unknown[] }> {
  const info = await program.api.get(`/transactions/info/${id}`)
  if (info.status !== 200) throw new Error(`no transaction ${id}: ${JSON.stringify(info.body)}`)
  const { data, transfers } = info.body.stateChanges as { data: unknown[]; transfers: unknown[] }
  return { data, transfers }
}
