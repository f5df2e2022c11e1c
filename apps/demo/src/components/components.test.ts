// The dashboard's parts rendered from plain data, read as the user reads them.
import { mount } from '@vue/test-utils'
import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { useI18n } from '../composables/i18n.ts'
import { DASHBOARD, PROGRAM } from '../fixtures.ts'
import { chartOf, rowsOf } from '../stores/dashboard.ts'
import BalanceCard from './BalanceCard.vue'
import IncomeChart from './IncomeChart.vue'
import PowProgress from './PowProgress.vue'
import ProgramRates from './ProgramRates.vue'
import ReferralLevels from './ReferralLevels.vue'
import TransactionList from './TransactionList.vue'

beforeAll(() => {
  process.env.TZ = 'UTC' // dates are shown in the viewer's zone; the tests read them in UTC
})
beforeEach(() => useI18n().setLocale('en'))

const balance = (props: Partial<InstanceType<typeof BalanceCard>['$props']>) =>
  mount(BalanceCard, { props: { balance: 12_500_000n, config: PROGRAM, phase: 'idle', withdrawn: null, problem: null, prompt: false, ...props } })

describe('BalanceCard', () => {
  test('shows the balance with the asset’s decimals and lets the user withdraw', async () => {
    const card = balance({})
    expect(card.get('[data-test="balance"]').text()).toBe('0.125 WAVES')
    expect(card.get('[data-test="withdraw"]').attributes('disabled')).toBeUndefined()
    expect(card.find('[data-test="withdraw-reason"]').exists()).toBe(false)
    await card.get('[data-test="withdraw"]').trigger('click')
    expect(card.emitted('withdraw')).toEqual([[]])
  })
  test('below the minimum, Withdraw is disabled and says why', () => {
    const card = balance({ balance: 999_999n })
    expect(card.get('[data-test="withdraw"]').attributes('disabled')).toBe('')
    expect(card.get('[data-test="withdraw-reason"]').text()).toBe('You can withdraw from 0.01 WAVES.')
  })
  test('paused, and the steps of a withdrawal', () => {
    expect(balance({ config: { ...PROGRAM, paused: true } }).get('[data-test="withdraw-reason"]').text()).toBe('Withdrawals are paused by the operator.')
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
  const list = (filter: 'all' | 'referral' | 'cashback' | 'withdrawal') =>
    mount(TransactionList, { props: { rows: rowsOf(DASHBOARD, filter), asset: PROGRAM.asset, txLink: (id: string) => `https://explorer/tx/${id}`, filter } })

  test('rows say what each credit was, with signed amounts and explorer links', () => {
    const rows = list('all').findAll('li.row')
    expect(rows.map((r) => [r.get('.row-kind').text(), r.get('.row-amount').text()])).toEqual([
      ['Withdrawal', '−0.01 WAVES'],
      ['Cashback', '+0.01 WAVES'],
      ['Level 2 from 3MLp7Q…X2hn', '+0.025 WAVES'],
      ['Level 1 from 3MAZmj…1k97', '+0.1 WAVES'],
    ])
    expect(rows[0]!.get('[data-test="explorer"]').attributes('href')).toBe('https://explorer/tx/TX4')
  })
  test('a filter button updates the model; an empty filter says so', async () => {
    const view = list('all')
    await view.get('[data-test="filter-cashback"]').trigger('click')
    expect(view.emitted('update:filter')).toEqual([['cashback']])
    const empty = mount(TransactionList, { props: { rows: [], asset: PROGRAM.asset, txLink: () => '', filter: 'withdrawal' } })
    expect(empty.get('[data-test="no-transactions"]').text()).toBe('No transactions here yet.')
    expect(empty.get('[data-test="filter-withdrawal"]').attributes('aria-pressed')).toBe('true')
  })
})

describe('IncomeChart', () => {
  test('no income: an invitation instead of an empty chart', () => {
    expect(mount(IncomeChart, { props: { points: [], asset: PROGRAM.asset } }).text()).toBe(
      'No income yet. Share your link: you earn when the people you invite pay.',
    )
  })
  test('a step line up to the total, one dot per block', () => {
    const chart = mount(IncomeChart, { props: { points: chartOf(DASHBOARD.income), asset: PROGRAM.asset } })
    expect(chart.get('figcaption').text()).toBe('0.135 WAVES')
    // heights: 116 - ratio × 108, the ratio taken in bigint to 1/1000 (10,000,000 of 13,500,000 is 0.740)
    expect(chart.findAll('path.chart-dot').map((d) => d.attributes('d'))).toEqual(['M 6.0 36.1 h 0', 'M 160.0 16.1 h 0', 'M 314.0 8.0 h 0'])
    expect(chart.get('path.chart-line').attributes('d')).toBe('M 6 116 H 6.0 V 36.1 H 160.0 V 16.1 H 314.0 V 8.0 H 314')
    expect(chart.get('.chart-dates').text()).toBe('4 Jan, 06:00' + '4 Jan, 06:02')
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
