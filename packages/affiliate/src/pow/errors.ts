// The miner's errors. Matched with `instanceof`; messages are stable (tests assert them whole).

/** `mine` was aborted through its `signal`; every worker has been stopped. */
export class PowAbortedError extends Error {
  override readonly name = 'PowAbortedError'
  /** hashes tried before the abort (whole batches reported by the workers) */
  readonly attempts: number

  constructor(attempts: number, options?: { cause?: unknown }) {
    super(`Proof of work aborted after ${attempts} attempts`, options)
    this.attempts = attempts
  }
}

/** The transaction or the options given to `mine` cannot be mined; the message says why. */
export class InvalidPowInputError extends Error {
  override readonly name = 'InvalidPowInputError'
}
