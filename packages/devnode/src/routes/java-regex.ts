// `matches` of /addresses/data is a java.util.regex pattern that must match the whole key (the node's
// CommonAccountsApi.dataStream: `pattern.matcher(key).matches()`). No maintained npm library reads Java's syntax, so
// this translates it to an equivalent JavaScript RegExp (flag `v`, whose classes have nesting and `&&` as Java's do):
// inline flags (i, s, m, x, u, d; global, scoped, switched off), \Q...\E, possessive quantifiers and atomic groups
// (as a lookahead captured then consumed), class union and intersection, Java's ASCII \d \w \s and its POSIX \p{...}
// classes, \h \v \R, \A \z \Z, Java's `.` and `$`, octal, \x{...} and \cX escapes. Patterns Java refuses, and the few
// constructs JavaScript has no equivalent for (Unicode blocks \p{InX}, canonical equivalence), throw JavaRegexError.

export class JavaRegexError extends Error {}

interface Flags {
  i: boolean
  s: boolean
  m: boolean
  x: boolean
  d: boolean
}

type Token =
  | { t: 'text'; s: string }
  | { t: 'open'; java?: number; syn?: number; name?: string }
  | { t: 'ref'; java?: number; syn?: number }

const LINE_TERMINATORS = '\\n\\r\\u{85}\\u{2028}\\u{2029}'
const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\u{0}-\\u{7f}',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '\\u{21}-\\u{2f}\\u{3a}-\\u{40}\\u{5b}-\\u{60}\\u{7b}-\\u{7e}',
  Graph: '\\u{21}-\\u{7e}',
  Print: '\\u{20}-\\u{7e}',
  Blank: ' \\t',
  Cntrl: '\\u{0}-\\u{1f}\\u{7f}',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\u{b}\\f\\r',
}
const PREDEFINED: Record<string, string> = {
  d: '[0-9]',
  D: '[^0-9]',
  w: '[a-zA-Z0-9_]',
  W: '[^a-zA-Z0-9_]',
  s: '[ \\t\\n\\u{b}\\f\\r]',
  S: '[^ \\t\\n\\u{b}\\f\\r]',
  h: '[ \\t\\u{a0}\\u{1680}\\u{180e}\\u{2000}-\\u{200a}\\u{202f}\\u{205f}\\u{3000}]',
  H: '[^ \\t\\u{a0}\\u{1680}\\u{180e}\\u{2000}-\\u{200a}\\u{202f}\\u{205f}\\u{3000}]',
  v: '[\\n\\u{b}\\f\\r\\u{85}\\u{2028}\\u{2029}]',
  V: '[^\\n\\u{b}\\f\\r\\u{85}\\u{2028}\\u{2029}]',
}

const lit = (cp: number) => `\\u{${cp.toString(16)}}`
const isLetter = (cp: number) => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)

/** A translated pattern that tests whole keys, as Matcher.matches does. */
export function javaRegex(pattern: string): RegExp {
  const source = new Translator(pattern).translate()
  try {
    return new RegExp(`^(?:${source})$`, 'v')
  } catch (e) {
    throw new JavaRegexError(e instanceof Error ? e.message : String(e))
  }
}

class Translator {
  private at = 0
  private readonly cps: number[]
  private readonly out: Token[] = []
  private javaGroups = 0
  private synthetic = 0

  constructor(pattern: string) {
    this.cps = [...pattern].map((c) => c.codePointAt(0)!)
  }

  translate(): string {
    this.alternation({ i: false, s: false, m: false, x: false, d: false }, 0)
    if (this.at < this.cps.length) this.fail('Unmatched closing )')
    return this.render()
  }

  private fail(why: string): never {
    throw new JavaRegexError(why)
  }

  private peek(offset = 0): number | undefined {
    return this.cps[this.at + offset]
  }

  private peekChar(offset = 0): string {
    const cp = this.peek(offset)
    return cp === undefined ? '' : String.fromCodePoint(cp)
  }

  private emit(s: string): void {
    this.out.push({ t: 'text', s })
  }

  /** Alternatives up to a `)` of this depth or the end; flags set inline last until the group closes. */
  private alternation(outer: Flags, depth: number): void {
    const flags = { ...outer }
    for (;;) {
      const c = this.peekChar()
      if (c === '') {
        if (depth > 0) this.fail('Unclosed group')
        return
      }
      if (c === ')') {
        if (depth === 0) this.fail('Unmatched closing )')
        return
      }
      if (c === '|') {
        this.at++
        this.emit('|')
        continue
      }
      this.quantified(flags, depth)
    }
  }

  /** One atom and its quantifier (greedy, lazy or possessive). */
  private quantified(flags: Flags, depth: number): void {
    if (flags.x && this.skipSpace()) return
    const start = this.out.length
    const atom = this.atom(flags, depth)
    if (!atom) return
    if (flags.x) this.skipSpace()
    const q = this.quantifier()
    if (q === null) return
    if (this.peekChar() === '?') {
      this.at++
      this.emit(q + '?')
    } else if (this.peekChar() === '+') {
      this.at++
      this.atomic(start, q)
    } else this.emit(q)
  }

  /** Wraps out[start..] (plus `suffix`) as an atomic group: `(?=(X))\N` keeps what X matched first, no backtracking. */
  private atomic(start: number, suffix: string): void {
    const syn = ++this.synthetic
    const body = this.out.splice(start)
    this.out.push({ t: 'text', s: '(?=' }, { t: 'open', syn }, ...body, { t: 'text', s: `${suffix}))` }, { t: 'ref', syn })
  }

  private skipSpace(): boolean {
    let skipped = false
    for (;;) {
      const c = this.peekChar()
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\u000b') {
        this.at++
        skipped = true
      } else if (c === '#') {
        while (this.at < this.cps.length && !'\n\r\u0085\u2028\u2029'.includes(this.peekChar())) this.at++
        skipped = true
      } else return skipped
    }
  }

  private quantifier(): string | null {
    const c = this.peekChar()
    if (c === '*' || c === '+' || c === '?') {
      this.at++
      return c
    }
    if (c !== '{') return null
    const rest = String.fromCodePoint(...this.cps.slice(this.at))
    const m = /^\{(\d+)(,(\d*))?\}/.exec(rest)
    if (!m) this.fail('Illegal repetition')
    if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(m[1])) this.fail('Illegal repetition range')
    this.at += m[0].length
    return m[0]
  }

  /** Returns false when nothing quantifiable was read (flags, \Q\E with nothing, comments). */
  private atom(flags: Flags, depth: number): boolean {
    const cp = this.peek()!
    const c = String.fromCodePoint(cp)
    this.at++
    switch (c) {
      case '(':
        return this.group(flags, depth)
      case '[':
        this.emit(this.charClass(flags))
        return true
      case '.':
        this.emit(flags.s ? '[\\s\\S]' : flags.d ? '[^\\n]' : `[^${LINE_TERMINATORS}]`)
        return true
      case '^':
        this.emit(flags.m ? (flags.d ? '(?<![^\\n])' : `(?<![^${LINE_TERMINATORS}])`) : '(?<![\\s\\S])')
        return false
      case '$':
        this.emit(
          flags.m
            ? flags.d
              ? '(?![^\\n])'
              : `(?![^${LINE_TERMINATORS}])`
            : flags.d
              ? '(?=\\n?(?![\\s\\S]))'
              : `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?(?![\\s\\S]))`,
        )
        return false
      case '\\':
        return this.escape(flags)
      case '*':
      case '+':
      case '?':
        return this.fail(`Dangling meta character '${c}'`)
      case '{':
        return this.fail('Illegal repetition')
      default:
        this.emit(this.literal(cp, flags))
        return true
    }
  }

  private literal(cp: number, flags: Flags): string {
    if (flags.i && isLetter(cp)) return `[${lit(cp | 0x20)}${lit(cp & ~0x20)}]`
    return lit(cp)
  }

  private group(flags: Flags, depth: number): boolean {
    if (this.peekChar() !== '?') {
      this.out.push({ t: 'open', java: ++this.javaGroups })
      this.alternation(flags, depth + 1)
      this.close()
      return true
    }
    this.at++
    const c = this.peekChar()
    if (c === ':' || c === '=' || c === '!') {
      this.at++
      this.emit(`(?${c}`)
      this.alternation(flags, depth + 1)
      this.close()
      return true
    }
    if (c === '<' && (this.peekChar(1) === '=' || this.peekChar(1) === '!')) {
      this.emit(`(?<${this.peekChar(1)}`)
      this.at += 2
      this.alternation(flags, depth + 1)
      this.close()
      return true
    }
    if (c === '<') {
      this.at++
      const name = this.groupName()
      this.out.push({ t: 'open', java: ++this.javaGroups, name })
      this.alternation(flags, depth + 1)
      this.close()
      return true
    }
    if (c === '>') {
      this.at++
      const start = this.out.length
      this.emit('(?:')
      this.alternation(flags, depth + 1)
      this.close()
      this.atomic(start, '')
      return true
    }
    // inline flags: (?idmsux-idmsux) for the rest of the enclosing group, or (?idmsux-idmsux:X) for X
    const next = { ...flags }
    let on = true
    for (;;) {
      const f = this.peekChar()
      this.at++
      if (f === '-') on = false
      else if (f === 'i' || f === 's' || f === 'm' || f === 'x' || f === 'd') next[f] = on
      else if (f === 'u' || f === 'U') {
        // Unicode case folding and classes: JavaScript's are not Java's; ASCII behaviour is kept
      } else if (f === 'c') this.fail('Canonical equivalence (?c) is not supported')
      else if (f === ')') {
        Object.assign(flags, next)
        return false
      } else if (f === ':') {
        this.emit('(?:')
        this.alternation(next, depth + 1)
        this.close()
        return true
      } else this.fail('Unknown inline modifier')
    }
  }

  private groupName(): string {
    let name = ''
    while (/[a-zA-Z0-9]/.test(this.peekChar())) {
      name += this.peekChar()
      this.at++
    }
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name) || this.peekChar() !== '>') this.fail('named capturing group is missing trailing >')
    this.at++
    return name
  }

  private close(): void {
    if (this.peekChar() !== ')') this.fail('Unclosed group')
    this.at++
    this.emit(')')
  }

  /** An escape outside a class; true when it matches something (quantifiable). */
  private escape(flags: Flags): boolean {
    const c = this.peekChar()
    if (c === '') this.fail('Unexpected internal error')
    this.at++
    if (c === 'Q') {
      const quoted = this.quoted()
      for (const cp of quoted) this.emit(this.literal(cp, flags))
      return quoted.length > 0
    }
    if (c === 'A' || c === 'G') return this.emitFalse('(?<![\\s\\S])')
    if (c === 'z') return this.emitFalse('(?![\\s\\S])')
    if (c === 'Z') return this.emitFalse(`(?=(?:\\r\\n|[${LINE_TERMINATORS}])?(?![\\s\\S]))`)
    if (c === 'b' || c === 'B') return this.emitFalse(`\\${c}`)
    if (c === 'R') {
      this.emit(`(?:\\r\\n|[\\n\\u{b}\\f\\r\\u{85}\\u{2028}\\u{2029}])`)
      return true
    }
    if (c === 'k') {
      if (this.peekChar() !== '<') this.fail('\\k is not followed by \'<\' for named capturing group')
      this.at++
      const name = this.groupName()
      this.emit(`\\k<${name}>`)
      return true
    }
    if (/[1-9]/.test(c)) {
      let n = Number(c)
      while (/[0-9]/.test(this.peekChar()) && n * 10 + Number(this.peekChar()) <= this.javaGroups) n = n * 10 + Number(this.cps[this.at++]! - 48)
      this.out.push({ t: 'ref', java: n })
      return true
    }
    const predefined = Object.hasOwn(PREDEFINED, c) ? PREDEFINED[c] : undefined
    if (predefined !== undefined) {
      this.emit(predefined)
      return true
    }
    if (c === 'p' || c === 'P') {
      this.emit(`[${this.property(c === 'P')}]`)
      return true
    }
    this.at--
    this.emit(this.literal(this.escapedChar(), flags))
    return true
  }

  private emitFalse(s: string): boolean {
    this.emit(s)
    return false
  }

  /** \Q...\E (or to the end): the code points quoted. */
  private quoted(): number[] {
    const quoted: number[] = []
    while (this.at < this.cps.length) {
      if (this.peekChar() === '\\' && this.peekChar(1) === 'E') {
        this.at += 2
        return quoted
      }
      quoted.push(this.cps[this.at++]!)
    }
    return quoted
  }

  /** A single-character escape (after the backslash): its code point, as Java reads it. */
  private escapedChar(): number {
    const c = this.peekChar()
    this.at++
    const hex = (digits: string) => {
      if (!/^[0-9a-fA-F]+$/.test(digits)) this.fail('Illegal hexadecimal escape sequence')
      const v = parseInt(digits, 16)
      if (v > 0x10ffff) this.fail('Hexadecimal codepoint is too big')
      return v
    }
    switch (c) {
      case 't':
        return 9
      case 'n':
        return 10
      case 'r':
        return 13
      case 'f':
        return 12
      case 'a':
        return 7
      case 'e':
        return 27
      case '0': {
        let digits = ''
        while (digits.length < 3 && /[0-7]/.test(this.peekChar()) && parseInt(digits + this.peekChar(), 8) <= 0o377) {
          digits += this.peekChar()
          this.at++
        }
        if (digits === '') this.fail('Illegal octal escape sequence')
        return parseInt(digits, 8)
      }
      case 'x': {
        if (this.peekChar() === '{') {
          const end = this.cps.indexOf(0x7d, this.at)
          if (end < 0) this.fail('Unclosed hexadecimal escape sequence')
          const v = hex(String.fromCodePoint(...this.cps.slice(this.at + 1, end)))
          this.at = end + 1
          return v
        }
        const v = hex(this.peekChar() + this.peekChar(1))
        this.at += 2
        return v
      }
      case 'u': {
        const v = hex(String.fromCodePoint(...this.cps.slice(this.at, this.at + 4)).padEnd(4, 'g'))
        this.at += 4
        return v
      }
      case 'c': {
        const cp = this.peek()
        if (cp === undefined) this.fail('Illegal control escape sequence')
        this.at++
        return cp ^ 64
      }
      default: {
        const cp = c.codePointAt(0)!
        // Java refuses a backslash before an ASCII letter or digit that is no escape
        if ((cp >= 0x30 && cp <= 0x39) || isLetter(cp)) this.fail('Illegal/unsupported escape sequence')
        return cp
      }
    }
  }

  /** \p{...} / \P{...}: the class body (v-mode) of a Java property. */
  private property(negated: boolean): string {
    let name: string
    if (this.peekChar() === '{') {
      const end = this.cps.indexOf(0x7d, this.at)
      if (end < 0) this.fail('Unclosed character family')
      name = String.fromCodePoint(...this.cps.slice(this.at + 1, end))
      this.at = end + 1
    } else {
      name = this.peekChar()
      this.at++
    }
    const not = negated ? '^' : ''
    const posixName = name.startsWith('Is') && Object.hasOwn(POSIX, name.slice(2)) ? name.slice(2) : name
    const posix = Object.hasOwn(POSIX, posixName) ? POSIX[posixName] : undefined
    if (posix !== undefined) return `${not}${posix}`
    if (name === 'javaLowerCase') return `${not}\\p{Lowercase}`
    if (name === 'javaUpperCase') return `${not}\\p{Uppercase}`
    if (name === 'javaWhitespace') return `${not}[\\t\\n\\u{b}\\f\\r\\u{1c}-\\u{1f}\\p{Zs}\\p{Zl}\\p{Zp}]--[\\u{a0}\\u{2007}\\u{202f}]`
    const category = name.startsWith('Is') ? name.slice(2) : name.startsWith('general_category=') ? name.slice(17) : name
    for (const candidate of [`General_Category=${category}`, `Script=${category}`, category]) {
      try {
        new RegExp(`\\p{${candidate}}`, 'v')
        return `${not}\\p{${candidate}}`
      } catch {
        // not this kind of property
      }
    }
    return this.fail(`Unknown character property name {${name}}`)
  }

  /** A Java class `[...]` (the `[` read): union, ranges, nested classes and `&&` intersection, as a v-mode class. */
  private charClass(flags: Flags): string {
    let negated = false
    if (this.peekChar() === '^') {
      negated = true
      this.at++
    }
    const operands: string[][] = [[]]
    let first = true
    for (;;) {
      const c = this.peekChar()
      if (c === '') this.fail('Unclosed character class')
      if (c === ']' && !first) {
        this.at++
        break
      }
      first = false
      if (c === '&' && this.peekChar(1) === '&') {
        this.at += 2
        operands.push([])
        continue
      }
      if (flags.x && /[ \t\n\r\f\u000b]/.test(c)) {
        this.at++
        continue
      }
      const items = operands[operands.length - 1]!
      if (c === '[') {
        this.at++
        items.push(this.charClass(flags))
        continue
      }
      const from = this.classChar(flags, items)
      if (from === null) continue
      if (this.peekChar() === '-' && this.peekChar(1) !== ']' && this.peekChar(1) !== '') {
        this.at++
        if (this.peekChar() === '[') this.fail('Illegal character range')
        const to = this.classChar(flags, items)
        if (to === null) this.fail('Illegal character range')
        if (to < from) this.fail('Illegal character range')
        items.push(`${lit(from)}-${lit(to)}`, ...this.otherCase(from, to, flags))
      } else items.push(lit(from), ...this.otherCase(from, from, flags))
    }
    const sets = operands.filter((items, i) => items.length > 0 || i === 0).map((items) => `[${items.join('')}]`)
    const body = sets.length === 1 ? sets[0]!.slice(1, -1) : sets.join('&&')
    return `[${negated ? '^' : ''}${body}]`
  }

  /** Under (?i), the other case of the ASCII letters in from..to. */
  private otherCase(from: number, to: number, flags: Flags): string[] {
    if (!flags.i) return []
    const ranges: string[] = []
    for (const [lo, hi, shift] of [
      [0x41, 0x5a, 0x20],
      [0x61, 0x7a, -0x20],
    ] as const) {
      const a = Math.max(from, lo)
      const b = Math.min(to, hi)
      if (a <= b) ranges.push(`${lit(a + shift)}-${lit(b + shift)}`)
    }
    return ranges
  }

  /** One class member: a code point, or null when it was a whole set (\d, \p{..}, \Q..\E) pushed onto `items`. */
  private classChar(flags: Flags, items: string[]): number | null {
    const cp = this.cps[this.at++]!
    if (cp !== 0x5c) return cp
    const c = this.peekChar()
    const predefined = Object.hasOwn(PREDEFINED, c) ? PREDEFINED[c] : undefined
    if (predefined !== undefined) {
      this.at++
      items.push(predefined)
      return null
    }
    if (c === 'p' || c === 'P') {
      this.at++
      items.push(`[${this.property(c === 'P')}]`)
      return null
    }
    if (c === 'Q') {
      this.at++
      for (const q of this.quoted()) items.push(lit(q), ...this.otherCase(q, q, flags))
      return null
    }
    return this.escapedChar()
  }

  private render(): string {
    const numbers = new Map<string, number>()
    let n = 0
    for (const token of this.out) if (token.t === 'open') numbers.set(token.java !== undefined ? `j${token.java}` : `s${token.syn}`, ++n)
    return this.out
      .map((token) => {
        if (token.t === 'text') return token.s
        if (token.t === 'open') return token.name === undefined ? '(' : `(?<${token.name}>`
        const number = numbers.get(token.java !== undefined ? `j${token.java}` : `s${token.syn}`)
        // a reference to a group that does not exist fails to match in Java
        return number === undefined ? '(?!)' : `\\${number}`
      })
      .join('')
  }
}
