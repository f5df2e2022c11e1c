// The operator console's data and actions: the program's figures (counters, per-asset volume, held,
// owed, reserve and surplus from `fetchSolvency`, today's refunds against the budget, a pending upgrade),
// the config, the admin callables (signed by the logged-in admin's wallet), a member explorer and the CSV
// export of every fund credit and withdrawal in a date range.
//
// The library has no reader for the program-wide counters, so this store reads those exact keys through
// the client's transport; their names are those of ride/README.md ("Data keys") and are spelt only here.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AssetInfo, AssetSolvency, Dashboard, Level, ProgramConfig } from 'waves-affiliate'
import { type Problem, describeError } from '../composables/problems.ts'
import { useSession } from './session.ts'
import { uplineOf } from './upline.ts'

/** An invoke's fee from an ordinary account (0.005 WAVES); a smart account pays the node's extra fee on top. */
export const INVOKE_FEE = 500_000n

/** One asset's books: what `fetchSolvency` says, with the volume paid in and out. */
export interface AssetFigures extends AssetSolvency {
  funded: bigint
  withdrawn: bigint
}

/** Program-wide figures. */
export interface ProgramFigures {
  members: bigint
  funds: bigint
  /** per listed asset, the program's current one first */
  assets: AssetFigures[]
  /** WAVES (wavelets) refunded as fees, ever */
  refunded: bigint
  /** WAVES (wavelets) refunded today (the chain's day of the last block) */
  refundsToday: bigint
  /** an announced script upgrade: settable from `height` on */
  upgrade: { hash: string; height: number } | null
  height: number
}

/** One record of the program's history, as the CSV export lists it. */
export interface ProgramRecord {
  timestamp: number
  txId: string
  kind: Level | 'withdrawal'
  /** who was credited (fund) or paid out (withdrawal) */
  account: string
  /** who paid (fund); empty for a withdrawal */
  payer: string
  amount: bigint
  /** `WAVES` or an asset id */
  asset: string
}

export interface Member {
  address: string
  upline: string[]
  dashboard: Dashboard
}

/** An admin callable and its arguments. */
export type AdminCall =
  | { function: 'setRates'; args: [number, number, number, number] }
  | { function: 'setPowBits' | 'setUpgradeDelay'; args: [number] }
  | { function: 'setMinFund' | 'setMinWithdraw' | 'setMinReferrerPaid' | 'reserveGas'; args: [bigint] }
  | { function: 'setRefundBudget'; args: [bigint, bigint] }
  | { function: 'setAsset'; args: [string, bigint, bigint, bigint] }
  | { function: 'setAdmin' | 'setRoot' | 'addHost' | 'removeHost'; args: [string] }
  | { function: 'pause' | 'unpause' | 'cancelUpgrade'; args: [] }
  | { function: 'topUpGas'; args: []; payment: bigint }

export type ActionPhase = 'idle' | 'sending' | 'waiting' | 'done'

const DAY_MS = 86_400_000
const assetKey = (asset: AssetInfo) => asset.id ?? 'WAVES'
const RECORDS_PATTERN = '(fund|withdraw)_.+'
const ADDRESS = '[1-9A-HJ-NP-Za-km-z]{35}'
const FUND_KEY = new RegExp(`^fund_(${ADDRESS})_\\d+$`)
const WITHDRAW_KEY = new RegExp(`^withdraw_(${ADDRESS})_\\d+$`)

interface Entry {
  key: string
  value: unknown
}

const int = (entries: readonly Entry[], key: string): bigint => {
  const value = entries.find((e) => e.key === key)?.value
  return typeof value === 'string' || typeof value === 'number' ? BigInt(value) : 0n
}
const digits = (text: string | undefined): text is string => text !== undefined && /^\d+$/.test(text)

/**
 * `fund_{user}_{n}` = `{payer}:{amount}:{level}:{timestamp}:{asset}:{txid}`,
 * `withdraw_{user}_{n}` = `{amount}:{timestamp}:{asset}:{txid}`; anything else is skipped.
 */
export function parseRecord(entry: Entry): ProgramRecord | null {
  if (typeof entry.value !== 'string') return null
  const fund = FUND_KEY.exec(entry.key)
  if (fund) {
    const [payer, amount, level, timestamp, asset, txId, ...rest] = entry.value.split(':')
    if (rest.length > 0 || !payer || !digits(amount) || !['l1', 'l2', 'l3', 'cashback', 'change'].includes(level ?? '') || !digits(timestamp) || !asset || !txId) return null
    return { timestamp: Number(timestamp), txId, kind: level as Level, account: fund[1]!, payer, amount: BigInt(amount), asset }
  }
  const withdraw = WITHDRAW_KEY.exec(entry.key)
  if (withdraw) {
    const [amount, timestamp, asset, txId, ...rest] = entry.value.split(':')
    if (rest.length > 0 || !digits(amount) || !digits(timestamp) || !asset || !txId) return null
    return { timestamp: Number(timestamp), txId, kind: 'withdrawal', account: withdraw[1]!, payer: '', amount: BigInt(amount), asset }
  }
  return null
}

export const useAdmin = defineStore('admin', () => {
  const session = useSession()
  const config = shallowRef<ProgramConfig | null>(null)
  const figures = shallowRef<ProgramFigures | null>(null)
  const loading = ref(false)
  const problem = ref<Problem | null>(null)

  const action = ref<AdminCall['function'] | null>(null)
  const phase = ref<ActionPhase>('idle')
  const actionProblem = ref<Problem | null>(null)

  const member = shallowRef<Member | null>(null)
  const memberLoading = ref(false)
  const memberProblem = ref<Problem | null>(null)

  const exporting = ref(false)
  const exportProblem = ref<Problem | null>(null)

  const node = () => session.config?.node ?? ''
  /** the logged-in account may administer: the configured admin, or the dApp itself */
  const isAdmin = computed(() => {
    const me = session.account?.address
    return !!me && !!config.value && (me === config.value.admin || me === session.config?.dApp)
  })

  async function load(): Promise<void> {
    const client = session.client
    if (!client) return
    loading.value = figures.value === null
    try {
      const transport = client.client.transport
      const [next, header, solvency] = await Promise.all([
        client.fetchConfig(),
        transport.request<{ height: number; timestamp: number }>({ method: 'GET', path: '/blocks/headers/last' }),
        client.fetchSolvency(),
      ])
      const today = Math.floor(header.timestamp / DAY_MS)
      const perAsset = solvency.flatMap((a) => [`stats_funded_${assetKey(a.asset)}`, `stats_withdrawn_${assetKey(a.asset)}`])
      const keys = ['stats_users', 'stats_funds', 'stats_refunded', `refunds_${today}`, 'upgrade_hash', 'upgrade_height', ...perAsset]
      const entries = await transport.request<Entry[]>({ method: 'POST', path: `/addresses/data/${client.dApp}`, body: { keys } })
      const hash = entries.find((e) => e.key === 'upgrade_hash')?.value
      figures.value = {
        members: int(entries, 'stats_users'),
        funds: int(entries, 'stats_funds'),
        assets: solvency.map((a) => ({ ...a, funded: int(entries, `stats_funded_${assetKey(a.asset)}`), withdrawn: int(entries, `stats_withdrawn_${assetKey(a.asset)}`) })),
        refunded: int(entries, 'stats_refunded'),
        refundsToday: int(entries, `refunds_${today}`),
        upgrade: typeof hash === 'string' ? { hash: hash.replace(/^base64:/, ''), height: Number(int(entries, 'upgrade_height')) } : null,
        height: header.height,
      }
      config.value = next
      problem.value = null
    } catch (error) {
      problem.value = describeError(error, { node: node() })
    } finally {
      loading.value = false
    }
  }

  /** Signs one admin call with the logged-in wallet, broadcasts it and waits for its block; then reads again. */
  async function call(request: AdminCall): Promise<boolean> {
    const client = session.client
    const signer = session.signer
    const me = session.account?.address
    if (!client || !signer || !me || phase.value === 'sending' || phase.value === 'waiting') return false
    action.value = request.function
    actionProblem.value = null
    phase.value = 'sending'
    const transport = client.client.transport
    try {
      // an account with a script pays the node's extra fee for smart accounts
      const { extraFee } = await transport.request<{ extraFee: number }>({ method: 'GET', path: `/addresses/scriptInfo/${me}` })
      const args = request.args.map((value) =>
        typeof value === 'string' ? { type: 'string' as const, value } : { type: 'integer' as const, value: typeof value === 'bigint' ? value.toString() : value },
      )
      const payment = 'payment' in request ? [{ assetId: null, amount: request.payment.toString() }] : []
      const signed = (await signer
        .invoke({ dApp: client.dApp, call: { function: request.function, args }, payment, fee: Number(INVOKE_FEE) + extraFee } as never)
        .sign()) as unknown as { id: string } | { id: string }[]
      const tx = Array.isArray(signed) ? signed[0]! : signed
      await transport.request({ method: 'POST', path: '/transactions/broadcast', body: tx })
      phase.value = 'waiting'
      await confirmation(tx.id)
      phase.value = 'done'
      await load()
      return true
    } catch (error) {
      phase.value = 'idle'
      actionProblem.value = describeError(error, { node: node() })
      return false
    }
  }

  /** Polls /transactions/status until the transaction is in a block (2 minutes at most). */
  async function confirmation(id: string): Promise<void> {
    const client = session.client!
    const deadline = Date.now() + 120_000
    for (;;) {
      const [status] = await client.client.transport.request<{ status: string; applicationStatus?: string }[]>({ method: 'GET', path: `/transactions/status?id=${id}` })
      if (status?.status === 'confirmed') {
        if (status.applicationStatus && status.applicationStatus !== 'succeeded') throw new Error(`transaction ${id} failed in its block`)
        return
      }
      if (Date.now() > deadline) throw new Error(`transaction ${id} is not in a block after 2 minutes`)
      await new Promise((resolve) => setTimeout(resolve, client.client.pollingIntervalMs))
    }
  }

  async function explore(address: string): Promise<void> {
    const client = session.client
    if (!client) return
    memberLoading.value = true
    memberProblem.value = null
    try {
      const dashboard = await client.fetchDashboard(address)
      const upline = await uplineOf(client, address, dashboard.config.root)
      member.value = { address, upline, dashboard }
    } catch (error) {
      member.value = null
      memberProblem.value = describeError(error, { node: node() })
    } finally {
      memberLoading.value = false
    }
  }

  /**
   * Every fund credit and withdrawal with `from <= timestamp < to`, oldest first. One `matches` request:
   * it costs the node the whole program, which an export reads anyway.
   */
  async function records(from: number, to: number): Promise<ProgramRecord[] | null> {
    const client = session.client
    if (!client) return null
    exporting.value = true
    exportProblem.value = null
    try {
      const entries = await client.fetchKeys(RECORDS_PATTERN)
      return entries
        .map(parseRecord)
        .filter((r): r is ProgramRecord => r !== null && r.timestamp >= from && r.timestamp < to)
        .sort((a, b) => a.timestamp - b.timestamp || a.txId.localeCompare(b.txId) || a.account.localeCompare(b.account))
    } catch (error) {
      exportProblem.value = describeError(error, { node: node() })
      return null
    } finally {
      exporting.value = false
    }
  }

  return {
    config, figures, loading, problem, isAdmin,
    action, phase, actionProblem, call,
    member, memberLoading, memberProblem, explore,
    exporting, exportProblem, records,
    load,
  }
})
