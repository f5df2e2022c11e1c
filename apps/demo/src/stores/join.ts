// Joining through `/join/:referrer`: check the link, then register with proof of work (progress,
// cancel), the wallet's signature, the block. Failures end in a `problem` the page shows as it is.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { ContractError, PowAbortedError, type ProgramConfig } from 'waves-affiliate'
import type { MineProgress } from 'waves-affiliate/pow'
import { validateAddress } from 'waves-affiliate'
import { type Problem, describeError } from '../composables/problems.ts'
import { useSession } from './session.ts'

/** What the link is worth: checked before anything is asked of the wallet. */
export type LinkState = 'checking' | 'invalid' | 'otherNetwork' | 'unregistered' | 'self' | 'ok' | 'failed'
/** Where the user is: ready to join, in the middle, or done. */
export type JoinPhase = 'ready' | 'mining' | 'waiting' | 'done' | 'cancelled' | 'already'

export const useJoin = defineStore('join', () => {
  const session = useSession()
  const referrer = ref('')
  const link = ref<LinkState>('checking')
  const program = shallowRef<ProgramConfig | null>(null)
  const phase = ref<JoinPhase>('ready')
  const progress = shallowRef<MineProgress | null>(null)
  const cancelledAfter = ref(0)
  const txId = ref<string | null>(null)
  const problem = ref<Problem | null>(null)
  /** the user's own referrer, when they turn out to be registered already */
  const ownReferrer = ref<string | null>(null)
  let controller: AbortController | null = null

  const expectedAttempts = computed(() => (program.value ? 2 ** program.value.powBits : 0))
  const node = () => session.config?.node ?? ''

  async function check(address: string): Promise<void> {
    referrer.value = address
    link.value = 'checking'
    problem.value = null
    phase.value = 'ready'
    const client = session.client
    if (!client) return
    try {
      const chainId = session.chainId ?? (await client.chainId())
      const shape = validateAddress(address, chainId)
      if (shape !== 'ok') {
        link.value = shape
        return
      }
      const [config, itsReferrer] = await Promise.all([client.fetchConfig(), client.fetchReferrer(address)])
      program.value = config
      link.value = itsReferrer !== null || address === config.root ? 'ok' : 'unregistered'
      if (link.value === 'ok' && session.account) await checkMember()
    } catch (error) {
      link.value = 'failed'
      problem.value = describeError(error, { node: node() })
    }
  }

  /** After login: a member (or the root) does not join again; their own link is not for them. */
  async function checkMember(): Promise<void> {
    const client = session.client
    const me = session.account?.address
    if (!client || !me) return
    if (me === referrer.value) {
      link.value = 'self'
      return
    }
    try {
      const [config, mine] = await Promise.all([program.value ? Promise.resolve(program.value) : client.fetchConfig(), client.fetchReferrer(me)])
      program.value = config
      if (mine !== null || me === config.root) {
        ownReferrer.value = mine
        phase.value = 'already'
      }
    } catch (error) {
      problem.value = describeError(error, { node: node() })
    }
  }

  async function join(): Promise<void> {
    const client = session.client
    if (!client || link.value !== 'ok') return
    problem.value = null
    progress.value = null
    txId.value = null
    phase.value = 'mining'
    controller = new AbortController()
    try {
      // the expected attempts shown beside the bar follow the program's current difficulty
      program.value = await client.fetchConfig()
      const submitted = await client.register(referrer.value, {
        signal: controller.signal,
        onProgress: (p) => {
          progress.value = p
        },
      })
      controller = null
      txId.value = submitted.id
      phase.value = 'waiting'
      await submitted.confirmed
      phase.value = 'done'
    } catch (error) {
      controller = null
      if (error instanceof PowAbortedError) {
        cancelledAfter.value = error.attempts
        phase.value = 'cancelled'
      } else if (error instanceof ContractError && error.code === 'registered') {
        phase.value = 'already'
        await checkMember()
      } else {
        phase.value = 'ready'
        problem.value = describeError(error, { node: node() })
      }
    }
  }

  function cancel(): void {
    controller?.abort()
  }

  return { referrer, link, program, phase, progress, cancelledAfter, txId, problem, ownReferrer, expectedAttempts, check, checkMember, join, cancel }
})
