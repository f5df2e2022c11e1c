// The dashboard's parts rendered from plain data, read as the user reads them.
import { mount } from '@vue/test-utils'
import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { loadArea, useI18n } from '../composables/i18n.ts'
import { DASHBOARD, ME, PAYER, PAYER2, PROGRAM } from '../fixtures.ts'
import { historyCsv } from '../composables/history.ts'
import { LEVELS, incomeBuckets } from '../composables/income.ts'
import { FILTERS, type Filter, rowsOf } from '../stores/dashboard.ts'
import BalanceCard from './BalanceCard.vue'
import IncomeChart from './IncomeChart.vue'
import PowProgress from './PowProgress.vue'
import ProgramRates from './ProgramRates.vue'
import ReferralLevels from './ReferralLevels.vue'
import SolvencyLine from './SolvencyLine.vue'
import TransactionList from './TransactionList.vue'

beforeAll(async () => {
  process.env.TZ = 'UTC' // dates are shown in the viewer's zone; the tests read them in UTC
  // the components' texts load with their pages
  await Promise.all([loadArea('dashboard'), loadArea('join')])
})
beforeEach(() => useI18n().setLocale('en'))

/** the fixture's dashboard with a change credit too (as the root gets) */
const DASHBOARD_ = {
  ...DASHBOARD,
  income: [
    { n: 4, txId: 'TX5', beneficiary: ME, payer: PAYER, amount: 5_000_000n, level: 'change' as const, timestamp: DASHBOARD.income[0]!.timestamp + 30_000, asset: 'WAVES' },
    ...DASHBOARD.income,
  ],
}
const WAVES = PROGRAM.asset
const TOKEN = { id: '8LQW8f7P5d5PZM7GtZEBgaqRPGSzS3DfPuiXrURJ4AJS', name: 'USDN', decimals: 6 }

const DAY = 86_400_000
/** an hour after the fixture's last record */
const NOW = Date.UTC(2027, 0, 4, 7)

type BalanceProps = InstanceType<typeof BalanceCard>['$props']
const balance = (props: Partial<Pick<BalanceProps, 'balance' | 'balances' | 'config' | 'phase' | 'withdrawn' | 'prompt'>>) =>
  mount(BalanceCard, {
    props: { balance: 12_500_000n, balances: [{ asset: WAVES, amount: props.balance ?? 12_500_000n }], config: PROGRAM, phase: 'idle' as const, withdrawn: null, problem: null, prompt: false, ...props },
  })

describe('BalanceCard', () => {
  test('shows the balance with the asset’s decimals and lets the user withdraw', async () => {
    const card = balance({})
    expect(card.get('[data-test="balance"]').text()).toBe('0.125 WAVES')
    expect(card.get('[data-test="withdraw"]').attributes('disabled')).toBeUndefined()
    expect(card.find('[data-test="withdraw-reason"]').exists()).toBe(false)
    await card.get('[data-test="withdraw"]').trigger('click')
    expect(card.emitted('withdraw')).toEqual([[]])
  })
  test('nothing owed: Withdraw is off and says why; the minimum decides only the fee refund', () => {
    const none = balance({ balance: 0n })
    expect([none.get('[data-test="withdraw"]').attributes('disabled'), none.get('[data-test="withdraw-reason"]').text()]).toEqual(['', 'Nothing to withdraw yet.'])
    const small = balance({ balance: 999_999n })
    expect([small.get('[data-test="withdraw"]').attributes('disabled'), small.get('[data-test="withdraw-refund"]').text()]).toEqual([
      undefined,
      'The program refunds the fee of withdrawals from 0.01 WAVES.',
    ])
  })
  test('paused or not, Withdraw stays; an earlier asset still owed is listed and withdrawable', () => {
    expect(balance({ config: { ...PROGRAM, paused: true } }).get('[data-test="withdraw"]').attributes('disabled')).toBeUndefined()
    const old = balance({ balance: 0n, balances: [{ asset: WAVES, amount: 0n }, { asset: TOKEN, amount: 1_500_000n }] })
    expect([old.get('[data-test="other-balances"]').text(), old.get('[data-test="withdraw"]').attributes('disabled')]).toEqual(['USDN1.5', undefined])
  })
  test('the steps of a withdrawal', () => {
    expect(balance({ phase: 'sending', prompt: true }).get('[data-test="withdraw-status"]').text()).toBe('Confirm the withdrawal in your wallet.')
    expect(balance({ phase: 'waiting' }).get('[data-test="withdraw"]').attributes('disabled')).toBe('')
    expect(balance({ phase: 'done', withdrawn: 12_500_000n, balance: 0n }).get('[data-test="withdraw-status"]').text()).toBe('Withdrawn: 0.125 WAVES.')
  })
  test('in Russian', async () => {
    await useI18n().setLocale('ru')
    const card = balance({ balance: 123_456_789_000n })
    expect(card.get('[data-test="balance"]').text()).toBe('1\u00a0234,56789 WAVES')
    expect(card.get('[data-test="withdraw"]').text()).toBe('Вывести')
  })
})

describe('TransactionList', () => {
  const list = (filter: Filter, page = 0, hasNext = false) =>
    mount(TransactionList, { props: { rows: rowsOf(DASHBOARD_, filter), asset: PROGRAM.asset, txLink: (id: string) => `https://explorer/tx/${id}`, filter, page, hasNext } })

  test('rows say what each credit was, with signed amounts and explorer links', () => {
    const rows = list('all').findAll('li.row')
    expect(rows.map((r) => [r.get('.row-kind').text(), r.get('.row-amount').text()])).toEqual([
      ['Withdrawal', '−0.01 WAVES'],
      ['Change from 3MAZmj…1k97', '+0.05 WAVES'],
      ['Cashback', '+0.01 WAVES'],
      ['Level 2 from 3MLp7Q…X2hn', '+0.025 WAVES'],
      ['Level 1 from 3MAZmj…1k97', '+0.1 WAVES'],
    ])
    expect(rows[0]!.get('[data-test="explorer"]').attributes('href')).toBe('https://explorer/tx/TX4')
  })
  test('each filter keeps its kind; change has its own', () => {
    const kinds = (filter: Filter) => rowsOf(DASHBOARD_, filter).map((r) => (r.kind === 'fund' ? r.level : 'withdrawal'))
    expect(FILTERS.map((f) => [f, kinds(f)])).toEqual([
      ['all', ['withdrawal', 'change', 'cashback', 'l2', 'l1']],
      ['referral', ['l2', 'l1']],
      ['cashback', ['cashback']],
      ['change', ['change']],
      ['withdrawal', ['withdrawal']],
    ])
  })
  test('a filter button updates the model and goes back to the first page; an empty filter says so', async () => {
    const view = list('all', 2, true)
    await view.get('[data-test="filter-change"]').trigger('click')
    expect([view.emitted('update:filter'), view.emitted('update:page')]).toEqual([[['change']], [[0]]])
    const empty = mount(TransactionList, { props: { rows: [], asset: PROGRAM.asset, txLink: () => '', filter: 'withdrawal', page: 0, hasNext: false } })
    expect(empty.get('[data-test="no-transactions"]').text()).toBe('No transactions here yet.')
    expect(empty.get('[data-test="filter-withdrawal"]').attributes('aria-pressed')).toBe('true')
    expect(empty.get('[data-test="csv"]').attributes('disabled')).toBe('')
  })
  test('the pager: Newer is off on the first page, Older only when there is a next page; CSV asks the page', async () => {
    const first = list('all', 0, true)
    expect([first.get('[data-test="page"]').text(), first.get('[data-test="page-prev"]').attributes('disabled'), first.get('[data-test="page-next"]').attributes('disabled')]).toEqual(['Page 1', '', undefined])
    await first.get('[data-test="page-next"]').trigger('click')
    await first.get('[data-test="csv"]').trigger('click')
    expect([first.emitted('update:page'), first.emitted('download')]).toEqual([[[1]], [[]]])
    const last = list('all', 1, false)
    expect([last.get('[data-test="page"]').text(), last.get('[data-test="page-prev"]').attributes('disabled'), last.get('[data-test="page-next"]').attributes('disabled')]).toEqual(['Page 2', undefined, ''])
  })
  test('the CSV has every row of the filter, exact amounts with a dot, UTC times', () => {
    expect(historyCsv(rowsOf(DASHBOARD_, 'all'), PROGRAM.asset).split('\r\n')).toEqual([
      'time,transaction,kind,from,amount,asset',
      `2027-01-04T06:03:00.000Z,TX4,withdrawal,,-0.01,WAVES`,
      `2027-01-04T06:02:30.000Z,TX5,change,${PAYER},0.05,WAVES`,
      `2027-01-04T06:02:00.000Z,TX3,cashback,${ME},0.01,WAVES`,
      `2027-01-04T06:01:00.000Z,TX2,l2,${PAYER2},0.025,WAVES`,
      `2027-01-04T06:00:00.000Z,TX1,l1,${PAYER},0.1,WAVES`,
      '',
    ])
  })
})

describe('IncomeChart', () => {
  test('no income: an invitation instead of an empty chart', () => {
    const chart = mount(IncomeChart, { props: { income: [], asset: PROGRAM.asset, now: NOW } })
    expect(chart.get('[data-test="chart-empty"]').text()).toBe('No income yet. Share your link: you earn when the people you invite pay.')
    expect(chart.get('figcaption').text()).toBe('0 WAVES')
  })
  test('the total of the period, and a period without income says so', async () => {
    const chart = mount(IncomeChart, { props: { income: DASHBOARD_.income, asset: PROGRAM.asset, now: NOW } })
    expect(chart.get('figcaption').text()).toBe('0.185 WAVES')
    expect(chart.get('[data-test="period-month"]').attributes('aria-pressed')).toBe('true')
    expect(chart.get('[data-test="chart-canvas"]').attributes('aria-label')).toBe('Income by level, Month: 0.185 WAVES in all')
    const later = mount(IncomeChart, { props: { income: DASHBOARD_.income, asset: PROGRAM.asset, now: NOW + 10 * DAY } })
    await later.get('[data-test="period-week"]').trigger('click')
    expect([later.get('figcaption').text(), later.get('[data-test="chart-empty"]').text()]).toEqual(['0 WAVES', 'No income in this period.'])
    await later.get('[data-test="period-all"]').trigger('click')
    expect(later.get('figcaption').text()).toBe('0.185 WAVES')
  })
  test('buckets: one a day by level, the period ending today; a week a bucket past 90 days', () => {
    const week = incomeBuckets(DASHBOARD_.income, 'week', NOW + DAY)
    expect([week.starts.length, week.days, week.total]).toEqual([7, 1, 18_500_000n])
    expect(week.starts[5]).toBe(Date.UTC(2027, 0, 4))
    expect(LEVELS.map((l) => week.byLevel[l][5])).toEqual([10_000_000n, 2_500_000n, 0n, 1_000_000n, 5_000_000n])
    expect(LEVELS.map((l) => week.byLevel[l][6])).toEqual([0n, 0n, 0n, 0n, 0n])
    const all = incomeBuckets([{ ...DASHBOARD_.income[0]!, timestamp: NOW - 200 * DAY }, ...DASHBOARD_.income], 'all', NOW)
    expect([all.days, all.starts.length, all.total, all.byLevel.l1.at(-1)]).toEqual([7, 29, 18_500_000n + 5_000_000n, 10_000_000n])
  })
})

describe('ReferralLevels and ProgramRates', () => {
  test('each level with its count and income', () => {
    const levels = mount(ReferralLevels, { props: { levels: DASHBOARD.referrals, asset: PROGRAM.asset, addressLink: (a: string) => a } })
    expect(levels.findAll('[data-test="level-summary"]').map((s) => s.text())).toEqual([
      '1 member · 0.1 WAVES',
      '1 member · 0.025 WAVES',
      '0 members · 0 WAVES',
    ])
    expect(levels.get('[data-test="level-3"]').text()).toContain('Nobody yet.')
  })
  test('rates in percent and the minimum withdrawal', () => {
    expect(mount(ProgramRates, { props: { config: PROGRAM } }).findAll('dd').map((d) => d.text())).toEqual(['10%', '5%', '2.5%', '1%', '0.01 WAVES'])
  })
})

describe('SolvencyLine', () => {
  const covered = { asset: WAVES, held: 100_983_000_000n, owed: 990_000_000n, reserved: 100_000_000n, surplus: 99_893_000_000n }
  // only the reserve is short: members are still paid in full
  const reserveShort = { asset: WAVES, held: 1_000_000_000n, owed: 990_000_000n, reserved: 100_000_000n, surplus: -90_000_000n }
  const short = { asset: TOKEN, held: 1_500_000n, owed: 2_750_000n, reserved: 0n, surplus: -1_250_000n }
  const lines = (books: (typeof covered)[]) => mount(SolvencyLine, { props: { books } }).findAll('p').map((p) => [p.text(), p.attributes('role') ?? null])
  test('held against owed per asset: covered, or a warning with what is missing', () => {
    expect(lines([covered, reserveShort, short])).toEqual([
      ['The program holds 1,009.83 WAVES against 9.9 WAVES owed to members: covered.', null],
      ['The program holds 10 WAVES against 9.9 WAVES owed to members: covered.', null],
      ['Warning: the program holds 1.5 USDN against 2.75 USDN owed to members: 1.25 USDN short, so not every member can withdraw in full.', 'alert'],
    ])
    expect(lines([])).toEqual([])
  })
  test('in Russian', async () => {
    await useI18n().setLocale('ru')
    expect(lines([covered, short])).toEqual([
      ['У программы 1\u00a0009,83 WAVES при долге участникам 9,9 WAVES: всё покрыто.', null],
      ['Внимание: у программы 1,5 USDN при долге участникам 2,75 USDN: не хватает 1,25 USDN, поэтому не все участники смогут вывести всё полностью.', 'alert'],
    ])
  })
})

describe('PowProgress', () => {
  test('attempts, rate and time left; Cancel emits', async () => {
    const bar = mount(PowProgress, { props: { expected: 65536, progress: { attempts: 32768, rate: 1_200_000, expected: 65536, etaMs: 27_000 } } })
    expect(bar.get('[data-test="pow-text"]').text()).toBe('32,768 attempts · 1.2m/s · about 27 secs left')
    expect(bar.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('50')
    await bar.get('[data-test="cancel"]').trigger('click')
    expect(bar.emitted('cancel')).toEqual([[]])
  })
  test('past the expected count the bar is full and says it takes longer', () => {
    const bar = mount(PowProgress, { props: { expected: 100, progress: { attempts: 250, rate: 50, expected: 100, etaMs: 0 } } })
    expect(bar.get('[data-test="pow-text"]').text()).toBe('250 attempts · 50/s · taking longer than average')
    expect(bar.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('100')
  })
})
