// The miner in a browser page (Web Workers), built by bench/pow.bench.ts: `window.powRate(tx, workers)`.
import { mine } from '../../packages/affiliate/src/pow/index.ts'
import type { InvokeScriptTx } from '../../packages/affiliate/src/pow/index.ts'
import { steadyRate } from '../pow-rate.ts'

declare global {
  interface Window {
    powRate(tx: InvokeScriptTx, workers: number): Promise<number>
    cores: number
  }
}

window.powRate = (tx, workers) => steadyRate(mine, tx, workers)
window.cores = navigator.hardwareConcurrency
