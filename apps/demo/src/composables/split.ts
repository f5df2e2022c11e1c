// The split of one payment as the contract makes it (ride/README.md, "fund"): level k gets
// `fraction(amount, rate_k, 1000)` (rounded down), the payer's cashback the same with the cashback rate,
// and the change (the rest, rounding included) goes to the root. A level without a referrer adds its
// share to the change. All in bigint: the preview is what the chain will credit, unit for unit.

export interface Rates {
  /** per mille */
  l1: number
  l2: number
  l3: number
  cashback: number
}

export interface Split {
  l1: bigint
  l2: bigint
  l3: bigint
  cashback: bigint
  change: bigint
}

/** `levels`: how many referrers above the payer (0 to 3; the root is not one of them). */
export function splitOf(amount: bigint, rates: Rates, levels = 3): Split {
  const part = (perMille: number) => (amount * BigInt(perMille)) / 1000n
  const l1 = levels >= 1 ? part(rates.l1) : 0n
  const l2 = levels >= 2 ? part(rates.l2) : 0n
  const l3 = levels >= 3 ? part(rates.l3) : 0n
  const cashback = part(rates.cashback)
  return { l1, l2, l3, cashback, change: amount - l1 - l2 - l3 - cashback }
}

/** What a rates change is refused for, or null: each rate 0..1000 per mille, their sum at most 1000. */
export function ratesProblem(rates: Rates): 'rate' | 'sum' | null {
  const all = [rates.l1, rates.l2, rates.l3, rates.cashback]
  if (all.some((r) => !Number.isInteger(r) || r < 0 || r > 1000)) return 'rate'
  if (all.reduce((a, b) => a + b, 0) > 1000) return 'sum'
  return null
}

/**
 * Expected time to find a proof of work of `bits` leading zero bits at `perSecond` attempts per second:
 * 2^bits attempts on average (each attempt succeeds with probability 2^-bits), in ms.
 */
export function expectedPowMs(bits: number, perSecond: number): number {
  return (2 ** bits / perSecond) * 1000
}

/**
 * Attempts per second of the library's WASM miner in a phone's browser: the desktop figure measured in
 * Chromium's worker (~8.9 M/s on one core, root README) divided by 4 for a mid-range phone core, times 2
 * cores used. An estimate for choosing `pow_bits`, not a promise.
 */
export const PHONE_ATTEMPTS_PER_SECOND = 4_450_000
