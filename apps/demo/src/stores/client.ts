// The library client the app keeps: `createAffiliate`'s shape, with only what the first page needs bound
// at once (the program's config, the network, the node's kind, a referrer). The dashboard's readers and the
// write path (register, fund, withdraw, the wallet checks) come in a chunk of their own on first use: a
// first visit does not download them. A page that needs them waits one small request the first time.
import {
  type AffiliateClient,
  type AffiliateConfig,
  createClient,
  fetchConfig,
  fetchReferrer,
  getChainId,
  isDevnode,
} from 'waves-affiliate'

const later = () => import('./clientLater.ts')

/** Like `createAffiliate(config)`; throws its InvalidInputError for a bad node URL or dApp address. */
export function createAppClient(config: AffiliateConfig): AffiliateClient {
  const client = createClient(config)
  return {
    node: client.node,
    dApp: client.dApp,
    client,
    chainId: () => getChainId(client),
    fetchConfig: () => fetchConfig(client),
    fetchReferrer: (address) => fetchReferrer(client, { address }),
    isDevnode: () => isDevnode(client),
    fetchReferrals: async (address, level) => (await later()).fetchReferrals(client, { address, ...(level === undefined ? {} : { level }) }),
    fetchBalance: async (address, asset) => (await later()).fetchBalance(client, { address, ...(asset === undefined ? {} : { asset }) }),
    fetchReferralTransactions: async (address) => (await later()).fetchReferralTransactions(client, { address }),
    fetchWithdrawTransactions: async (address) => (await later()).fetchWithdrawTransactions(client, { address }),
    fetchHistory: async (address, kind, options = {}) => (await later()).fetchHistory(client, { address, kind, ...options }),
    fetchDashboard: async (address, options = {}) => (await later()).fetchDashboard(client, { address, ...options }),
    fetchSolvency: async () => (await later()).fetchSolvency(client),
    fetchKeys: async (pattern) => (await later()).fetchKeys(client, { pattern }),
    watch: (address, onChange, options = {}) => {
      let stop: (() => void) | undefined
      let stopped = false
      void later().then((actions) => {
        if (!stopped) stop = actions.watch(client, { address, onChange, ...options })
      })
      return () => {
        stopped = true
        stop?.()
      }
    },
    register: async (referrer, options = {}) => (await later()).register(client, { referrer, ...options }),
    fund: async (amount) => (await later()).fund(client, { amount }),
    withdraw: async () => (await later()).withdraw(client),
  }
}
