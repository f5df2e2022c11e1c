import { MessageChannel } from 'node:worker_threads'
import { libs } from '@waves/waves-transactions'
import { describe, expect, test } from 'vitest'
import { leadingZeroBits, writeSalt } from './body.ts'
import { compiledModule } from './mine.ts'
import { createSearcher, runJob, type SearchReport, serve, type WorkerScope } from './search.ts'

// ts-lib-crypto's blake2b, as @waves/waves-transactions uses it to compute ids.
const blake2b = (bytes: Uint8Array) => libs.crypto.blake2b(bytes)
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

/** mulberry32: fixed-seed pseudo-random numbers, so every run tests the same inputs. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

function bytes(length: number, next: () => number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(next() * 256))
}

/** The index of the first salt from `start` whose digest has `bits` leading zero bits, hashing in JS. */
function referenceSearch(message: Uint8Array, saltOffset: number, start: bigint, bits: number): number {
  const copy = message.slice()
  for (let i = 0; ; i++) {
    writeSalt(copy, saltOffset, BigInt.asIntN(64, start + BigInt(i)))
    if (leadingZeroBits(blake2b(copy)) >= bits) return i
  }
}

describe('WASM BLAKE2b-256', () => {
  test('matches the RFC 7693 style known answers', async () => {
    const searcher = createSearcher(await compiledModule())
    searcher.load(new Uint8Array(0))
    expect(hex(searcher.digest())).toBe('0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8')
    searcher.load(new TextEncoder().encode('abc'))
    expect(hex(searcher.digest())).toBe('bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319')
  })

  test.each([0, 1, 127, 128, 129, 255, 256, 1000])('equals ts-lib-crypto on %i bytes', async (length) => {
    const searcher = createSearcher(await compiledModule())
    const message = bytes(length, random(length + 1))
    searcher.load(message)
    expect(hex(searcher.digest())).toBe(hex(blake2b(message)))
  })

  test('equals ts-lib-crypto on 40 random messages, longer then shorter in one instance', async () => {
    // One instance for all: a shorter message after a longer one must not hash the longer one's tail.
    const searcher = createSearcher(await compiledModule())
    const next = random(2024)
    for (let i = 0; i < 40; i++) {
      const message = bytes(Math.floor(next() * 3000), next)
      searcher.load(message)
      expect(hex(searcher.digest()), `length ${message.length}`).toBe(hex(blake2b(message)))
    }
  })

  test('refuses a message longer than its memory holds', async () => {
    const searcher = createSearcher(await compiledModule())
    expect(searcher.maxLength).toBe(65536 - 256 - 128)
    expect(() => searcher.load(new Uint8Array(65153))).toThrow('message of 65153 bytes; at most 65152')
  })
})

describe('WASM search', () => {
  // [message length, salt offset]: the salt in the last block (as in a register transaction: 148, 140),
  // in the first of three blocks, across two blocks, at the end of a message that fills its last block,
  // and a message that is nothing but the salt.
  const layouts = [[148, 140], [300, 10], [300, 124], [256, 248], [8, 0]] as const

  test.each(layouts)('finds the same salts as hashing in JS (length %i, salt at %i)', async (length, saltOffset) => {
    const searcher = createSearcher(await compiledModule())
    const message = bytes(length, random(length * 1000 + saltOffset))
    searcher.load(message)
    for (const bits of [0, 1, 8, 12]) {
      for (const start of [0n, -3n, 2n ** 63n - 2n]) {
        const expected = referenceSearch(message, saltOffset, start, bits)
        expect(searcher.search(saltOffset, start, 1 << 20, bits), `bits ${bits} from ${start}`).toBe(expected)
      }
    }
  })

  test('tries exactly `count` salts', async () => {
    const searcher = createSearcher(await compiledModule())
    const message = bytes(148, random(7))
    searcher.load(message)
    const index = referenceSearch(message, 140, 0n, 12)
    expect(index).toBe(4537)
    expect(searcher.search(140, 0n, index, 12)).toBe(-1)
    expect(searcher.search(140, 0n, index + 1, 12)).toBe(index)
    expect(searcher.search(140, 0n, 0, 0)).toBe(-1)
    expect(searcher.search(140, 0n, 1000, 64)).toBe(-1)
  })

  test('leaves the digest of the message unchanged except for the salt bytes', async () => {
    const searcher = createSearcher(await compiledModule())
    const message = bytes(148, random(8))
    searcher.load(message)
    const index = searcher.search(140, 100n, 1 << 20, 8)
    const expected = message.slice()
    writeSalt(expected, 140, 100n + BigInt(index))
    expect(hex(searcher.digest())).toBe(hex(blake2b(expected)))
    expect(leadingZeroBits(searcher.digest())).toBeGreaterThanOrEqual(8)
  })

  test('refuses a salt outside the message', async () => {
    const searcher = createSearcher(await compiledModule())
    searcher.load(new Uint8Array(148))
    expect(() => searcher.search(141, 0n, 1, 1)).toThrow('salt at 141 outside a message of 148 bytes')
  })
})

describe('runJob and serve', () => {
  test('a worker reports each batch, then the first find among its own salts', async () => {
    const module = await compiledModule()
    const body = bytes(148, random(9))
    // This worker takes salts 16..31, 48..63, ... (the second of two workers, batches of 16).
    let expectedAttempts = 0
    let expectedSalt = -1n
    for (let salt = 16n; expectedSalt < 0n; salt += salt % 32n === 31n ? 17n : 1n) {
      expectedAttempts++
      const copy = body.slice()
      writeSalt(copy, 140, salt)
      if (leadingZeroBits(blake2b(copy)) >= 10) expectedSalt = salt
    }
    const reports: SearchReport[] = []
    runJob({ module, body, saltOffset: 140, first: 16n, stride: 32n, batch: 16, bits: 10 }, (r) => reports.push(r))
    const batches = Math.floor((expectedAttempts - 1) / 16)
    expect(reports).toEqual([
      ...Array.from({ length: batches }, () => ({ type: 'progress', attempts: 16 })),
      { type: 'found', salt: expectedSalt, attempts: expectedAttempts - batches * 16 },
    ])
    expect(expectedSalt).toBe(1078n)
  })

  test('serve runs the job it is sent and posts errors as messages', async () => {
    const module = await compiledModule()
    const { port1, port2 } = new MessageChannel()
    serve(port1 as unknown as WorkerScope)
    const received = new Promise<unknown[]>((resolve) => {
      const messages: unknown[] = []
      port2.on('message', (m) => {
        messages.push(m)
        if (messages.length === 2) resolve(messages)
      })
    })
    const body = new Uint8Array(148)
    port2.postMessage({ module, body, saltOffset: 140, first: 0n, stride: 1n, batch: 1 << 20, bits: 0 })
    port2.postMessage({ module, body, saltOffset: 141, first: 0n, stride: 1n, batch: 1, bits: 0 })
    expect(await received).toEqual([
      { type: 'found', salt: 0n, attempts: 1 },
      { type: 'error', message: 'salt at 141 outside a message of 148 bytes' },
    ])
    port1.close()
  })
})
