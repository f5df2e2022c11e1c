// Node: worker_threads. The worker runs search.ts as the JavaScript in generated.ts (`eval: true`),
// since worker_threads cannot load TypeScript and the library ships its TypeScript sources.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { NODE_WORKER_SOURCE } from './generated.ts'
import type { Platform } from './platform.ts'
import type { SearchReport } from './search.ts'

export const platform: Platform = {
  defaultWorkers: () => availableParallelism(),
  spawn(listener) {
    // The source is CommonJS; a parent started with --input-type=module would make the worker read it as a module.
    const execArgv = process.execArgv.filter((arg, i, all) => !arg.startsWith('--input-type') && all[i - 1] !== '--input-type')
    const worker = new Worker(NODE_WORKER_SOURCE, { eval: true, name: 'waves-affiliate pow', execArgv })
    let terminated = false
    worker.on('message', (message: SearchReport) => {
      if (!terminated) listener.report(message)
    })
    worker.on('error', (error) => {
      if (!terminated) listener.fail(error)
    })
    worker.on('exit', (code) => {
      if (!terminated) listener.fail(new Error(`proof-of-work worker exited with code ${code}`))
    })
    return {
      start: (job) => worker.postMessage(job),
      terminate() {
        terminated = true
        void worker.terminate()
      },
    }
  },
}
