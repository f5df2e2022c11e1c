// The dashboard of the logged-in address: the library's one-request picture, refreshed when a block
// arrives (`client.watch`), plus what the page derives from it: rows, chart points, withdraw state, and
// the program's books (`fetchSolvency`), read after each picture so they never delay its figures.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AssetSolvency, Dashboard, FundRecord, WithdrawRecord } from 'waves-affiliate'
import { type Problem, describeError } from '../composables/problems.ts'
import { useSession } from './session.ts'

export type Filter = 'all' | 'referral' | 'cashback' | 'change' | 'withdrawal'
export const FILTERS: readonly Filter[] = ['all', 'referral', 'cashback', 'change', 'withdrawal']

export type Row = ({ kind: 'fund' } & FundRecord) | ({ kind: 'withdrawal' } & WithdrawRecord)

export interface ChartPoint {
  timestamp: number
  /** income received up to and including this moment */
  total: bigint
}

export type WithdrawPhase = 'idle' | 'sending' | 'waiting' | 'done'

export function rowsOf(dashboard: Dashboard, filter: Filter): Row[] {
  const funds: Row[] = dashboard.income.map((r) => ({ kind: 'fund' as const, ...r }))
  const withdrawals: Row[] = dashboard.withdrawals.map((r) => ({ kind: 'withdrawal' as const, ...r }))
  const keep = (row: Row) => {
    if (filter === 'all') return true
    if (filter === 'withdrawal') return row.kind === 'withdrawal'
    if (row.kind !== 'fund') return false
    if (filter === 'cashback' || filter === 'change') return row.level === filter
    return row.level === 'l1' || row.level === 'l2' || row.level === 'l3'
  }
  // newest first; equal times keep income before withdrawals, as a withdrawal pays out what came in
  return [...funds, ...withdrawals].filter(keep).sort((a, b) => b.timestamp - a.timestamp)
}

/** Cumulative income, oldest first, one point per block time (credits of one block add up). */
export function chartOf(income: readonly FundRecord[]): ChartPoint[] {
  const points: ChartPoint[] = []
  let total = 0n
  for (const record of [...income].sort((a, b) => a.timestamp - b.timestamp)) {
    total += record.amount
    const last = points.at(-1)
    if (last && last.timestamp === record.timestamp) last.total = total
    else points.push({ timestamp: record.timestamp, total })
  }
  return points
}

/**
 * The books a member reads: the program's current asset, and every earlier one the member is still owed
 * in, in `fetchSolvency`'s order (current first).
 */
export function solvencyFor(dashboard: Dashboard, books: readonly AssetSolvency[]): AssetSolvency[] {
  const owedIn = new Set(dashboard.balances.filter((b) => b.amount > 0n).map((b) => b.asset.id))
  return books.filter((b) => b.asset.id === dashboard.config.asset.id || owedIn.has(b.asset.id))
}

export const useDashboard = defineStore('dashboard', () => {
  const session = useSession()
  const data = shallowRef<Dashboard | null>(null)
  const loading = ref(false)
  /** the last refresh failed; `data` is from an earlier block */
  const stale = ref(false)
  const problem = ref<Problem | null>(null)
  const filter = ref<Filter>('all')
  const withdrawPhase = ref<WithdrawPhase>('idle')
  const withdrawn = ref<bigint | null>(null)
  const withdrawProblem = ref<Problem | null>(null)
  /** the whole program's books, null until first read */
  const books = shallowRef<AssetSolvency[] | null>(null)
  let stopWatching: (() => void) | null = null
  let watched: string | null = null
  let readingBooks: Promise<void> | null = null
  let booksAgain = false

  const rows = computed(() => (data.value ? rowsOf(data.value, filter.value) : []))
  const chart = computed(() => (data.value ? chartOf(data.value.income) : []))
  const solvency = computed(() => (data.value && books.value ? solvencyFor(data.value, books.value) : []))
  const canWithdraw = computed(() => {
    const d = data.value
    // withdraw is never paused and has no minimum: anything owed, in any asset, can be withdrawn
    return !!d && d.balances.some((b) => b.amount > 0n) && withdrawPhase.value !== 'sending' && withdrawPhase.value !== 'waiting'
  })
  const node = () => session.config?.node ?? ''

  function show(next: Dashboard): void {
    data.value = next
    stale.value = false
    problem.value = null
  }

  /**
   * Reads the books again, one read at a time: a change that arrives during a read gets one more read
   * after it. A failed read keeps the last books; the dashboard's own read reports a node that fails.
   */
  function readBooks(): Promise<void> {
    if (readingBooks) {
      booksAgain = true
      return readingBooks
    }
    const client = session.client
    if (!client) return Promise.resolve()
    readingBooks = (async () => {
      do {
        booksAgain = false
        try {
          books.value = await client.fetchSolvency()
        } catch {
          // keep the last books
        }
      } while (booksAgain)
      readingBooks = null
    })()
    return readingBooks
  }

  /** Follows the address: the library's watch reads at once, then on each new block or confirmation. */
  function start(address: string): void {
    if (watched === address && stopWatching) return
    stopWatching?.()
    stopWatching = null
    const client = session.client
    if (!client) return
    if (watched !== address) data.value = null
    watched = address
    loading.value = data.value === null
    stopWatching = client.watch(address, (next) => {
      loading.value = false
      show(next)
      void readBooks()
    }, {
      onError: (error) => {
        loading.value = false
        stale.value = data.value !== null
        problem.value = describeError(error, { node: node() })
      },
    })
  }

  /**
   * Reads again at once, keeping what is shown meanwhile. Browsers slow down or freeze the timers of a
   * hidden tab, so the page calls this when it becomes visible again.
   */
  function refresh(): void {
    const address = watched
    if (!address) return
    stopWatching?.()
    stopWatching = null
    start(address)
  }

  function stop(): void {
    stopWatching?.()
    stopWatching = null
    watched = null
  }

  async function withdraw(): Promise<void> {
    const client = session.client
    const amount = data.value?.balance ?? 0n
    if (!client || !canWithdraw.value) return
    withdrawProblem.value = null
    withdrawn.value = null
    withdrawPhase.value = 'sending'
    try {
      const submitted = await client.withdraw()
      withdrawPhase.value = 'waiting'
      await submitted.confirmed
      withdrawn.value = amount
      // the watch refetches on this confirmation by itself
      withdrawPhase.value = 'done'
    } catch (error) {
      withdrawPhase.value = 'idle'
      withdrawProblem.value = describeError(error, { node: node() })
    }
  }

  return { data, loading, stale, problem, filter, rows, chart, solvency, canWithdraw, withdrawPhase, withdrawn, withdrawProblem, start, refresh, stop, withdraw }
})
