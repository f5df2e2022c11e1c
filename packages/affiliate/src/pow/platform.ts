// What the miner needs from its environment, implemented once for Node (platform.node.ts) and once for
// browsers (platform.browser.ts). Everything else is shared.
import type { SearchJob, SearchReport } from './search.ts'

export interface Platform {
  /** how many workers to use when the caller does not say: the number of logical cores */
  defaultWorkers(): number
  /** starts a worker that runs `serve` from search.ts and passes what it posts to `listener` */
  spawn(listener: WorkerListener): MinerWorker
}

export interface WorkerListener {
  report(message: SearchReport): void
  /** the worker failed: it threw, could not start, or exited on its own */
  fail(error: Error): void
}

export interface MinerWorker {
  start(job: SearchJob): void
  /** stops the worker at once, mid-batch; no message arrives after this */
  terminate(): void
}

/**
 * Node's implementation under the `node` export condition, the browser's otherwise (package.json `imports`),
 * so a browser bundle never sees worker_threads.
 */
export async function loadPlatform(): Promise<Platform> {
  return (await import('#pow-platform')).platform
}
