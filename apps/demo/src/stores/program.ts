// The program's configuration for pages that are not a member's dashboard (home, pay, admin): read once
// when a page asks, again on `refresh`. The dashboard reads its own copy with each block.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ProgramConfig } from 'waves-affiliate'
import { type Problem, describeError } from '../composables/problems.ts'
import { useSession } from './session.ts'

export const useProgram = defineStore('program', () => {
  const session = useSession()
  const config = shallowRef<ProgramConfig | null>(null)
  const problem = ref<Problem | null>(null)
  let pending: Promise<void> | null = null

  function refresh(): Promise<void> {
    const client = session.client
    if (!client) return Promise.resolve()
    pending = client.fetchConfig().then(
      (next) => {
        config.value = next
        problem.value = null
      },
      (error: unknown) => {
        problem.value = describeError(error, { node: session.config?.node ?? '' })
      },
    )
    return pending
  }

  /** Reads the config unless it is already read or being read. */
  function load(): Promise<void> {
    return config.value ? Promise.resolve() : (pending ?? refresh())
  }

  return { config, problem, load, refresh }
})
