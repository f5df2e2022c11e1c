// The operator console's data and actions on today's contract: the program's figures (counters, gas
// reserve, today's refunds, what the dApp holds against what it owes), the config, the admin callables
// (signed by the logged-in admin's wallet), a member explorer and the CSV export of every fund credit and
// withdrawal in a date range.
//
// The library has no reader for the program-wide keys yet, so this store reads them through the client's
// transport; the key names are those of ride/README.md ("Data keys") and are spelt only here.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Dashboard, Level, ProgramConfig } from 'waves-affiliate'
import { type Problem, INVOKE_FEE, describeError } from '../composables/problems.ts'
import { useSession } from './session.ts'
import { uplineOf } from './upline.ts'

/** Program-wide figures, in the program asset's smallest unit unless said otherwise. */
export interface ProgramFigures {
  members: bigint
  funds: bigint
  /** everything ever credited by `fund` (the payments) */
  funded: bigint
  withdrawn: bigint
  /** funded − withdrawn: the members' balances together */
  owed: bigint
  /** WAVES (wavelets) refunded as fees, ever */
  refunded: bigint
  /** WAVES (wavelets) set aside for fee refunds */
  gasReserve: bigint
  /** WAVES (wavelets) refunded today (the chain's day of the last block) */
  refundsToday: bigint
  /** what the dApp account holds of the program's asset (for WAVES: available, leases excluded) */
  held: bigint
  /** held − owed (− gas reserve when the asset is WAVES): negative means members could not all withdraw */
  surplus: bigint
  height: number
  /** the last block's time (ms): "today" for the refund budget */
  time: number
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
}

export interface Member {
  address: string
  upline: string[]
  dashboard: Dashboard
}

/** An admin callable of today's contract and its arguments. */
export type AdminCall =
  | { function: 'setRates'; args: [number, number, number, number] }
  | { function: 'setPowBits'; args: [number] }
  | { function: 'setMinWithdraw' | 'setMaxFee' | 'setRefundBudget' | 'reserveGas'; args: [bigint] }
  | { function: 'setAsset' | 'setAdmin' | 'setRoot'; args: [string] }
  | { function: 'pause' | 'unpause'; args: [] }
  | { function: 'topUpGas'; args: []; payment: bigint }

export type ActionPhase = 'idle' | 'sending' | 'waiting' | 'done'

const DAY_MS = 86_400_000
const KEYS = ['stats_users', 'stats_funds', 'stats_funded', 'stats_withdrawn', 'stats_refunded', 'gas_reserve'] as const
const refundsKey = (day: number) => `refunds_${day}`
const RECORDS_PATTERN = '(fund|withdraw)_.+'

interface Entry {
  key: string
  value: unknown
}

const int = (entries: readonly Entry[], key: string): bigint => {
  const value = entries.find((e) => e.key === key)?.value
  return typeof value === 'string' || typeof value === 'number' ? BigInt(value) : 0n
}

/** `fund_{beneficiary}_{txId}` = `{payer}:{amount}:{level}:{timestamp}`, `withdraw_{user}_{txId}` = `{amount}:{timestamp}`; others are skipped. */
export function parseRecord(entry: Entry): ProgramRecord | null {
  if (typeof entry.value !== 'string') return null
  const fund = /^fund_([1-9A-HJ-NP-Za-km-z]{35})_([1-9A-HJ-NP-Za-km-z]{32,44})$/.exec(entry.key)
  if (fund) {
    const [payer, amount, level, timestamp] = entry.value.split(':')
    if (!payer || !/^\d+$/.test(amount ?? '') || !['l1', 'l2', 'l3', 'cashback', 'change'].includes(level ?? '') || !/^\d+$/.test(timestamp ?? '')) return null
    return { timestamp: Number(timestamp), txId: fund[2]!, kind: level as Level, account: fund[1]!, payer, amount: BigInt(amount!) }
  }
  const withdraw = /^withdraw_([1-9A-HJ-NP-Za-km-z]{35})_([1-9A-HJ-NP-Za-km-z]{32,44})$/.exec(entry.key)
  if (withdraw) {
    const [amount, timestamp] = entry.value.split(':')
    if (!/^\d+$/.test(amount ?? '') || !/^\d+$/.test(timestamp ?? '')) return null
    return { timestamp: Number(timestamp), txId: withdraw[2]!, kind: 'withdrawal', account: withdraw[1]!, payer: '', amount: BigInt(amount!) }
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
      const dApp = client.dApp
      const [next, header] = await Promise.all([
        client.fetchConfig(),
        transport.request<{ height: number; timestamp: number }>({ method: 'GET', path: '/blocks/headers/last' }),
      ])
      const today = Math.floor(header.timestamp / DAY_MS)
      const [entries, held] = await Promise.all([
        transport.request<Entry[]>({ method: 'POST', path: `/addresses/data/${dApp}`, body: { keys: [...KEYS, refundsKey(today)] } }),
        next.asset.id === null
          ? transport.request<{ available: string | number }>({ method: 'GET', path: `/addresses/balance/details/${dApp}` }).then((b) => BigInt(b.available))
          : transport.request<{ balance: string | number }>({ method: 'GET', path: `/assets/balance/${dApp}/${next.asset.id}` }).then((b) => BigInt(b.balance)),
      ])
      const funded = int(entries, 'stats_funded')
      const withdrawn = int(entries, 'stats_withdrawn')
      const gasReserve = int(entries, 'gas_reserve')
      const owed = funded - withdrawn
      figures.value = {
        members: int(entries, 'stats_users'),
        funds: int(entries, 'stats_funds'),
        funded,
        withdrawn,
        owed,
        refunded: int(entries, 'stats_refunded'),
        gasReserve,
        refundsToday: int(entries, refundsKey(today)),
        held,
        surplus: held - owed - (next.asset.id === null ? gasReserve : 0n),
        height: header.height,
        time: header.timestamp,
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
      actionProblem.value = describeError(error, { node: node(), ...(request.function === 'topUpGas' ? { payment: request.payment } : {}) })
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
      const [dashboard, upline] = await Promise.all([client.fetchDashboard(address), uplineOf(client, address)])
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
      const entries = await client.client.transport.request<Entry[]>({
        method: 'GET',
        path: `/addresses/data/${client.dApp}?matches=${encodeURIComponent(RECORDS_PATTERN)}`,
      })
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
