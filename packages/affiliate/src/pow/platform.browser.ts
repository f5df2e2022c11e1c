// Browsers: module Web Workers. `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`
// is the form Vite (and other bundlers) recognise and bundle as a worker entry.
import type { Platform } from './platform.ts'
import type { SearchReport } from './search.ts'

export const platform: Platform = {
  defaultWorkers: () => globalThis.navigator?.hardwareConcurrency || 1,
  spawn(listener) {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'waves-affiliate pow' })
    let terminated = false
    worker.onmessage = (event: MessageEvent<SearchReport>) => {
      if (!terminated) listener.report(event.data)
    }
    worker.onerror = (event) => {
      if (!terminated) listener.fail(new Error(`proof-of-work worker failed: ${event.message}`))
    }
    worker.onmessageerror = () => {
      if (!terminated) listener.fail(new Error('proof-of-work worker sent a message that could not be read'))
    }
    return {
      start: (job) => worker.postMessage(job),
      terminate() {
        terminated = true
        worker.terminate()
      },
    }
  },
}
