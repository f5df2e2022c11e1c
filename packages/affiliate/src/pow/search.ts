// The search as every worker runs it, in browsers and in Node alike: instantiate the WASM module, copy
// the transaction body into its memory, and try batches of salts, reporting after each batch.
//
// This file must stay self-contained (type-only imports at most): `build-wasm.ts` transpiles it into the
// JavaScript source of Node's worker, because Node's worker_threads cannot load TypeScript. The browser
// worker (`worker.ts`) imports it directly.

/** What a worker is asked to do: try salts `first + k * stride + i` for k = 0, 1, ... and i < batch. */
export interface SearchJob {
  /** the compiled `blake2b.wasm` (a WebAssembly.Module can be posted to workers) */
  module: WebAssembly.Module
  /** the transaction body bytes; the 8 bytes at `saltOffset` are overwritten with each salt */
  body: Uint8Array
  saltOffset: number
  /** this worker's first salt */
  first: bigint
  /** from the start of one of this worker's batches to the next: workers x batch */
  stride: bigint
  /** salts per batch, reported together (1 .. 2^31 - 1) */
  batch: number
  /** leading zero bits wanted, 0..64 */
  bits: number
}

/** What a worker posts back. */
export type SearchReport =
  | { type: 'progress'; attempts: number }
  | { type: 'found'; salt: bigint; attempts: number }
  | { type: 'error'; message: string }

/** The WASM module's exports (see blake2b.wat.ts). */
interface Blake2bExports {
  memory: WebAssembly.Memory
  body: WebAssembly.Global
  digest(len: number): void
  search(len: number, saltOffset: number, start: bigint, count: number, bits: number): number
}

/** One instance of the WASM module, holding one message (the body) in its memory. */
export interface Searcher {
  /** The longest message the instance holds. */
  readonly maxLength: number
  /** Copies `message` into the instance's memory. */
  load(message: Uint8Array): void
  /** BLAKE2b-256 of the loaded message. */
  digest(): Uint8Array
  /**
   * Tries `count` salts from `start` (written big-endian at `saltOffset` of the loaded message) and
   * returns the index of the first whose digest has `bits` leading zero bits, or -1.
   */
  search(saltOffset: number, start: bigint, count: number, bits: number): number
}

export function createSearcher(module: WebAssembly.Module): Searcher {
  const wasm = new WebAssembly.Instance(module, {}).exports as unknown as Blake2bExports
  const base = wasm.body.value as number
  // The last block is zero-padded in place: room for one more block after the message.
  const maxLength = wasm.memory.buffer.byteLength - base - 128
  let length = 0
  return {
    maxLength,
    load(message) {
      if (message.length > maxLength) throw new RangeError(`message of ${message.length} bytes; at most ${maxLength}`)
      new Uint8Array(wasm.memory.buffer, base, message.length).set(message)
      length = message.length
    },
    digest() {
      wasm.digest(length)
      return new Uint8Array(wasm.memory.buffer, 0, 32).slice()
    },
    search(saltOffset, start, count, bits) {
      if (saltOffset < 0 || saltOffset + 8 > length) throw new RangeError(`salt at ${saltOffset} outside a message of ${length} bytes`)
      return wasm.search(length, saltOffset, start, count, bits)
    },
  }
}

/** Runs `job` until a salt is found, reporting each batch; without a find it never returns. */
export function runJob(job: SearchJob, report: (message: SearchReport) => void): void {
  const searcher = createSearcher(job.module)
  searcher.load(job.body)
  for (let first = job.first; ; first = BigInt.asIntN(64, first + job.stride)) {
    const index = searcher.search(job.saltOffset, first, job.batch, job.bits)
    if (index >= 0) {
      report({ type: 'found', salt: BigInt.asIntN(64, first + BigInt(index)), attempts: index + 1 })
      return
    }
    report({ type: 'progress', attempts: job.batch })
  }
}

/** The part of a worker's global scope (or of Node's `parentPort`) that `serve` uses. */
export interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: SearchReport): void
}

/** Makes the worker run the job it is sent. The parent stops it by terminating it. */
export function serve(scope: WorkerScope): void {
  scope.addEventListener('message', (event) => {
    try {
      runJob(event.data as SearchJob, (message) => scope.postMessage(message))
    } catch (error) {
      scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  })
}
