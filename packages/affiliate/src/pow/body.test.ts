import { invokeScript, makeTxBytes } from '@waves/waves-transactions'
import { describe, expect, test } from 'vitest'
import { leadingZeroBits, prepareBody, withSaltAndId } from './body.ts'
import { referrer, registerParams, registerTx } from './test-fixtures.ts'

const bytesOf = (tx: ReturnType<typeof registerTx>) => makeTxBytes(tx as Parameters<typeof makeTxBytes>[0])

describe('prepareBody', () => {
  test('finds the salt of register(referrer, salt): the last 8 bytes of a 148-byte body', () => {
    const tx = registerTx(258)
    const { body, saltOffset, start } = prepareBody(tx, 1)
    expect({ length: body.length, saltOffset, start }).toEqual({ length: 148, saltOffset: 140, start: 258n })
    expect(body).toEqual(bytesOf(tx))
    expect(Buffer.from(body.subarray(140)).toString('hex')).toBe('0000000000000102')
  })

  test('finds the salt before a payment and a long argument, and as the first argument', () => {
    const tx = invokeScript({
      ...registerParams(),
      call: {
        function: 'registerWithNote',
        args: [
          { type: 'integer', value: '-9223372036854775808' },
          { type: 'string', value: referrer },
          { type: 'string', value: 'x'.repeat(300) },
        ],
      },
      payment: [{ assetId: null, amount: 1 }],
    })
    const { body, saltOffset, start } = prepareBody(tx, 0)
    expect({ length: body.length, saltOffset, start }).toEqual({ length: 467, saltOffset: 110, start: -(2n ** 63n) })
    expect(body).toEqual(bytesOf(tx))
  })
})

describe('withSaltAndId', () => {
  test('gives the id that invokeScript gives for the same salt, as a number or beyond 2^53 as a string', () => {
    for (const salt of [0n, -1n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 63n - 1n, -(2n ** 63n)]) {
      const value = salt >= -(2n ** 53n - 1n) && salt <= 2n ** 53n - 1n ? Number(salt) : salt.toString()
      const { tx } = withSaltAndId(registerTx(), 1, salt)
      expect(tx.call?.args[1]).toEqual({ type: 'integer', value })
      expect(tx.id).toBe(invokeScript(registerParams(value)).id)
    }
  })
})

test('leadingZeroBits counts from the most significant bit of byte 0', () => {
  expect(leadingZeroBits(Uint8Array.of(0x80, 0))).toBe(0)
  expect(leadingZeroBits(Uint8Array.of(0x01, 0xff))).toBe(7)
  expect(leadingZeroBits(Uint8Array.of(0, 0x40))).toBe(9)
  expect(leadingZeroBits(Uint8Array.of(0, 0, 0))).toBe(24)
  expect(leadingZeroBits(new Uint8Array(0))).toBe(0)
})
