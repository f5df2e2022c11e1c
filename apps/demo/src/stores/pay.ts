// Paying into the program as a member (`fund`): the amount typed, its split previewed before the wallet
// is asked (who gets what, from the payer's upline and the current rates), then the signature and the block.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { type ProgramConfig, parseAmount } from 'waves-affiliate'
import { type Problem, describeError } from '../composables/problems.ts'
import { type Split, splitOf } from '../composables/split.ts'
import { useSession } from './session.ts'
import { uplineOf } from './upline.ts'

export type PayPhase = 'idle' | 'sending' | 'waiting' | 'done'

/** The payer's referrers, nearest first (at most 3): who the levels of a payment go to. */
export type Upline = string[]

export const usePay = defineStore('pay', () => {
  const session = useSession()
  const config = shallowRef<ProgramConfig | null>(null)
  const upline = ref<Upline>([])
  const registered = ref(false)
  const text = ref('')
  const phase = ref<PayPhase>('idle')
  const paid = ref<{ amount: bigint; txId: string } | null>(null)
  const problem = ref<Problem | null>(null)
  const node = () => session.config?.node ?? ''

  /** The typed amount in the asset's smallest unit, or why it cannot be paid. */
  const amount = computed<{ ok: true; value: bigint } | { ok: false; reason: 'empty' | 'invalid' | 'zero' | 'min' }>(() => {
    const c = config.value
    const typed = text.value.trim().replace(',', '.')
    if (!c || typed === '') return { ok: false, reason: 'empty' }
    let value: bigint
    try {
      value = parseAmount(typed, c.asset.decimals)
    } catch {
      return { ok: false, reason: 'invalid' }
    }
    if (value <= 0n) return { ok: false, reason: 'zero' }
    // the contract refuses a fund below `config_min_fund` (it bounds the records anyone can write)
    return value >= c.minFund ? { ok: true, value } : { ok: false, reason: 'min' }
  })

  const split = computed<Split | null>(() =>
    amount.value.ok && config.value ? (registered.value ? splitOf(amount.value.value, config.value.rates, upline.value.length) : splitOf(amount.value.value, { l1: 0, l2: 0, l3: 0, cashback: 0 }, 0)) : null,
  )

  async function load(): Promise<void> {
    const client = session.client
    const me = session.account?.address
    if (!client || !me) return
    problem.value = null
    try {
      const [next, referrer] = await Promise.all([client.fetchConfig(), client.fetchReferrer(me)])
      const chain = referrer === null ? [] : await uplineOf(client, me, next.root)
      // the root pays like a non-member: no levels, no cashback, all to the change
      registered.value = referrer !== null && me !== next.root
      config.value = next
      upline.value = chain
    } catch (error) {
      problem.value = describeError(error, { node: node() })
    }
  }

  async function pay(): Promise<void> {
    const client = session.client
    const value = amount.value
    if (!client || !value.ok || phase.value === 'sending' || phase.value === 'waiting') return
    problem.value = null
    paid.value = null
    phase.value = 'sending'
    try {
      const submitted = await client.fund(value.value)
      phase.value = 'waiting'
      await submitted.confirmed
      paid.value = { amount: value.value, txId: submitted.id }
      phase.value = 'done'
      text.value = ''
    } catch (error) {
      phase.value = 'idle'
      problem.value = describeError(error, { node: node() })
    }
  }

  return { config, upline, registered, text, amount, split, phase, paid, problem, load, pay }
})
