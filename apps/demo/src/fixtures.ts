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
  minWithdraw: 1_000_000n,
  maxFee: 900_000n,
  refundBudget: 100_000_000n,
  paused: false,
}

const T0 = Date.UTC(2027, 0, 4, 6)

export const DASHBOARD: Dashboard = {
  address: ME,
  registered: true,
  isRoot: false,
  referrer: PAYER2,
  balance: 12_500_000n,
  referrals: [
    { level: 1, members: [{ address: PAYER, income: 10_000_000n }] },
    { level: 2, members: [{ address: PAYER2, income: 2_500_000n }] },
    { level: 3, members: [] },
  ],
  income: [
    { txId: 'TX3', beneficiary: ME, payer: ME, amount: 1_000_000n, level: 'cashback', timestamp: T0 + 120_000 },
    { txId: 'TX2', beneficiary: ME, payer: PAYER2, amount: 2_500_000n, level: 'l2', timestamp: T0 + 60_000 },
    { txId: 'TX1', beneficiary: ME, payer: PAYER, amount: 10_000_000n, level: 'l1', timestamp: T0 },
  ],
  withdrawals: [{ txId: 'TX4', user: ME, amount: 1_000_000n, timestamp: T0 + 180_000 }],
  config: PROGRAM,
  height: 42,
  skipped: [],
}
