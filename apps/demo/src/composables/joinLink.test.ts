import { expect, test } from 'vitest'
import { canonicalJoinPath, cleanReferrer } from './joinLink.ts'

const A = '3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF'

test('a referrer keeps its address and loses the punctuation and spaces a message put around it', () => {
  expect([A, `${A}.`, ` ${A} `, `(${A}).`, `«${A}»,`, `${A}!?`, `"${A}"`, `${A}…`, `\t${A}\n`].map(cleanReferrer)).toEqual(Array(9).fill(A))
  expect(cleanReferrer('not-an-address.')).toBe('not-an-address')
})

test('the clean join path, or null when there is nothing to fix', () => {
  expect(canonicalJoinPath(`/join/${A}.`)).toBe(`/join/${A}`)
  expect(canonicalJoinPath(`/join/ ${A} `)).toBe(`/join/${A}`)
  expect(canonicalJoinPath(`/join/${A}/`)).toBe(`/join/${A}`)
  expect(canonicalJoinPath(`/app/join/${A}),`, '/app/')).toBe(`/app/join/${A}`)
  expect([canonicalJoinPath(`/join/${A}`), canonicalJoinPath('/join/...'), canonicalJoinPath(`/login.`), canonicalJoinPath(`/join/a/b.`)]).toEqual([null, null, null, null])
})
