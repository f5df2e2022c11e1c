// `createAffiliate`: the client with every action bound, the object a front end keeps.
import { fetchBalance } from './actions/fetchBalance.ts'
import { fetchConfig } from './actions/fetchConfig.ts'
import { fetchDashboard } from './actions/fetchDashboard.ts'
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
import type { Dashboard, FundRecord, ProgramConfig, Submitted, WithdrawRecord } from './types.ts'

export interface AffiliateClient {
  readonly node: string
  readonly dApp: string
  /** the actions' client (config, transport, caches), for calling actions as free functions */
  readonly client: Client
  chainId(): Promise<string>
  fetchConfig(): Promise<ProgramConfig>
  fetchReferrer(address: string): Promise<string | null>
  /** direct referrals */
  fetchReferrals(address: string): Promise<string[]>
  fetchBalance(address: string): Promise<bigint>
  fetchReferralTransactions(address: string): Promise<FundRecord[]>
  fetchWithdrawTransactions(address: string): Promise<WithdrawRecord[]>
  /** ONE data `matches` request + ONE POST of exact keys (+ GET /blocks/height, + cached asset details) */
  fetchDashboard(address: string): Promise<Dashboard>
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
    fetchReferrals: (address) => fetchReferrals(client, { address }),
    fetchBalance: (address) => fetchBalance(client, { address }),
    fetchReferralTransactions: (address) => fetchReferralTransactions(client, { address }),
    fetchWithdrawTransactions: (address) => fetchWithdrawTransactions(client, { address }),
    fetchDashboard: (address) => fetchDashboard(client, { address }),
    isDevnode: () => isDevnode(client),
    watch: (address, onChange, options = {}) => watch(client, { address, onChange, ...options }),
    register: (referrer, options = {}) => register(client, { referrer, ...options }),
    fund: (amount) => fund(client, { amount }),
    withdraw: () => withdraw(client),
  }
}
