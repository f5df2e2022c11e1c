import { describe, expect, test } from 'vitest'
import {
  balanceKey,
  earnedKey,
  fromKey,
  fundCountKey,
  fundKey,
  fundsPattern,
  levelCountKey,
  levelMemberKey,
  memberKeys,
  owedKey,
  paidKey,
  recordOf,
  refererKey,
  withdrawCountKey,
  withdrawKey,
  withdrawsPattern,
} from './keys.ts'

const me = '3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF'
const other = '3MRSxhPhLoVgqoVFzGktuYNCmgm3HXWjUJG'
const asset = '5UYAgRZjHiVrtrXW2Go6sVRZ4QqLWnugB6swr3UMKQoP'

describe('keys', () => {
  test('are the contract keys of ride/README.md', () => {
    expect([
      refererKey(me),
      balanceKey(me, 'WAVES'),
      balanceKey(me, asset),
      earnedKey(me, 'l2', 'WAVES'),
      paidKey(me, asset),
      fromKey(me, other, 'WAVES'),
      fundCountKey(me),
      fundKey(me, 7),
      withdrawCountKey(me),
      withdrawKey(me, 1),
      levelCountKey(me, 3),
      levelMemberKey(me, 2, 12),
      owedKey(asset),
    ]).toEqual([
      `${me}_referer`,
      `${me}_balance_WAVES`,
      `${me}_balance_${asset}`,
      `${me}_earned_l2_WAVES`,
      `${me}_paid_${asset}`,
      `${me}_from_${other}_WAVES`,
      `${me}_funds`,
      `fund_${me}_7`,
      `${me}_withdraws`,
      `withdraw_${me}_1`,
      `${me}_l3_count`,
      `${me}_l2_12`,
      `owed_${asset}`,
    ])
    expect(memberKeys(me)).toEqual([`${me}_referer`, `${me}_funds`, `${me}_withdraws`, `${me}_l1_count`, `${me}_l2_count`, `${me}_l3_count`])
  })

  test('the record regexes match exactly the address\'s numbered records, as the node matches the whole key', () => {
    const funds = new RegExp(`^(?:${fundsPattern(me)})$`)
    const withdraws = new RegExp(`^(?:${withdrawsPattern(me)})$`)
    expect([fundKey(me, 1), fundKey(me, 123)].every((k) => funds.test(k))).toBe(true)
    expect([fundKey(other, 1), `fund_${me}_`, `fund_${me}_x`, withdrawKey(me, 1), fundCountKey(me), `x${fundKey(me, 1)}`].filter((k) => funds.test(k))).toEqual([])
    expect(withdraws.test(withdrawKey(me, 2))).toBe(true)
    expect(withdraws.test(fundKey(me, 2))).toBe(false)
    expect(fundsPattern(me)).toBe(`fund_${me}_\\d+`)
  })

  test('recordOf takes record keys apart', () => {
    expect(recordOf(me, fundKey(me, 42))).toEqual({ kind: 'fund', n: 42 })
    expect(recordOf(me, withdrawKey(me, 1))).toEqual({ kind: 'withdraw', n: 1 })
    expect(recordOf(me, fundKey(other, 1))).toBeUndefined()
    expect(recordOf(me, `fund_${me}_0`)).toBeUndefined()
    expect(recordOf(me, `fund_${me}_${asset}`)).toBeUndefined() // an older program's txid-keyed record
  })
})
