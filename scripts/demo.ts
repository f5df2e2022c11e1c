// The demo that `npm start` puts on a fresh dev node: the contract deployed with an operator (admin)
// account and a host account, a referral tree four levels deep (so the top members see levels 1, 2 and 3
// below them), six weeks of funds (some of them paid by the host for a member) and some withdrawals.
// Time is simulated: the node's clock starts six weeks back and is moved forward between transactions, so
// the history ends now and the dashboard's chart has weeks to show. Deterministic: fixed seeds, a seeded
// random sequence, one worker for the proof of work.
import { createRequire } from 'node:module'
import { mine } from '../packages/affiliate/src/pow/index.ts'
import type { Devnode } from '../packages/devnode/src/index.ts'
import { GENESIS_SEED } from '../packages/devnode/src/index.ts'
import { deployAffiliate, type DeployResult } from '../ride/deploy.ts'

const wt = createRequire(import.meta.url)('@waves/waves-transactions') as typeof import('@waves/waves-transactions')

const DAY = 86_400_000
/** the contract's default `config_pow_bits` */
const POW_BITS = 16
export const DEMO_DAYS = 42
/** the dApp's own account: it holds the script and takes the change (the root) */
export const DEMO_DAPP_SEED = 'waves-affiliate demo operator'
/** the operator's day-to-day account: `config_admin` */
export const DEMO_ADMIN_SEED = 'waves-affiliate demo admin'
/** a host account (a shop, say) that pays with fundFor for its customers' purchases */
export const DEMO_HOST_SEED = 'waves-affiliate demo host'
export const demoSeed = (name: string) => `waves-affiliate demo ${name}`
export const demoDApp = (chainId: string) => wt.libs.crypto.address(DEMO_DAPP_SEED, chainId)
export const demoAdmin = (chainId: string) => wt.libs.crypto.address(DEMO_ADMIN_SEED, chainId)
export const demoHost = (chainId: string) => wt.libs.crypto.address(DEMO_HOST_SEED, chainId)

/** Who invited whom: every name below its referrer; the two founders joined under the operator (root). */
const TREE: Record<string, string[]> = {
  alice: ['carol', 'dave', 'erin'],
  bob: ['frank', 'grace'],
  carol: ['heidi', 'ivan'],
  dave: ['judy', 'kevin'],
  erin: ['laura', 'mallory'],
  frank: ['niaj', 'olivia'],
  grace: ['peggy', 'quentin'],
  heidi: ['rupert', 'sybil'],
  ivan: ['trent', 'ursula'],
  judy: ['victor', 'walter'],
  kevin: ['xavier', 'yusuf'],
  laura: ['yvonne', 'zoe'],
  mallory: ['amir', 'bianca'],
  olivia: ['chen'],
  peggy: ['dmitri'],
}
const FOUNDERS = ['alice', 'bob']

export interface DemoAccount {
  name: string
  seed: string
  address: string
  referrer: string
}

export function demoAccounts(chainId: string, dApp: string): DemoAccount[] {
  const address = (name: string) => wt.libs.crypto.address(demoSeed(name), chainId)
  const accounts: DemoAccount[] = FOUNDERS.map((name) => ({ name, seed: demoSeed(name), address: address(name), referrer: dApp }))
  for (let i = 0; i < accounts.length; i++) {
    const parent = accounts[i]!
    for (const name of TREE[parent.name] ?? []) accounts.push({ name, seed: demoSeed(name), address: address(name), referrer: parent.address })
  }
  return accounts
}

/** The same pseudo-random sequence on every run (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface DemoOptions {
  node: Devnode
  /** moves the node's clock to `ms` (never backwards) */
  setTime: (ms: number) => void
  /** when the history starts; it ends about DEMO_DAYS later */
  start: number
  log?: (line: string) => void
}

/** Deploys the contract and writes the demo history. Call it on a fresh chain whose clock reads `start`. */
export async function seedDemo({ node, setTime, start, log = () => {} }: DemoOptions): Promise<{ deployed: DeployResult; accounts: DemoAccount[] }> {
  const chainId = node.chain.chainId
  const dApp = demoDApp(chainId)
  const accounts = demoAccounts(chainId, dApp)
  const send = async (tx: object) => {
    await node.broadcast(tx)
  }
  let now = start
  const at = (ms: number) => {
    now = Math.max(now + 1_000, Math.floor(ms))
    setTime(now)
    return now
  }

  const admin = demoAdmin(chainId)
  const host = demoHost(chainId)
  const transfers = [
    { recipient: dApp, amount: 1_000_00000000 },
    { recipient: admin, amount: 100_00000000 },
    { recipient: host, amount: 1_000_00000000 },
    ...accounts.map((a) => ({ recipient: a.address, amount: 500_00000000 })),
  ]
  const fee = 100_000 + Math.ceil(transfers.length / 2) * 100_000
  await send(wt.massTransfer({ transfers, chainId, fee, timestamp: at(start) }, GENESIS_SEED))
  log('deploying the contract...')
  const deployed = await deployAffiliate({ node: node.url, seed: DEMO_DAPP_SEED, admin, config: { hosts: [host] }, gasReserve: 50_00000000n, log })

  const invoke = (seed: string, fn: string, args: string[], payment: bigint | undefined, timestamp: number) =>
    wt.invokeScript(
      {
        dApp,
        call: { function: fn, args: args.map((value) => ({ type: 'string' as const, value })) },
        payment: payment === undefined ? [] : [{ assetId: null, amount: payment.toString() }],
        chainId,
        fee: 500_000,
        timestamp,
      },
      seed,
    )

  log(`registering ${accounts.length} members...`)
  // Parents join before their referrals: a breadth-first order, spread over the first two weeks.
  for (const [i, account] of accounts.entries()) {
    const timestamp = at(start + DAY / 4 + Math.floor((i * 14 * DAY) / accounts.length))
    const unsigned = wt.invokeScript({
      dApp,
      call: { function: 'register', args: [{ type: 'string', value: account.referrer }, { type: 'integer', value: 0 }] },
      chainId,
      senderPublicKey: wt.libs.crypto.publicKey(account.seed),
      fee: 500_000,
      timestamp,
    })
    const { tx } = await mine(unsigned, { saltArg: 1, bits: POW_BITS, workers: 1 })
    await send(wt.invokeScript(tx as never, account.seed))
  }

  log('funding over six weeks...')
  const next = random(42)
  const withdrawals = new Map([
    [14, 'alice'],
    [21, 'carol'],
    [28, 'alice'],
    [33, 'bob'],
    [38, 'dave'],
  ])
  for (let day = 3; day < DEMO_DAYS; day++) {
    const funds = 1 + Math.floor(next() * 3)
    for (let n = 0; n < funds; n++) {
      const payer = accounts[Math.floor(next() * accounts.length)]!
      const amount = BigInt(50_000_000 + Math.floor(next() * 40) * 25_000_000) // 0.5 to 10.25 WAVES
      const timestamp = at(start + day * DAY + Math.floor(next() * DAY * 0.9))
      // about one purchase in four is paid by the host for the member
      if (next() < 0.25) await send(invoke(DEMO_HOST_SEED, 'fundFor', [payer.address], amount, timestamp))
      else await send(invoke(payer.seed, 'fund', [], amount, timestamp))
    }
    const withdrawer = accounts.find((a) => a.name === withdrawals.get(day))
    if (withdrawer) await send(invoke(withdrawer.seed, 'withdraw', [], undefined, at(start + day * DAY + DAY * 0.95)))
  }
  return { deployed, accounts }
}
