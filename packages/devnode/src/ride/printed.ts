// Reads the values the RIDE REPL prints (`res1: List[...] = [IntegerEntry(\n\tkey = "k"\n\tvalue = 7\n)]`)
// back into data. The REPL is the official evaluator; this only parses its output format.

export type Printed =
  | { kind: 'int'; value: bigint }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'bytes'; encoding: 'base58' | 'base64' | 'base16'; value: string }
  | { kind: 'unit' }
  | { kind: 'list'; items: Printed[] }
  | { kind: 'struct'; name: string; fields: Record<string, Printed> }

/** The value of the last `resN: Type = value` in a REPL answer. */
export function parseReplResult(output: string): Printed {
  const matches = [...output.matchAll(/(?:^|\n)res\d+: [^\n]*? = /g)]
  const last = matches[matches.length - 1]
  if (!last) throw new Error(`the REPL printed no result: ${output.slice(0, 200)}`)
  return parsePrinted(output.slice(last.index + last[0].length))
}

export function parsePrinted(text: string): Printed {
  const parser = new Parser(text)
  const value = parser.value()
  parser.skipSpace()
  if (!parser.atEnd()) throw parser.fail('unexpected text after the value')
  return value
}

class Parser {
  private pos = 0
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length
  }

  fail(reason: string): Error {
    return new Error(`cannot read the REPL result at ${this.pos}: ${reason}: ${this.text.slice(this.pos, this.pos + 40)}`)
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++
  }

  private expect(char: string): void {
    this.skipSpace()
    if (this.text[this.pos] !== char) throw this.fail(`expected '${char}'`)
    this.pos++
  }

  value(): Printed {
    this.skipSpace()
    const c = this.text[this.pos]
    if (c === undefined) throw this.fail('unexpected end')
    if (c === '[') return this.list()
    if (c === '"') return { kind: 'string', value: this.string() }
    if (c === '-' || (c >= '0' && c <= '9')) return this.int()
    const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.text.slice(this.pos))?.[0]
    if (!word) throw this.fail('expected a value')
    this.pos += word.length
    if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' }
    if (word === 'Unit') return { kind: 'unit' }
    if ((word === 'base58' || word === 'base64' || word === 'base16') && this.text[this.pos] === "'") {
      const end = this.text.indexOf("'", this.pos + 1)
      if (end < 0) throw this.fail('unterminated bytes')
      const value = this.text.slice(this.pos + 1, end)
      this.pos = end + 1
      return { kind: 'bytes', encoding: word, value }
    }
    if (this.text[this.pos] === '(') return this.struct(word)
    throw this.fail(`unknown value '${word}'`)
  }

  private int(): Printed {
    const digits = /^-?\d+/.exec(this.text.slice(this.pos))?.[0]
    if (!digits) throw this.fail('expected a number')
    this.pos += digits.length
    return { kind: 'int', value: BigInt(digits) }
  }

  private list(): Printed {
    this.expect('[')
    const items: Printed[] = []
    this.skipSpace()
    if (this.text[this.pos] === ']') {
      this.pos++
      return { kind: 'list', items }
    }
    for (;;) {
      items.push(this.value())
      this.skipSpace()
      const c = this.text[this.pos++]
      if (c === ']') return { kind: 'list', items }
      if (c !== ',') throw this.fail("expected ',' or ']'")
    }
  }

  private struct(name: string): Printed {
    this.expect('(')
    const fields: Record<string, Printed> = {}
    for (;;) {
      this.skipSpace()
      if (this.text[this.pos] === ')') {
        this.pos++
        return { kind: 'struct', name, fields }
      }
      const field = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos))?.[0]
      if (!field) throw this.fail('expected a field name')
      this.pos += field.length
      this.expect('=')
      fields[field] = this.value()
    }
  }

  private string(): string {
    this.pos++ // opening quote
    let out = ''
    for (;;) {
      const c = this.text[this.pos++]
      if (c === undefined) throw this.fail('unterminated string')
      if (c === '"') return out
      if (c !== '\\') {
        out += c
        continue
      }
      const e = this.text[this.pos++]
      switch (e) {
        case 'n': out += '\n'; break
        case 't': out += '\t'; break
        case 'r': out += '\r'; break
        case 'b': out += '\b'; break
        case 'f': out += '\f'; break
        case 'u': {
          const hex = this.text.slice(this.pos, this.pos + 4)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.fail('bad \\u escape')
          out += String.fromCharCode(parseInt(hex, 16))
          this.pos += 4
          break
        }
        case undefined: throw this.fail('unterminated escape')
        default: out += e
      }
    }
  }
}
