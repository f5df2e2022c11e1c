// Paying into the program: as a member (`fund`), or as a host for a customer (`fundFor`, for accounts in
// the program's host list). The amount typed, its split previewed before the wallet is asked (who gets
// what, from the payer's upline and the current rates), then the signature and the block.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { type ProgramConfig, fundFor, parseAmount, validateAddress } from 'waves-affiliate'
import { type Problem, describeError } from '../composables/problems.ts'
import { type Split, splitOf } from '../composables/split.ts'
import { useSession } from './session.ts'
import { uplineOf } from './upline.ts'

export type PayPhase = 'idle' | 'sending' | 'waiting' | 'done'

/** The payer's referrers, nearest first (at most 3): who the levels of a payment go to. */
export type Upline = string[]

/** Whose payment it is: the account's own (`fund`) or a customer's, paid by a host (`fundFor`). */
export type PayMode = 'self' | 'host'

/** The customer a host pays for, as typed, and what the chain says of it. */
export type Customer =
  | { state: 'empty' | 'invalid' | 'otherNetwork' | 'loading' }
  | { state: 'ready'; address: string; registered: boolean; upline: Upline }

export const usePay = defineStore('pay', () => {
  const session = useSession()
  const config = shallowRef<ProgramConfig | null>(null)
  const upline = ref<Upline>([])
  const registered = ref(false)
  const text = ref('')
  const mode = ref<PayMode>('self')
  const customerText = ref('')
  const customer = shallowRef<Customer>({ state: 'empty' })
  const phase = ref<PayPhase>('idle')
  const paid = ref<{ amount: bigint; txId: string; payer: string | null } | null>(null)
  const problem = ref<Problem | null>(null)
  const node = () => session.config?.node ?? ''

  /** the logged-in account is in the program's host list */
  const isHost = computed(() => !!session.account && !!config.value?.hosts.includes(session.account.address))

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

  /** whose chain the payment credits: the account's own, or the customer's once it is read */
  const payer = computed<{ registered: boolean; upline: Upline } | null>(() => {
    if (mode.value === 'self') return { registered: registered.value, upline: upline.value }
    const c = customer.value
    return c.state === 'ready' ? { registered: c.registered, upline: c.upline } : null
  })

  const split = computed<Split | null>(() => {
    const p = payer.value
    if (!amount.value.ok || !config.value || !p) return null
    // a payer who has not joined (or the root) pays like a non-member: no levels, no cashback, all to the change
    return p.registered ? splitOf(amount.value.value, config.value.rates, p.upline.length) : splitOf(amount.value.value, { l1: 0, l2: 0, l3: 0, cashback: 0 }, 0)
  })

  const ready = computed(() => amount.value.ok && payer.value !== null && (mode.value === 'self' || isHost.value))

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

  let lookup = 0
  /** Reads the typed customer's referrer and upline (the last one typed wins). */
  async function setCustomer(typed: string): Promise<void> {
    customerText.value = typed
    const client = session.client
    const address = typed.trim()
    const c = config.value
    if (address === '') return void (customer.value = { state: 'empty' })
    const shape = validateAddress(address, session.chainId ?? '')
    if (shape !== 'ok') return void (customer.value = { state: shape })
    if (!client || !c) return
    const mine = ++lookup
    customer.value = { state: 'loading' }
    try {
      const referrer = await client.fetchReferrer(address)
      const chain = referrer === null ? [] : await uplineOf(client, address, c.root)
      if (mine === lookup) customer.value = { state: 'ready', address, registered: referrer !== null && address !== c.root, upline: chain }
    } catch (error) {
      if (mine !== lookup) return
      customer.value = { state: 'empty' }
      problem.value = describeError(error, { node: node() })
    }
  }

  async function pay(): Promise<void> {
    const client = session.client
    const value = amount.value
    const c = customer.value
    if (!client || !value.ok || !ready.value || phase.value === 'sending' || phase.value === 'waiting') return
    const forCustomer = mode.value === 'host' && c.state === 'ready' ? c.address : null
    problem.value = null
    paid.value = null
    phase.value = 'sending'
    try {
      const submitted = forCustomer === null ? await client.fund(value.value) : await fundFor(client.client, { payer: forCustomer, amount: value.value })
      phase.value = 'waiting'
      await submitted.confirmed
      paid.value = { amount: value.value, txId: submitted.id, payer: forCustomer }
      phase.value = 'done'
      text.value = ''
    } catch (error) {
      phase.value = 'idle'
      problem.value = describeError(error, { node: node() })
    }
  }

  return { config, upline, registered, text, amount, mode, isHost, customerText, customer, payer, split, ready, phase, paid, problem, load, setCustomer, pay }
})
