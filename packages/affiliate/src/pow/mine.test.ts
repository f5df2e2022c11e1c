import { availableParallelism } from 'node:os'
import { invokeScript, libs, makeTxBytes, transfer } from '@waves/waves-transactions'
import { describe, expect, test } from 'vitest'
import { leadingZeroBits } from './body.ts'
import { InvalidPowInputError, type MineProgress, mine, PowAbortedError } from './index.ts'
import { mineOn } from './mine.ts'
import type { Platform } from './platform.ts'
import { platform as nodePlatform } from './platform.node.ts'
import { registerParams, registerTx, userSeed } from './test-fixtures.ts'

const idBits = (id: string) => leadingZeroBits(libs.crypto.base58Decode(id))

/** The slow, obvious miner: invokeScript for each salt from `start`, as the baseline does. */
function referenceMine(start: bigint, bits: number): { salt: bigint; attempts: number; id: string } {
  for (let attempts = 1; ; attempts++) {
    const salt = BigInt.asIntN(64, start + BigInt(attempts - 1))
    const value = salt >= -(2n ** 53n - 1n) && salt <= 2n ** 53n - 1n ? Number(salt) : salt.toString()
    const { id } = invokeScript(registerParams(value))
    if (idBits(id) >= bits) return { salt, attempts, id }
  }
}

/** The Node platform, recording each worker it starts and whether it was terminated. */
function spyPlatform(base: Platform = nodePlatform) {
  const workers: { terminated: boolean }[] = []
  const platform: Platform = {
    defaultWorkers: () => base.defaultWorkers(),
    spawn(listener) {
      const worker = base.spawn(listener)
      const record = { terminated: false }
      workers.push(record)
      return {
        start: (job) => worker.start(job),
        terminate() {
          record.terminated = true
          worker.terminate()
        },
      }
    },
  }
  return { platform, workers }
}

describe('mine with one worker: deterministic', () => {
  test.each([
    [8, 0, 25n, 26, '134B4JeFGbDsrj2XwvW4BtA4y4V7Ppm1xCX2TKpbBMY3'],
    [16, 0, 99683n, 99684, '11eMKQH5smJoVBUCSQkVADFdfwQTr8PWDugQdQVv9iF'],
    [20, 0, 2820732n, 2820733, '11218nMeVkM8P8pnTzdpWMd7LbwBSYX6aWTfiF3Hx4j'],
  ])('%i bits from salt %i: salt %i after %i attempts, id %s', async (bits, start, salt, attempts, id) => {
    const { platform, workers } = spyPlatform()
    const result = await mineOn(platform, registerTx(start), { saltArg: 1, bits, workers: 1 })
    expect(result.tx.call?.args[1]).toEqual({ type: 'integer', value: Number(salt) })
    expect(result.attempts).toBe(attempts)
    expect(result.tx.id).toBe(id)
    expect(idBits(result.tx.id)).toBeGreaterThanOrEqual(bits)
    expect(workers).toEqual([{ terminated: true }])
  })

  test('finds what the invokeScript-per-attempt miner finds, across the wrap from 2^63 - 1 to -2^63', async () => {
    const start = 2n ** 63n - 5n
    const expected = referenceMine(start, 8)
    expect(expected.salt).toBe(-9223372036854775343n)
    const result = await mine(registerTx(start.toString()), { saltArg: 1, bits: 8, workers: 1 })
    expect(result.tx.call?.args[1]).toEqual({ type: 'integer', value: expected.salt.toString() })
    expect({ attempts: result.attempts, id: result.tx.id }).toEqual({ attempts: expected.attempts, id: expected.id })
  })

  test('bits 0: the salt in the transaction wins, after one attempt, without starting a worker', async () => {
    const { platform, workers } = spyPlatform()
    const result = await mineOn(platform, registerTx(77), { saltArg: 1, bits: 0 })
    expect(result.attempts).toBe(1)
    expect(result.tx).toEqual({ ...registerTx(77), id: invokeScript(registerParams(77)).id })
    expect(workers).toEqual([])
  })
})

describe('the mined transaction is the one waves-transactions builds', () => {
  test('rebuilt with invokeScript from the same fields and salt, and signed, it has the same id', async () => {
    const tx = registerTx()
    const { tx: mined } = await mine(tx, { saltArg: 1, bits: 16, workers: 2 })
    expect(idBits(mined.id)).toBeGreaterThanOrEqual(16)
    const { id: _id, ...withoutId } = mined
    expect(withoutId).toEqual({ ...tx, id: undefined, call: { ...tx.call, args: [tx.call!.args[0], mined.call!.args[1]] } })

    const salt = mined.call!.args[1]!.value as number
    const rebuilt = invokeScript(registerParams(salt))
    expect(rebuilt.id).toBe(mined.id)
    const signed = invokeScript(registerParams(salt), userSeed)
    expect(signed.id).toBe(mined.id)
    const signedMined = invokeScript(mined as Parameters<typeof invokeScript>[0], userSeed)
    expect(signedMined.id).toBe(mined.id)
    const body = makeTxBytes(mined as Parameters<typeof makeTxBytes>[0])
    expect(libs.crypto.verifySignature(mined.senderPublicKey, body, signedMined.proofs[0]!)).toBe(true)
  })
})

describe('progress and abort', () => {
  test('onProgress reports whole batches, 2^bits expected, and an ETA from the rate', async () => {
    const { platform, workers } = spyPlatform()
    const controller = new AbortController()
    const seen: MineProgress[] = []
    const mining = mineOn(platform, registerTx(), {
      saltArg: 1,
      bits: 64,
      workers: 2,
      signal: controller.signal,
      onProgress(progress) {
        seen.push(progress)
        if (seen.length === 3) controller.abort()
      },
    })
    const error = await mining.catch((e: unknown) => e)
    expect(seen).toHaveLength(3)
    expect(error).toBeInstanceOf(PowAbortedError)
    expect((error as Error).message).toBe(`Proof of work aborted after ${seen[2]!.attempts} attempts`)
    for (const [i, p] of seen.entries()) {
      expect(p.attempts % 32768).toBe(0)
      if (i > 0) expect(p.attempts).toBeGreaterThan(seen[i - 1]!.attempts)
      expect(p.expected).toBe(2 ** 64)
      expect(p.rate).toBeGreaterThan(0)
      expect(p.etaMs).toBe(((2 ** 64 - p.attempts) * 1000) / p.rate)
    }
    expect(workers).toEqual([{ terminated: true }, { terminated: true }])
  })

  test('aborting rejects with PowAbortedError counting the attempts so far, and stops every worker', async () => {
    const { platform, workers } = spyPlatform()
    const controller = new AbortController()
    let last: MineProgress | undefined
    const mining = mineOn(platform, registerTx(), {
      saltArg: 1,
      bits: 64,
      workers: 2,
      signal: controller.signal,
      onProgress(progress) {
        last = progress
        controller.abort(new Error('user cancelled'))
      },
    })
    const error = await mining.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PowAbortedError)
    expect((error as PowAbortedError).message).toBe(`Proof of work aborted after ${last!.attempts} attempts`)
    expect((error as PowAbortedError).attempts).toBe(last!.attempts)
    expect((error as PowAbortedError).cause).toEqual(new Error('user cancelled'))
    expect(workers).toEqual([{ terminated: true }, { terminated: true }])
  })

  test('an already aborted signal rejects before any worker starts', async () => {
    const { platform, workers } = spyPlatform()
    const mining = mineOn(platform, registerTx(), { saltArg: 1, bits: 16, signal: AbortSignal.abort() })
    await expect(mining).rejects.toThrow(new PowAbortedError(0))
    await expect(mining).rejects.toThrow('Proof of work aborted after 0 attempts')
    expect(workers).toEqual([])
  })

  test('an abort from a timer stops the search too', async () => {
    const { platform, workers } = spyPlatform()
    const mining = mineOn(platform, registerTx(), { saltArg: 1, bits: 64, workers: 1, signal: AbortSignal.timeout(200) })
    await expect(mining).rejects.toThrow(/^Proof of work aborted after \d+ attempts$/)
    expect(workers).toEqual([{ terminated: true }])
  })

  test('a failing worker rejects the search and the other workers are stopped', async () => {
    let spawned = 0
    const failing: Platform = {
      defaultWorkers: () => 2,
      spawn(listener) {
        const index = spawned++
        const worker = nodePlatform.spawn(listener)
        return {
          start(job) {
            // The second worker is given a salt outside the body.
            worker.start(index === 1 ? { ...job, saltOffset: job.body.length } : job)
          },
          terminate: () => worker.terminate(),
        }
      },
    }
    const { platform, workers } = spyPlatform(failing)
    await expect(mineOn(platform, registerTx(), { saltArg: 1, bits: 64 })).rejects.toThrow(
      'proof-of-work worker failed: salt at 148 outside a message of 148 bytes',
    )
    expect(workers).toEqual([{ terminated: true }, { terminated: true }])
  })

  test('an onProgress that throws rejects the search with its error', async () => {
    const { platform, workers } = spyPlatform()
    const mining = mineOn(platform, registerTx(), {
      saltArg: 1,
      bits: 64,
      workers: 1,
      onProgress() {
        throw new Error('progress bar broke')
      },
    })
    await expect(mining).rejects.toThrow('progress bar broke')
    expect(workers).toEqual([{ terminated: true }])
  })
})

describe('invalid input', () => {
  const tx = registerTx()
  const cases: [string, () => Promise<unknown>, string][] = [
    ['bits below 0', () => mine(tx, { saltArg: 1, bits: -1 }), 'bits must be an integer from 0 to 64, got -1'],
    ['bits above 64', () => mine(tx, { saltArg: 1, bits: 65 }), 'bits must be an integer from 0 to 64, got 65'],
    ['fractional bits', () => mine(tx, { saltArg: 1, bits: 1.5 }), 'bits must be an integer from 0 to 64, got 1.5'],
    ['no workers', () => mine(tx, { saltArg: 1, bits: 8, workers: 0 }), 'workers must be a positive integer, got 0'],
    ['saltArg past the end', () => mine(tx, { saltArg: 2, bits: 8 }), 'saltArg 2 is not an argument index: tx.call has 2 arguments'],
    ['negative saltArg', () => mine(tx, { saltArg: -1, bits: 8 }), 'saltArg -1 is not an argument index: tx.call has 2 arguments'],
    [
      'saltArg at a string',
      () => mine(tx, { saltArg: 0, bits: 8 }),
      'saltArg 0 points to a string argument; the salt must be an integer argument',
    ],
    [
      'a salt that is not an integer',
      () => mine({ ...tx, call: { function: 'register', args: [{ type: 'integer', value: 1.5 }] } }, { saltArg: 0, bits: 8 }),
      'the salt argument\'s value "1.5" is not a 64-bit integer',
    ],
    [
      'a salt beyond 64 bits',
      () => mine(registerTx('9223372036854775808'), { saltArg: 1, bits: 8 }),
      'the salt argument\'s value "9223372036854775808" is not a 64-bit integer',
    ],
    [
      'a transfer',
      () => mine(transfer({ recipient: registerParams().dApp, amount: 1, senderPublicKey: tx.senderPublicKey }) as never, { saltArg: 0, bits: 8 }),
      'tx is not an invoke-script transaction: type 4, expected 16',
    ],
    [
      'an invoke of version 1',
      () => mine(invokeScript({ ...registerParams(), version: 1 }), { saltArg: 1, bits: 8 }),
      'tx is an invoke-script transaction of version 1; only version 2 (protobuf body) is supported',
    ],
    [
      'a signed invoke',
      () => mine(invokeScript(registerParams(), userSeed), { saltArg: 1, bits: 8 }),
      'tx is already signed: mine the unsigned transaction, then sign it (a new salt changes the id and voids the proofs)',
    ],
    [
      'an invoke without a call',
      () => mine({ ...tx, call: null } as never, { saltArg: 0, bits: 8 }),
      'saltArg 0 is not an argument index: tx.call has 0 arguments',
    ],
  ]
  test.each(cases)('%s', async (_, run, message) => {
    const error = await run().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidPowInputError)
    expect((error as Error).message).toBe(message)
  })
})

test('Node uses as many workers as os.availableParallelism() by default', () => {
  expect(nodePlatform.defaultWorkers()).toBe(availableParallelism())
})
