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

/** Node (and runtimes that pass as Node) or else a browser. */
export async function loadPlatform(): Promise<Platform> {
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string'
  return isNode ? (await import('./platform.node.ts')).platform : (await import('./platform.browser.ts')).platform
}
