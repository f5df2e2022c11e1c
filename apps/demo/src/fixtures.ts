// Plain data for component tests: one program config and one dashboard, as the library returns them.
import type { Dashboard, ProgramConfig } from 'waves-affiliate'

export const ME = '3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF'
export const PAYER = '3MAZmjAUTd9JvHzC7u7vkvfc2XpwG2S1k97'
export const PAYER2 = '3MLp7QVKJJmo8fZ1MRiaiA6rUmczNdgX2hn'

export const PROGRAM: ProgramConfig = {
  admin: ME,
  root: ME,
  asset: { id: null, name: 'WAVES', decimals: 8 },
  powBits: 16,
  rates: { l1: 100, l2: 50, l3: 25, cashback: 10 },
  minFund: 1_000_000n,
  minWithdraw: 1_000_000n,
  minReferrerPaid: 0n,
  refundBudget: 100_000_000n,
  refundShare: 5_000_000n,
  upgradeDelay: 1440,
  hosts: [],
  paused: false,
}

const T0 = Date.UTC(2027, 0, 4, 6)

export const DASHBOARD: Dashboard = {
  address: ME,
  registered: true,
  isRoot: false,
  referrer: PAYER2,
  balance: 12_500_000n,
  balances: [{ asset: { id: null, name: 'WAVES', decimals: 8 }, amount: 12_500_000n }],
  earned: { cashback: 1_000_000n, change: 0n },
  referrals: [
    { level: 1, count: 1, members: [{ address: PAYER, income: 10_000_000n }], earned: 10_000_000n },
    { level: 2, count: 1, members: [{ address: PAYER2, income: 2_500_000n }], earned: 2_500_000n },
    { level: 3, count: 0, members: [], earned: 0n },
  ],
  income: [
    { n: 3, txId: 'TX3', beneficiary: ME, payer: ME, amount: 1_000_000n, level: 'cashback', timestamp: T0 + 120_000, asset: 'WAVES' },
    { n: 2, txId: 'TX2', beneficiary: ME, payer: PAYER2, amount: 2_500_000n, level: 'l2', timestamp: T0 + 60_000, asset: 'WAVES' },
    { n: 1, txId: 'TX1', beneficiary: ME, payer: PAYER, amount: 10_000_000n, level: 'l1', timestamp: T0, asset: 'WAVES' },
  ],
  withdrawals: [{ n: 1, txId: 'TX4', user: ME, amount: 1_000_000n, timestamp: T0 + 180_000, asset: 'WAVES' }],
  history: { funds: 3, withdraws: 1, page: 0, pageSize: 20 },
  config: PROGRAM,
  upgrade: null,
  version: 2,
  height: 42,
  skipped: [],
}
