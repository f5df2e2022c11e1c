import { describe, expect, test } from 'vitest'
import { balanceKey, classifyKey, dashboardPattern, fundKey, refererKey, referralKey, withdrawKey } from './keys.ts'

const me = '3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF'
const other = '3MRSxhPhLoVgqoVFzGktuYNCmgm3HXWjUJG'
const tx = '5UYAgRZjHiVrtrXW2Go6sVRZ4QqLWnugB6swr3UMKQoP'

describe('keys', () => {
  test('are the contract keys of ride/README.md', () => {
    expect([refererKey(me), balanceKey(me), referralKey(me, other), fundKey(me, tx), withdrawKey(me, tx)]).toEqual([
      `${me}_referer`,
      `${me}_balance`,
      `${me}_referral_${other}`,
      `fund_${me}_${tx}`,
      `withdraw_${me}_${tx}`,
    ])
  })

  test('the dashboard regex matches exactly the address own keys, as the node matches the whole key', () => {
    const regex = new RegExp(`^(?:${dashboardPattern(me)})$`)
    const mine = [refererKey(me), balanceKey(me), referralKey(me, other), fundKey(me, tx), withdrawKey(me, tx)]
    const notMine = [
      `${me}_referrals`,
      `${me}_referral_`,
      refererKey(other),
      balanceKey(other),
      referralKey(other, me),
      fundKey(other, tx),
      withdrawKey(other, tx),
      `x${refererKey(me)}`,
      `${balanceKey(me)}x`,
      'config_root',
      'stats_users',
    ]
    expect(mine.filter((key) => regex.test(key))).toEqual(mine)
    expect(notMine.filter((key) => regex.test(key))).toEqual([])
    expect(dashboardPattern(me)).toBe(`${me}_referer|${me}_balance|${me}_referral_.+|fund_${me}_.+|withdraw_${me}_.+`)
  })

  test('classifyKey takes the keys apart', () => {
    expect(classifyKey(me, refererKey(me))).toEqual({ kind: 'referer' })
    expect(classifyKey(me, balanceKey(me))).toEqual({ kind: 'balance' })
    expect(classifyKey(me, referralKey(me, other))).toEqual({ kind: 'referral', user: other })
    expect(classifyKey(me, fundKey(me, tx))).toEqual({ kind: 'fund', txId: tx })
    expect(classifyKey(me, withdrawKey(me, tx))).toEqual({ kind: 'withdraw', txId: tx })
    expect(classifyKey(me, `${me}_referrals`)).toBeUndefined()
    expect(classifyKey(me, fundKey(other, tx))).toBeUndefined()
  })
})
