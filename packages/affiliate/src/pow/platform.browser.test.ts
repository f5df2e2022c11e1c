import { afterEach, expect, test, vi } from 'vitest'
import { mineOn } from './mine.ts'
import { platform } from './platform.browser.ts'
import { runJob, type SearchJob } from './search.ts'
import { registerTx } from './test-fixtures.ts'

// Node has no Web Workers: this stands in for one, running search.ts in this thread, to check the
// browser platform's wiring (entry URL, module type, messages, terminate). Real browsers are not
// exercised here.
class FakeWorker {
  static created: FakeWorker[] = []
  onmessage: ((event: { data: unknown }) => void) | null = null
  onerror: ((event: { message: string }) => void) | null = null
  onmessageerror: (() => void) | null = null
  terminated = false

  constructor(
    readonly url: URL,
    readonly options: { type?: string; name?: string },
  ) {
    FakeWorker.created.push(this)
  }

  postMessage(job: SearchJob): void {
    setTimeout(() => runJob(job, (data) => this.terminated || this.onmessage?.({ data })))
  }

  terminate(): void {
    this.terminated = true
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  FakeWorker.created = []
})

test('the browser platform starts module workers from worker.ts and takes their reports', async () => {
  vi.stubGlobal('Worker', FakeWorker)
  const result = await mineOn(platform, registerTx(), { saltArg: 1, bits: 16, workers: 2 })
  // The fake runs each worker to its end in turn: worker 0 (batches 0, 2, 4, ...) finds 149741 before
  // worker 1 starts (a real one would find 99683 in batch 3 first).
  expect(result.tx.call?.args[1]).toEqual({ type: 'integer', value: 149741 })
  expect(FakeWorker.created.map((w) => [w.url.pathname.split('/').at(-1), w.options, w.terminated])).toEqual([
    ['worker.ts', { type: 'module', name: 'waves-affiliate pow' }, true],
    ['worker.ts', { type: 'module', name: 'waves-affiliate pow' }, true],
  ])
})

test('a worker error event rejects the search', async () => {
  class BrokenWorker extends FakeWorker {
    override postMessage(): void {
      setTimeout(() => this.onerror?.({ message: 'SyntaxError: Unexpected token' }))
    }
  }
  vi.stubGlobal('Worker', BrokenWorker)
  await expect(mineOn(platform, registerTx(), { saltArg: 1, bits: 16, workers: 1 })).rejects.toThrow(
    'proof-of-work worker failed: SyntaxError: Unexpected token',
  )
  expect(FakeWorker.created.map((w) => w.terminated)).toEqual([true])
})

test('browsers use navigator.hardwareConcurrency workers by default', () => {
  vi.stubGlobal('navigator', { hardwareConcurrency: 6 })
  expect(platform.defaultWorkers()).toBe(6)
})
