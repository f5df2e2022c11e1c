// The library's actions that no first page needs: loaded by `createAppClient` (client.ts) on first use.
export {
  fetchBalance,
  fetchDashboard,
  fetchHistory,
  fetchKeys,
  fetchReferralTransactions,
  fetchReferrals,
  fetchSolvency,
  fetchWithdrawTransactions,
  fund,
  register,
  watch,
  withdraw,
} from 'waves-affiliate'
