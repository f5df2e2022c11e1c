// `mine`: splits the salt search over workers, gathers their progress, stops them on a find, an abort or
// a failure, and checks the result against @waves/waves-transactions before returning it.
import { type InvokeScriptTx, leadingZeroBits, prepareBody, withSaltAndId } from './body.ts'
import { InvalidPowInputError, PowAbortedError } from './errors.ts'
import { WASM_BASE64 } from './generated.ts'
import { loadPlatform, type MinerWorker, type Platform, type WorkerListener } from './platform.ts'

export interface MineParameters {
  /** index in `tx.call.args` of the integer argument that is the salt; the search starts at its value */
  saltArg: number
  /** leading zero bits the id must have, 0..64 (the contract's `pow_bits`, 16 by default) */
  bits: number
  /** parallel workers; by default one per logical core */
  workers?: number
  /** aborting stops every worker and rejects with `PowAbortedError` */
  signal?: AbortSignal
  /** called a few times per second while the search runs */
  onProgress?: (progress: MineProgress) => void
}

export interface MineProgress {
  /** hashes tried so far, by all workers */
  attempts: number
  /** attempts per second since the start */
  rate: number
  /** attempts a search needs on average: 2^bits */
  expected: number
  /**
   * milliseconds until `expected` attempts at the current rate (0 once past it). The search is memoryless:
   * this is a progress bar's estimate, not a promise; a search may take several times `expected`.
   */
  etaMs: number
}

export interface MineReturnType {
  /** a copy of the transaction with the found salt and `id` set to the new body's id (unsigned) */
  tx: InvokeScriptTx
  /** hashes tried, by all workers (with several workers, give or take the batches in flight) */
  attempts: number
  /** milliseconds from the call to the result */
  ms: number
}

/** Salts a worker tries per call into WASM and reports together (a few milliseconds of work). */
const BATCH = 1 << 15
/** Least milliseconds between two `onProgress` calls. */
const PROGRESS_MS = 250

/**
 * Finds a salt that gives the invoke transaction an id with at least `bits` leading zero bits.
 *
 * Builds the body bytes once, then workers (worker_threads in Node, Web Workers in browsers) hash it
 * with BLAKE2b-256 in WebAssembly, changing only the salt's 8 bytes. With one worker the search is
 * deterministic: it tries the salt in `tx` first, then counts up. With several, workers take interleaved
 * batches and the first to find wins.
 *
 * @example
 * const tx = invokeScript({ dApp, call: { function: 'register', args: [
 *   { type: 'string', value: referrer }, { type: 'integer', value: 0 } ] }, senderPublicKey, chainId })
 * const { tx: mined } = await mine(tx, { saltArg: 1, bits: 16, signal, onProgress })
 * // sign `mined` without changing it (any change of timestamp or fee changes the id)
 */
export async function mine(tx: InvokeScriptTx, parameters: MineParameters): Promise<MineReturnType> {
  return mineOn(await loadPlatform(), tx, parameters)
}

/** `mine` with the platform (and, for tests, the batch size) given. */
export async function mineOn(
  platform: Platform,
  tx: InvokeScriptTx,
  parameters: MineParameters,
  batch: number = BATCH,
): Promise<MineReturnType> {
  const startedAt = performance.now()
  const { saltArg, bits, signal, onProgress } = parameters
  if (!Number.isInteger(bits) || bits < 0 || bits > 64) {
    throw new InvalidPowInputError(`bits must be an integer from 0 to 64, got ${String(bits)}`)
  }
  const workers = parameters.workers ?? platform.defaultWorkers()
  if (!Number.isInteger(workers) || workers < 1) {
    throw new InvalidPowInputError(`workers must be a positive integer, got ${String(workers)}`)
  }
  const { body, saltOffset, start } = prepareBody(tx, saltArg)
  if (signal?.aborted) throw new PowAbortedError(0, { cause: signal.reason })

  let found: { salt: bigint; attempts: number }
  if (bits === 0) {
    found = { salt: start, attempts: 1 } // every id has at least 0 leading zero bits
  } else {
    const module = await compiledModule()
    if (signal?.aborted) throw new PowAbortedError(0, { cause: signal.reason })
    found = await new Promise((resolve, reject) => {
      const expected = 2 ** bits
      const pool: MinerWorker[] = []
      let attempts = 0
      let reportedAt = startedAt
      let settled = false
      const settle = (then: () => void) => {
        if (settled) return
        settled = true
        for (const worker of pool) worker.terminate()
        signal?.removeEventListener('abort', onAbort)
        then()
      }
      const onAbort = () => settle(() => reject(new PowAbortedError(attempts, { cause: signal?.reason })))
      const progress = () => {
        const now = performance.now()
        if (onProgress === undefined || now - reportedAt < PROGRESS_MS) return
        reportedAt = now
        const rate = (attempts * 1000) / (now - startedAt)
        try {
          onProgress({ attempts, rate, expected, etaMs: (Math.max(0, expected - attempts) * 1000) / rate })
        } catch (error) {
          settle(() => reject(error))
        }
      }
      const listener: WorkerListener = {
        report(message) {
          if (settled) return
          if (message.type === 'progress') {
            attempts += message.attempts
            progress()
          } else if (message.type === 'found') {
            attempts += message.attempts
            settle(() => resolve({ salt: message.salt, attempts }))
          } else {
            settle(() => reject(new Error(`proof-of-work worker failed: ${message.message}`)))
          }
        },
        fail: (error) => settle(() => reject(error)),
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      try {
        for (let k = 0; k < workers && !settled; k++) {
          const worker = platform.spawn(listener)
          pool.push(worker)
          const first = BigInt.asIntN(64, start + BigInt(k) * BigInt(batch))
          worker.start({ module, body, saltOffset, first, stride: BigInt(workers) * BigInt(batch), batch, bits })
        }
      } catch (error) {
        settle(() => reject(error))
      }
    })
  }

  const { tx: mined, hash } = withSaltAndId(tx, saltArg, found.salt)
  if (leadingZeroBits(hash) < bits) {
    throw new Error(`internal error: salt ${found.salt} gives id ${mined.id}, which has fewer than ${bits} leading zero bits`)
  }
  return { tx: mined, attempts: found.attempts, ms: performance.now() - startedAt }
}

let compiled: Promise<WebAssembly.Module> | undefined

/** The WASM module, compiled once per thread and posted to each worker. */
export function compiledModule(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compile(Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0)))
  return compiled
}
