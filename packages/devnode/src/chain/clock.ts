// Time for the dev node: the wall clock by default, or an injected source; `setTime` moves it.
// Nothing else in the dev node reads Date.now().

export class DevClock {
  private offset = 0

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.offset
  }

  /** From now on the clock reads `ms`, and runs on from there as its source does. */
  setTime(ms: number): void {
    this.offset = ms - this.source()
  }
}
