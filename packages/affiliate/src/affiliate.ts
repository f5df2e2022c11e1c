// `createAffiliate`: the client with every action bound, the object a front end keeps.
import { fetchBalance } from './actions/fetchBalance.ts'
import { fetchConfig } from './actions/fetchConfig.ts'
import { fetchDashboard, type FetchDashboardParameters } from './actions/fetchDashboard.ts'
import { fetchHistory, type FetchHistoryReturnType } from './actions/fetchHistory.ts'
import { fetchKeys, type FetchKeysReturnType } from './actions/fetchKeys.ts'
import { fetchSolvency } from './actions/fetchSolvency.ts'
import { fetchReferralTransactions } from './actions/fetchReferralTransactions.ts'
import { fetchReferrals } from './actions/fetchReferrals.ts'
import { fetchReferrer } from './actions/fetchReferrer.ts'
import { fetchWithdrawTransactions } from './actions/fetchWithdrawTransactions.ts'
import { getChainId } from './actions/getChainId.ts'
import { isDevnode } from './actions/isDevnode.ts'
import { register } from './actions/register.ts'
import { fund } from './actions/fund.ts'
import { watch } from './actions/watch.ts'
import { withdraw } from './actions/withdraw.ts'
import { type AffiliateConfig, type Client, createClient } from './client.ts'
import type { AffiliateError } from './errors.ts'
import type { MineProgress } from './pow/index.ts'
import type { AssetSolvency, Dashboard, FundRecord, ProgramConfig, Submitted, WithdrawRecord } from './types.ts'

export interface AffiliateClient {
  readonly node: string
  readonly dApp: string
  /** the actions' client (config, transport, caches), for calling actions as free functions */
  readonly client: Client
  chainId(): Promise<string>
  fetchConfig(): Promise<ProgramConfig>
  fetchReferrer(address: string): Promise<string | null>
  /** every member at a level (1 = direct referrals), by exact keys */
  fetchReferrals(address: string, level?: 1 | 2 | 3): Promise<string[]>
  /** owed in `asset` (default: the program's asset) */
  fetchBalance(address: string, asset?: string): Promise<bigint>
  /** every credit at once, by a `matches` request: costs the node the whole program */
  fetchReferralTransactions(address: string): Promise<FundRecord[]>
  /** every withdrawal at once, by a `matches` request: costs the node the whole program */
  fetchWithdrawTransactions(address: string): Promise<WithdrawRecord[]>
  /** one page of records, newest first, by exact keys */
  fetchHistory<K extends 'fund' | 'withdraw'>(address: string, kind: K, options?: { page?: number; pageSize?: number }): Promise<FetchHistoryReturnType<K>>
  /** exact keys only: a POST of fixed keys, a POST of what they name, a POST of what level members brought (+ height, + cached asset details) */
  fetchDashboard(address: string, options?: Omit<FetchDashboardParameters, 'address'>): Promise<Dashboard>
  /** held, owed, reserved and surplus per listed asset */
  fetchSolvency(): Promise<AssetSolvency[]>
  /** ad-hoc regex read: costs the node the whole program */
  fetchKeys(pattern: string): Promise<FetchKeysReturnType>
  /** /node/version mentions waves-devnode */
  isDevnode(): Promise<boolean>
  watch(address: string, onChange: (d: Dashboard) => void, options?: { intervalMs?: number; onError?: (e: AffiliateError) => void }): () => void
  register(referrer: string, options?: { signal?: AbortSignal; onProgress?: (p: MineProgress) => void; workers?: number }): Promise<Submitted>
  fund(amount: bigint): Promise<Submitted>
  withdraw(): Promise<Submitted>
}

/**
 * The affiliate program's client for one node and one dApp.
 *
 * @example
 * import { createAffiliate } from 'waves-affiliate'
 * const affiliate = createAffiliate({ node: 'http://127.0.0.1:6869', dApp: '3M...', signer })
 * const dashboard = await affiliate.fetchDashboard(address)
 */
export function createAffiliate(config: AffiliateConfig): AffiliateClient {
  const client = createClient(config)
  return {
    node: client.node,
    dApp: client.dApp,
    client,
    chainId: () => getChainId(client),
    fetchConfig: () => fetchConfig(client),
    fetchReferrer: (address) => fetchReferrer(client, { address }),
    fetchReferrals: (address, level) => fetchReferrals(client, { address, ...(level === undefined ? {} : { level }) }),
    fetchBalance: (address, asset) => fetchBalance(client, { address, ...(asset === undefined ? {} : { asset }) }),
    fetchReferralTransactions: (address) => fetchReferralTransactions(client, { address }),
    fetchWithdrawTransactions: (address) => fetchWithdrawTransactions(client, { address }),
    fetchHistory: (address, kind, options = {}) => fetchHistory(client, { address, kind, ...options }),
    fetchDashboard: (address, options = {}) => fetchDashboard(client, { address, ...options }),
    fetchSolvency: () => fetchSolvency(client),
    fetchKeys: (pattern) => fetchKeys(client, { pattern }),
    isDevnode: () => isDevnode(client),
    watch: (address, onChange, options = {}) => watch(client, { address, onChange, ...options }),
    register: (referrer, options = {}) => register(client, { referrer, ...options }),
    fund: (amount) => fund(client, { amount }),
    withdraw: () => withdraw(client),
  }
}
