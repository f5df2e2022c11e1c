// The operator console's data and actions: the program's figures (counters, per-asset volume, held,
// owed, reserve and surplus from `fetchSolvency`, today's refunds against the budget, a pending upgrade),
// the config, the admin callables (signed by the logged-in admin's wallet), a member explorer and the CSV
// export of every fund credit and withdrawal in a date range. The library reads and signs all of it
// (`fetchProgramStats`, `administer`, `fetchProgramRecords`): this store spells no data key.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  type AdminCall,
  type AssetInfo,
  type AssetSolvency,
  type Dashboard,
  type Level,
  type ProgramConfig,
  type ProgramRecord as ChainRecord,
  administer,
  fetchProgramRecords,
  fetchProgramStats,
} from 'waves-affiliate'
import { type Problem, describeError } from '../composables/problems.ts'
import { useSession } from './session.ts'
import { uplineOf } from './upline.ts'

export type { AdminCall }

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

export type ActionPhase = 'idle' | 'sending' | 'waiting' | 'done'

const assetKey = (asset: AssetInfo) => asset.id ?? 'WAVES'

/** A record of the library as a row of the export. */
export function exportRow(record: ChainRecord): ProgramRecord {
  const { timestamp, txId, amount, asset } = record
  return record.kind === 'fund'
    ? { timestamp, txId, kind: record.level, account: record.beneficiary, payer: record.payer, amount, asset }
    : { timestamp, txId, kind: 'withdrawal', account: record.user, payer: '', amount, asset }
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
      const [next, stats, solvency] = await Promise.all([client.fetchConfig(), fetchProgramStats(client.client), client.fetchSolvency()])
      const volume = new Map(stats.assets.map((a) => [a.asset, a]))
      figures.value = {
        members: stats.members,
        funds: stats.funds,
        assets: solvency.map((a) => ({ ...a, funded: volume.get(assetKey(a.asset))?.funded ?? 0n, withdrawn: volume.get(assetKey(a.asset))?.withdrawn ?? 0n })),
        refunded: stats.refunded,
        refundsToday: stats.refundsToday.amount,
        upgrade: stats.upgrade,
        height: stats.height,
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
    if (!client || !session.signer || !session.account || phase.value === 'sending' || phase.value === 'waiting') return false
    action.value = request.function
    actionProblem.value = null
    phase.value = 'sending'
    try {
      const submitted = await administer(client.client, { call: request })
      phase.value = 'waiting'
      await submitted.confirmed
      phase.value = 'done'
      await load()
      return true
    } catch (error) {
      phase.value = 'idle'
      actionProblem.value = describeError(error, { node: node() })
      return false
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

  /** Every fund credit and withdrawal with `from <= timestamp < to`, oldest first (`fetchProgramRecords`). */
  async function records(from: number, to: number): Promise<ProgramRecord[] | null> {
    const client = session.client
    if (!client) return null
    exporting.value = true
    exportProblem.value = null
    try {
      return (await fetchProgramRecords(client.client, { from, to })).records.map(exportRow)
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
