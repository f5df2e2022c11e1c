// `matches` as java.util.regex reads it, whole key (CommonAccountsApi.dataStream: matcher(key).matches()). Expected
// results follow the java.util.regex.Pattern documentation; the REST texts are AddressApiRoute.getData's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'
import { JavaRegexError, javaRegex } from './java-regex.ts'

const matches = (pattern: string, key: string) => javaRegex(pattern).test(key)

describe('java.util.regex constructs', () => {
  it('inline flags: global, scoped and switched off; (?i) folds ASCII only, as Java without (?u)', () => {
    expect(matches('(?i)fund_.*', 'FUND_x')).toBe(true)
    expect(matches('(?i)fund_.*', 'xfund_')).toBe(false)
    expect(matches('(?i:ab)c', 'ABc')).toBe(true)
    expect(matches('(?i:ab)c', 'ABC')).toBe(false)
    expect(matches('a(?i)b(?-i)c', 'aBc')).toBe(true)
    expect(matches('a(?i)b(?-i)c', 'aBC')).toBe(false)
    expect(matches('(?i)[a-c]+', 'AbC')).toBe(true)
    expect(matches('(?i)é', 'É')).toBe(false)
    expect(matches('(?s)a.b', 'a\nb')).toBe(true)
    expect(matches('(?x) a b # a comment', 'ab')).toBe(true)
  })

  it('\\Q...\\E quotes metacharacters', () => {
    expect(matches('\\Qfund_y\\E', 'fund_y')).toBe(true)
    expect(matches('\\Qa.b\\E', 'axb')).toBe(false)
    expect(matches('\\Qa.b\\E', 'a.b')).toBe(true)
    expect(matches('x\\Q(*)', 'x(*)')).toBe(true)
  })

  it('possessive quantifiers and atomic groups do not give back', () => {
    expect(matches('a*a', 'aaa')).toBe(true)
    expect(matches('a*+a', 'aaa')).toBe(false)
    expect(matches('(?>a*)a', 'aaa')).toBe(false)
    expect(matches('a{1,3}+b', 'aab')).toBe(true)
    expect(matches('"[^"]*+"', '"quoted"')).toBe(true)
  })

  it('keeps backreferences to their groups when atomic groups are added', () => {
    expect(matches('(a)*+b\\1', 'aaba')).toBe(true)
    expect(matches('(?>(a))\\1', 'aa')).toBe(true)
    expect(matches('(a)(?>b)(c)\\2', 'abcc')).toBe(true)
    expect(matches('(a)(?>b)(c)\\2', 'abca')).toBe(false)
    expect(matches('(?<first>a)b\\k<first>', 'aba')).toBe(true)
  })

  it('character classes: union, intersection, subtraction by intersection', () => {
    expect(matches('[a-z&&[^aeiou]]+', 'bcd')).toBe(true)
    expect(matches('[a-z&&[^aeiou]]+', 'bad')).toBe(false)
    expect(matches('[a-d[m-p]]+', 'amp')).toBe(true)
    expect(matches('[a-d[m-p]]', 'e')).toBe(false)
    expect(matches('[\\w&&[^_]]+', 'ab_')).toBe(false)
    expect(matches('[]a]+', ']a')).toBe(true)
  })

  it("Java's classes: ASCII \\d \\w \\s, POSIX and Unicode properties, `.` without \\u0085", () => {
    expect(matches('\\s', '\u00a0')).toBe(false)
    expect(matches('\\w+', 'ab_9')).toBe(true)
    expect(matches('\\d', '٣')).toBe(false)
    expect(matches('\\p{Lower}+', 'abc')).toBe(true)
    expect(matches('\\p{Punct}', '!')).toBe(true)
    expect(matches('\\p{L}+', 'žluť')).toBe(true)
    expect(matches('\\p{IsLatin}+', 'abc')).toBe(true)
    expect(matches('\\P{Digit}+', 'ab')).toBe(true)
    expect(matches('a.b', 'a\u0085b')).toBe(false)
    expect(matches('\\x{1F600}|\\u0041|\\x42|\\0101|\\t', 'A')).toBe(true)
  })

  it('anchors: $ before a final line terminator still leaves it unmatched, \\A and \\z', () => {
    expect(matches('abc$', 'abc\n')).toBe(false)
    expect(matches('abc$\\n', 'abc\n')).toBe(true)
    expect(matches('\\Aab\\z', 'ab')).toBe(true)
    expect(matches('a\\Rb', 'a\r\nb')).toBe(true)
  })

  it('refuses what Pattern.compile refuses', () => {
    for (const bad of ['(', 'a)', '[a', '*a', 'a{2,1}', '\\y', '\\k<missing>', '(?<1a>x)', '[z-a]', '\\p{NoSuchThing}', '(?c)a']) {
      expect(() => javaRegex(bad), bad).toThrow(JavaRegexError)
    }
  })
})

describe('/addresses/data with matches and keys (AddressApiRoute.getData, CustomDirectives.anyParam)', () => {
  let node: Devnode
  let api: ReturnType<typeof client>
  const owner = seed('regex owner')
  const address = addressOf(owner)

  beforeAll(async () => {
    node = await createDevnode()
    api = client(node.url)
    await api.broadcast(wt.transfer({ recipient: address, amount: 1_00000000, chainId: 'R' }, RICH_SEED))
    const data = [
      { key: 'fund_x', type: 'integer' as const, value: 1 },
      { key: 'FUND_y', type: 'integer' as const, value: 2 },
      { key: 'other', type: 'string' as const, value: 'z' },
    ]
    expect((await api.broadcast(wt.data({ data, chainId: 'R' }, owner))).status).toBe(200)
  })

  afterAll(() => node.close())

  const keysOf = (body: { key: string }[]) => body.map((e) => e.key)

  it('GET and POST take matches as Java reads it, from the query or a form field', async () => {
    expect(keysOf((await api.get(`/addresses/data/${address}?matches=${encodeURIComponent('(?i)fund_.*')}`)).body)).toEqual(['FUND_y', 'fund_x'])
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    expect(keysOf((await api.post(`/addresses/data/${address}`, `matches=${encodeURIComponent('\\Qfund_x\\E')}`, form)).body)).toEqual(['fund_x'])
    expect(keysOf((await api.post(`/addresses/data/${address}?matches=other`, { keys: ['fund_x'] })).body)).toEqual(['other'])
  })

  it('answers a pattern that does not compile with the node text', async () => {
    expect(await api.get(`/addresses/data/${address}?matches=${encodeURIComponent('(')}`)).toMatchObject({
      status: 400,
      body: { error: 199, message: 'Cannot compile regex' },
    })
  })

  it('reads keys from JSON, and matches never from JSON', async () => {
    expect((await api.post(`/addresses/data/${address}`, { keys: ['other', 'nope'] })).body).toEqual([{ key: 'other', type: 'string', value: 'z' }])
    expect(await api.post(`/addresses/data/${address}`, { matches: 'fund_.*' })).toMatchObject({
      status: 400,
      body: {
        error: 1,
        message: 'json data validation error, see validationErrors for details',
        validationErrors: { obj: [{ msg: ['\'keys\' is undefined on object: {"matches":"fund_.*"}'], args: [] }] },
      },
    })
    expect(await api.post(`/addresses/data/${address}`, { keys: [] })).toMatchObject({ status: 400, body: { error: 4008, message: 'Key was not specified' } })
  })
})
