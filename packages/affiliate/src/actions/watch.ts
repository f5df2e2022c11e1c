import type { Client } from '../client.ts'
import type { AffiliateError } from '../errors.ts'
import { fetchHeight } from '../node/chain.ts'
import type { Dashboard } from '../types.ts'
import { fetchDashboard } from './fetchDashboard.ts'

export interface WatchParameters {
  address: string
  onChange: (dashboard: Dashboard) => void
  /** how often to ask GET /blocks/height (default 1,000 ms) */
  intervalMs?: number
  /** failed reads land here; watching goes on */
  onError?: (error: AffiliateError) => void
}
/** stops watching */
export type WatchReturnType = () => void

/**
 * Calls `onChange` with the dashboard of `address` at once, then whenever a new block arrives or a
 * transaction this client sent is confirmed. Between those it only polls GET /blocks/height, so the
 * rate-limited data `matches` route is used once per change, not once per poll.
 *
 * @example
 * const stop = watch(client, { address, onChange: (d) => render(d), onError: (e) => show(e.shortMessage) })
 * // later
 * stop()
 */
export function watch(client: Client, { address, onChange, intervalMs = 1_000, onError }: WatchParameters): WatchReturnType {
  let stopped = false
  let running = false
  let dirty = true
  let seenHeight: number | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const schedule = (ms: number) => {
    clearTimeout(timer)
    if (!stopped) timer = setTimeout(() => void tick(), ms)
  }
  const onConfirmed = () => {
    dirty = true
    if (!running) schedule(0)
  }

  async function tick(): Promise<void> {
    if (stopped || running) return
    running = true
    let failed = false
    try {
      const height = await fetchHeight(client.transport)
      if (stopped) return
      if (height !== seenHeight || dirty) {
        dirty = false
        const dashboard = await fetchDashboard(client, { address, height })
        if (stopped) return
        seenHeight = height
        onChange(dashboard)
      }
    } catch (error) {
      dirty = true
      failed = true
      if (!stopped) onError?.(error as AffiliateError)
    } finally {
      running = false
      // a confirmation that came in during this tick is fetched at once; a failure waits a whole interval
      schedule(dirty && !failed ? 0 : intervalMs)
    }
  }

  client.state.confirmedListeners.add(onConfirmed)
  schedule(0)
  return () => {
    stopped = true
    clearTimeout(timer)
    client.state.confirmedListeners.delete(onConfirmed)
  }
}
