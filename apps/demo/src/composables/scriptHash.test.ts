import { expect, test } from 'vitest'
import { scriptHash } from './scriptHash.ts'

const BYTES = Uint8Array.from({ length: 32 }, (_, i) => i * 8)

test('a script hash pasted as hex or base64 (with or without the node prefix); anything else is refused', () => {
  expect(scriptHash('0008101820283038404850586068707880889098a0a8b0b8c0c8d0d8e0e8f0f8')).toEqual(BYTES)
  expect(scriptHash(' AAgQGCAoMDhASFBYYGhweICIkJigqLC4wMjQ2ODo8Pg= ')).toEqual(BYTES)
  expect(scriptHash('base64:AAgQGCAoMDhASFBYYGhweICIkJigqLC4wMjQ2ODo8Pg=')).toEqual(BYTES)
  expect(
    ['', '0008', '0008101820283038404850586068707880889098a0a8b0b8c0c8d0d8e0e8f0fz', 'AAgQGCAoMDhASFBYYGhweICIkJigqLC4wMjQ2ODo8Pg', 'AAgQ=='].map(scriptHash),
  ).toEqual([null, null, null, null, null])
})
