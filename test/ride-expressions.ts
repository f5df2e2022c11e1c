// Generated RIDE expressions over every PureContext family, for the differential test of the engine against the
// official REPL (packages/devnode/src/ride/oracle.test.ts). Each generator yields well-typed source text of one type,
// built from edge values: 0, -1, Long.MIN/MAX, empty and unicode strings (surrogate pairs), empty and large byte
// vectors, nested lists. pow, log and sqrt are left out: the REPL (the Scala.js build) computes them in doubles
// (lang/js Global.calcScaled) where a node uses BigDecimal; their tests carry the node's own values (MathFunctionsTest).
// Used only by tests.
import fc from 'fast-check'

const LONG_MAX = '9223372036854775807'
/** Long.MIN_VALUE has no literal: the parser reads `-` and a too large number */
const LONG_MIN = '(-9223372036854775807 - 1)'

const INT_EDGES = ['0', '1', '-1', '2', '3', '7', '-8', '100', '32767', '32768', '165947', '4294967296', LONG_MAX, LONG_MIN]
const SMALL_INTS = ['0', '1', '-1', '2', '3', '5', '8', '-3']
/** 1,000 and 600 characters: past split's and makeString's V6 input limits */
const LONG_STRING = `"${'a,'.repeat(500)}"`
const LONG_UNICODE = `"${'冬😀'.repeat(200)}"`
const STRING_EDGES = [LONG_STRING, LONG_UNICODE, '""', '"a"', '"abc"', '"冬"', '"x冬x"', '"😀x"', '"x冬x🤦"', '"a,b,,c"', '","', '"  "', '"-12"', '"+7"',
  '"9223372036854775807"', '"9223372036854775808"', '"1.5"', '"٣"', '"a\\"b"', '"AQI="', '"2Ana1pUpv"']
/** 1,024 bytes: concatenated a few times it passes 32,767 */
const LARGE_BYTES = `base64'${Buffer.alloc(1024, 0xa5).toString('base64')}'`
const BYTES_EDGES = [LARGE_BYTES, "base58''", "base58'1'", "base58'2Ana1pUpv2ZbMVkwF5FXapYeBEjdxDatLn7nvJkhgTSXbs59SyZSx866bXirPgj8QQVB57uxHJBG1YFvkRbFj4T'",
  "base16'00ff'", "base16'ffffffffffffffff'", "base16'0000000000000001ff'", "base64'AQI='", "base16'e282ac'", "base16'c3'", "base16'efbbbf61'"]
const ROUNDS = ['DOWN', 'HALFUP', 'HALFEVEN', 'CEILING', 'FLOOR']
const SEPARATORS = ['","', '""', '"冬"', '";"', '"ab"']

type Gen = fc.Arbitrary<string>
const pick = (xs: readonly string[]): Gen => fc.constantFrom(...xs)
const call = (name: string, ...args: Gen[]): Gen => fc.tuple(...args).map((a) => `${name}(${a.join(', ')})`)
const op = (a: Gen, o: string, b: Gen): Gen => fc.tuple(a, b).map(([x, y]) => `(${x} ${o} ${y})`)

/** Generators of each RIDE type, `depth` levels of calls deep at most. */
export interface Generators {
  int: Gen
  bigInt: Gen
  string: Gen
  bytes: Gen
  boolean: Gen
  intList: Gen
  stringList: Gen
  bigIntList: Gen
  optionalInt: Gen
  any: Gen
}

export function generators(depth: number): Generators {
  if (depth <= 0) {
    const int = pick(INT_EDGES)
    const string = pick(STRING_EDGES)
    const bytes = pick(BYTES_EDGES)
    const bigInt = int.map((i) => `toBigInt(${i})`)
    const boolean = pick(['true', 'false'])
    const intList = pick(['[]', '[1]', '[1, 2, 3]', `[${LONG_MAX}, -1, 0]`, '[-5, 5, 0, 2]'])
    const stringList = pick(['[]', '[""]', '["a", "b"]', '["冬", "😀", "x"]'])
    const bigIntList = pick(['[toBigInt(1)]', '[toBigInt(-1), toBigInt(7), toBigInt(2)]'])
    const optionalInt = pick(['unit', '1'].map((x) => `(if (true) then ${x} else 0)`).concat(['parseInt("x")', 'parseInt("5")']))
    return { int, bigInt, string, bytes, boolean, intList, stringList, bigIntList, optionalInt, any: fc.oneof(int, string, bytes, boolean) }
  }
  const g = generators(depth - 1)
  const small = fc.oneof(pick(SMALL_INTS), g.int)
  const round = pick(ROUNDS)

  const int: Gen = fc.oneof(
    { weight: 3, arbitrary: g.int },
    op(g.int, '+', g.int), op(g.int, '-', g.int), op(g.int, '*', g.int), op(g.int, '/', g.int), op(g.int, '%', g.int),
    g.int.map((x) => `-(${x})`),
    call('fraction', g.int, g.int, g.int),
    call('fraction', g.int, g.int, g.int, round),
    call('size', g.string), call('size', g.bytes), call('size', g.intList), call('size', g.stringList),
    call('toInt', g.bytes), call('toInt', g.bytes, small),
    call('parseIntValue', g.string),
    fc.tuple(g.intList, small).map(([l, i]) => `${l}[${i}]`),
    call('median', g.intList), call('max', g.intList), call('min', g.intList),
    call('toInt', g.bigInt),
    fc.tuple(g.optionalInt, g.int).map(([o, i]) => `valueOrElse(${o}, ${i})`),
    fc.tuple(g.optionalInt).map(([o]) => `value(${o})`),
    fc.tuple(g.optionalInt, g.string).map(([o, m]) => `valueOrErrorMessage(${o}, ${m})`),
    fc.tuple(g.int, g.string, g.boolean).map(([a, b, c]) => `size((${a}, ${b}, ${c}))`),
    fc.tuple(g.int, g.string).map(([a, b]) => `(${a}, ${b})._1`),
    fc.tuple(g.optionalInt).map(([o]) => `match ${o} { case i: Int => i case _ => -1 }`),
    fc.tuple(g.boolean, g.int, g.int).map(([c, a, b]) => `(if (${c}) then ${a} else ${b})`),
  )
  const bigInt: Gen = fc.oneof(
    { weight: 2, arbitrary: g.bigInt },
    op(g.bigInt, '+', g.bigInt), op(g.bigInt, '-', g.bigInt), op(g.bigInt, '*', g.bigInt), op(g.bigInt, '/', g.bigInt), op(g.bigInt, '%', g.bigInt),
    g.bigInt.map((x) => `-(${x})`),
    call('fraction', g.bigInt, g.bigInt, g.bigInt),
    call('fraction', g.bigInt, g.bigInt, g.bigInt, round),
    call('toBigInt', g.int), call('toBigInt', g.bytes), call('toBigInt', g.bytes, small, small),
    call('parseBigIntValue', g.string), call('parseBigIntValue', pick(['"' + '9'.repeat(154) + '"', '"-' + '9'.repeat(155) + '"', `"${(1n << 511n) - 1n}"`])),
    call('max', g.bigIntList), call('min', g.bigIntList), call('median', g.bigIntList),
  )
  const string: Gen = fc.oneof(
    { weight: 3, arbitrary: g.string },
    op(g.string, '+', g.string),
    call('take', g.string, small), call('drop', g.string, small), call('takeRight', g.string, small), call('dropRight', g.string, small),
    call('toString', g.int), call('toString', g.boolean), call('toString', g.bigInt),
    call('makeString', g.stringList, pick(SEPARATORS)), call('makeString_2C', g.stringList, pick(SEPARATORS)),
    call('makeString_11C', g.stringList, pick(SEPARATORS)),
    fc.tuple(g.int, g.string).map(([a, b]) => `(${a}, ${b})._2`),
    call('toUtf8String', g.bytes),
    call('toBase58String', g.bytes), call('toBase64String', g.bytes), call('toBase16String', g.bytes),
    fc.tuple(g.stringList, small).map(([l, i]) => `${l}[${i}]`),
    fc.tuple(g.boolean, g.string, g.string).map(([c, a, b]) => `(if (${c}) then ${a} else ${b})`),
  )
  const bytes: Gen = fc.oneof(
    { weight: 3, arbitrary: g.bytes },
    call('toBytes', g.int), call('toBytes', g.string), call('toBytes', g.boolean), call('toBytes', g.bigInt),
    op(g.bytes, '+', g.bytes),
    call('take', g.bytes, small), call('drop', g.bytes, small), call('takeRight', g.bytes, small), call('dropRight', g.bytes, small),
    call('fromBase58String', g.string), call('fromBase64String', g.string), call('fromBase16String', pick(['"00ff"', '"ABC"', '"0g"', '""'])),
    fc.tuple(g.bytes).map(([b]) => `(${b} + ${b} + ${b} + ${b})`),
  )
  const boolean: Gen = fc.oneof(
    { weight: 2, arbitrary: g.boolean },
    op(g.int, '>', g.int), op(g.int, '>=', g.int), op(g.int, '==', g.int), op(g.string, '==', g.string), op(g.bytes, '!=', g.bytes),
    op(g.bigInt, '>', g.bigInt), op(g.bigInt, '>=', g.bigInt), op(g.intList, '==', g.intList),
    g.boolean.map((b) => `!${b}`), op(g.boolean, '&&', g.boolean), op(g.boolean, '||', g.boolean),
    call('contains', g.string, g.string), call('containsElement', g.intList, g.int),
    call('isDefined', g.optionalInt),
    fc.tuple(g.boolean, g.int, g.string).map(([c, a, b]) => `match (if (${c}) then ${a} else ${b}) { case _: Int => true case _: String => false }`),
    fc.tuple(g.int, g.string).map(([a, b]) => `match (${a}, ${b}) { case _: (Int, String) => true }`),
    fc.tuple(g.boolean, g.intList, g.bytes).map(([c, l, b]) => `match (if (${c}) then ${l} else ${b}) { case _: List[Any] => true case _ => false }`),
    op(g.stringList, '==', g.stringList), fc.tuple(g.intList, g.intList).map(([a, b]) => `([${a}] == [${b}])`),
  )
  const intList: Gen = fc.oneof(
    { weight: 2, arbitrary: g.intList },
    fc.tuple(g.int, g.intList).map(([h, t]) => `cons(${h}, ${t})`),
    fc.tuple(g.intList, g.int).map(([l, x]) => `(${l} :+ ${x})`),
    op(g.intList, '++', g.intList),
    call('removeByIndex', g.intList, small), call('replaceByIndex', g.intList, small, g.int),
    fc.array(g.int, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
  )
  const stringList: Gen = fc.oneof(
    { weight: 2, arbitrary: g.stringList },
    call('split', g.string, pick(SEPARATORS)), call('split_4C', g.string, pick(SEPARATORS)), call('split_51C', g.string, pick(SEPARATORS)),
    fc.array(g.string, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    call('removeByIndex', g.stringList, small),
  )
  const bigIntList: Gen = fc.oneof(g.bigIntList, fc.tuple(g.bigInt, g.bigIntList).map(([h, t]) => `cons(${h}, ${t})`))
  const optionalInt: Gen = fc.oneof(
    g.optionalInt,
    call('indexOf', g.string, g.string), call('indexOf', g.string, g.string, small),
    call('lastIndexOf', g.string, g.string), call('lastIndexOf', g.string, g.string, small),
    call('indexOf', g.intList, g.int), call('lastIndexOf', g.intList, g.int),
    call('parseInt', g.string),
  )
  const any = fc.oneof(int, bigInt, string, bytes, boolean, intList, stringList, optionalInt)
  return { int, bigInt, string, bytes, boolean, intList, stringList, bigIntList, optionalInt, any }
}

/** One expression of any type, up to `depth` calls deep. */
export function expression(depth: number): Gen {
  return generators(depth).any
}
