// The steady rate of `mine`, in Node and in a browser page alike (bench/pow-page): bits 64 (no find in
// practice), aborted after 10 progress reports (about 2.5 s); the rate is taken between the 2nd and the
// last report, without the workers' start-up.
import { type MineProgress, type MineParameters, type MineReturnType, PowAbortedError } from '../packages/affiliate/src/pow/index.ts'
import type { InvokeScriptTx } from '../packages/affiliate/src/pow/index.ts'

type Mine = (tx: InvokeScriptTx, parameters: MineParameters) => Promise<MineReturnType>

export async function steadyRate(mine: Mine, tx: InvokeScriptTx, workers: number): Promise<number> {
  const controller = new AbortController()
  const points: { at: number; progress: MineProgress }[] = []
  const mining = mine(tx, {
    saltArg: 1,
    bits: 64,
    workers,
    signal: controller.signal,
    onProgress(progress) {
      points.push({ at: performance.now(), progress })
      if (points.length === 10) controller.abort()
    },
  })
  await mining.catch((error: unknown) => {
    if (!(error instanceof PowAbortedError)) throw error
  })
  const first = points[1]!
  const last = points.at(-1)!
  return ((last.progress.attempts - first.progress.attempts) * 1000) / (last.at - first.at)
}
