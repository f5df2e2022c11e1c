// The WebAssembly text of the proof-of-work search: BLAKE2b-256 (RFC 7693) with the search loop inside.
// `build-wasm.ts` assembles it with wabt into `blake2b.wasm.ts`; nothing at run time reads this file.
//
// The control flow is written out by hand below. Only the twelve rounds of the compression function are
// produced by `rounds()`: 96 calls of the mixing function G, unrolled with the message schedule (SIGMA)
// resolved at generation time, so every message word and working variable is a WASM local and no
// table is read at run time.
//
// Memory (one 64 KiB page, exported as `memory`):
//   0    ..   63   H, the chaining state being computed (8 x i64, little-endian)
//   64   ..  127   P, the state after the blocks that come before the salt's block
//   256  ..        the message (the transaction body); exported global `body` holds 256
// Exports:
//   digest(len)                                      H[0..32) := BLAKE2b-256(body[0..len))
//   search(len, saltOffset, start, count, bits) -> i  see `search` below

/** Message word indices for each round (RFC 7693, section 2.7); rounds 10 and 11 repeat rows 0 and 1. */
const SIGMA: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
]

/** BLAKE2b initialisation vector (the SHA-512 IV). */
const IV = [
  '0x6a09e667f3bcc908', '0xbb67ae8584caa73b', '0x3c6ef372fe94f82b', '0xa54ff53a5f1d36f1',
  '0x510e527fade682d1', '0x9b05688c2b3e6c1f', '0x1f83d9abfb41bd6b', '0x5be0cd19137e2179',
] as const

/** The columns, then the diagonals, of the 4x4 working matrix: the (a, b, c, d) of each G in a round. */
const G_LANES = [
  [0, 4, 8, 12], [1, 5, 9, 13], [2, 6, 10, 14], [3, 7, 11, 15],
  [0, 5, 10, 15], [1, 6, 11, 12], [2, 7, 8, 13], [3, 4, 9, 14],
] as const

const v = (i: number) => `$v${i}`
const m = (i: number) => `$m${i}`
const get = (name: string) => `(local.get ${name})`

/** G(a, b, c, d, x, y) of RFC 7693 section 3.1, rotations to the right by 32, 24, 16, 63. */
function g(a: string, b: string, c: string, d: string, x: string, y: string): string {
  const add3 = (p: string, q: string, r: string) => `(i64.add (i64.add ${get(p)} ${get(q)}) ${get(r)})`
  const xorRot = (p: string, q: string, n: number) => `(i64.rotr (i64.xor ${get(p)} ${get(q)}) (i64.const ${n}))`
  return [
    `(local.set ${a} ${add3(a, b, x)})`,
    `(local.set ${d} ${xorRot(d, a, 32)})`,
    `(local.set ${c} (i64.add ${get(c)} ${get(d)}))`,
    `(local.set ${b} ${xorRot(b, c, 24)})`,
    `(local.set ${a} ${add3(a, b, y)})`,
    `(local.set ${d} ${xorRot(d, a, 16)})`,
    `(local.set ${c} (i64.add ${get(c)} ${get(d)}))`,
    `(local.set ${b} ${xorRot(b, c, 63)})`,
  ].join('\n')
}

/** The twelve rounds over locals $v0..$v15 with the message in locals $m0..$m15. */
function rounds(): string {
  const out: string[] = []
  for (let r = 0; r < 12; r++) {
    const s = SIGMA[r % 10]!
    out.push(`;; round ${r}`)
    G_LANES.forEach(([a, b, c, d], i) => out.push(g(v(a), v(b), v(c), v(d), m(s[2 * i]!), m(s[2 * i + 1]!))))
  }
  return out.join('\n')
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)
const locals = (prefix: string, n: number) => range(n).map((i) => `(local $${prefix}${i} i64)`).join(' ')

/**
 * The start of a compression: loads the message block at local $block into $m0..$m15 and the state at
 * local $h into $v0..$v7, and sets up $v8..$v15 from the IV, the byte counter $t and the final-block flag
 * $f (0 or -1, xored into v14).
 */
const compressPrologue = [
  ...range(16).map((i) => `(local.set ${m(i)} (i64.load offset=${8 * i} (local.get $block)))`),
  ...range(8).map((i) => `(local.set ${v(i)} (i64.load offset=${8 * i} (local.get $h)))`),
  ...range(4).map((i) => `(local.set ${v(8 + i)} (i64.const ${IV[i]}))`),
  `(local.set $v12 (i64.xor (i64.const ${IV[4]}) (local.get $t)))`,
  `(local.set $v13 (i64.const ${IV[5]}))`,
  `(local.set $v14 (i64.xor (i64.const ${IV[6]}) (local.get $f)))`,
  `(local.set $v15 (i64.const ${IV[7]}))`,
].join('\n')

/** Returns the module's text. */
export function blake2bWat(): string {
  return `(module
  (memory (export "memory") 1)
  (global (export "body") i32 (i32.const 256))

  ;; Reverses the byte order of $x (WASM has no bswap instruction).
  (func $bswap (param $x i64) (result i64)
    (local.set $x (i64.or
      (i64.and (i64.shr_u (local.get $x) (i64.const 8)) (i64.const 0x00ff00ff00ff00ff))
      (i64.shl (i64.and (local.get $x) (i64.const 0x00ff00ff00ff00ff)) (i64.const 8))))
    (local.set $x (i64.or
      (i64.and (i64.shr_u (local.get $x) (i64.const 16)) (i64.const 0x0000ffff0000ffff))
      (i64.shl (i64.and (local.get $x) (i64.const 0x0000ffff0000ffff)) (i64.const 16))))
    (i64.rotl (local.get $x) (i64.const 32)))

  ;; The index of the last 128-byte block of a message of $len bytes (an empty message has one block).
  (func $lastBlock (param $len i32) (result i32)
    (if (result i32) (i32.eqz (local.get $len))
      (then (i32.const 0))
      (else (i32.shr_u (i32.sub (local.get $len) (i32.const 1)) (i32.const 7)))))

  ;; Zeroes the message from byte $len to the end of its last block: the final block is zero-padded.
  (func $pad (param $len i32)
    (local $p i32) (local $end i32)
    (local.set $p (i32.add (i32.const 256) (local.get $len)))
    (local.set $end (i32.add (i32.const 384) (i32.shl (call $lastBlock (local.get $len)) (i32.const 7))))
    (block $done
      (loop $zero
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (i32.store8 (local.get $p) (i32.const 0))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $zero))))

  ;; H := the initial state for an unkeyed 32-byte digest (parameter block 0x01010020 xored into h0).
  (func $init
    (i64.store offset=0 (i32.const 0) (i64.const ${IV[0]}))
    ${range(7).map((i) => `(i64.store offset=${8 * (i + 1)} (i32.const 0) (i64.const ${IV[i + 1]}))`).join('\n    ')}
    (i64.store (i32.const 0) (i64.xor (i64.load (i32.const 0)) (i64.const 0x01010020))))

  ;; The compression function F: the state at $h := F(state, block at $block, byte counter $t, final flag $f).
  ;; The counter's high 64 bits (v13) stay zero: messages here are far shorter than 2^64 bytes.
  (func $compress (param $h i32) (param $block i32) (param $t i64) (param $f i64)
    ${locals('v', 16)}
    ${locals('m', 16)}
    ${compressPrologue}
    ${rounds()}
    ${range(8)
      .map((i) => `(i64.store offset=${8 * i} (local.get $h) (i64.xor (i64.load offset=${8 * i} (local.get $h)) (i64.xor ${get(v(i))} ${get(v(i + 8))})))`)
      .join('\n    ')})

  ;; The first 8 bytes (as a little-endian i64) of F(state at $h, final block at $block, counter $t).
  ;; Only word 0 of the result is needed to test the leading zero bits; the engine drops the work that
  ;; feeds only the other seven words.
  (func $finalWord0 (param $h i32) (param $block i32) (param $t i64) (result i64)
    (local $f i64)
    ${locals('v', 16)}
    ${locals('m', 16)}
    (local.set $f (i64.const -1))
    ${compressPrologue}
    ${rounds()}
    (i64.xor (i64.load (local.get $h)) (i64.xor (local.get $v0) (local.get $v8))))

  ;; Compresses blocks $from .. $to - 1 of a message of $len bytes into the state at $h; none is final.
  (func $compressBlocks (param $h i32) (param $from i32) (param $to i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (call $compress (local.get $h)
          (i32.add (i32.const 256) (i32.shl (local.get $from) (i32.const 7)))
          (i64.extend_i32_u (i32.shl (i32.add (local.get $from) (i32.const 1)) (i32.const 7)))
          (i64.const 0))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $next))))

  (func (export "digest") (param $len i32)
    (local $last i32)
    (call $pad (local.get $len))
    (call $init)
    (local.set $last (call $lastBlock (local.get $len)))
    (call $compressBlocks (i32.const 0) (i32.const 0) (local.get $last))
    (call $compress (i32.const 0)
      (i32.add (i32.const 256) (i32.shl (local.get $last) (i32.const 7)))
      (i64.extend_i32_u (local.get $len))
      (i64.const -1)))

  ;; Tries the salts $start, $start + 1, ... ($count of them, wrapping as signed 64-bit integers): writes
  ;; each as 8 bytes big-endian at body + $saltOffset and hashes the body of $len bytes. Returns the
  ;; index of the first salt whose digest starts with $bits (0..64) zero bits, most significant bit of
  ;; byte 0 first, or -1 if none does. The blocks before the salt's block are compressed once per call.
  (func (export "search") (param $len i32) (param $saltOffset i32) (param $start i64) (param $count i32) (param $bits i32) (result i32)
    (local $mask i64) (local $first i32) (local $last i32) (local $state i32) (local $lastPtr i32)
    (local $saltPtr i32) (local $i i32) (local $w i64)
    ;; The digest's first 8 bytes read as a little-endian i64 must have zeros where $mask has ones.
    (if (i32.ne (local.get $bits) (i32.const 0))
      (then (local.set $mask (call $bswap
        (i64.shl (i64.const -1) (i64.extend_i32_u (i32.sub (i32.const 64) (local.get $bits))))))))
    (call $pad (local.get $len))
    (call $init)
    (local.set $first (i32.shr_u (local.get $saltOffset) (i32.const 7)))
    (local.set $last (call $lastBlock (local.get $len)))
    (local.set $lastPtr (i32.add (i32.const 256) (i32.shl (local.get $last) (i32.const 7))))
    (local.set $saltPtr (i32.add (i32.const 256) (local.get $saltOffset)))
    ;; P := the state after the blocks before the salt's block.
    (call $compressBlocks (i32.const 0) (i32.const 0) (local.get $first))
    ${range(8).map((i) => `(i64.store offset=${64 + 8 * i} (i32.const 0) (i64.load offset=${8 * i} (i32.const 0)))`).join('\n    ')}
    ;; When the salt is in the last block, each attempt is one call of F straight from P.
    (local.set $state (select (i32.const 64) (i32.const 0) (i32.eq (local.get $first) (local.get $last))))
    (block $none
      (loop $attempt
        (br_if $none (i32.ge_u (local.get $i) (local.get $count)))
        (i64.store (local.get $saltPtr)
          (call $bswap (i64.add (local.get $start) (i64.extend_i32_u (local.get $i)))))
        (if (i32.ne (local.get $first) (local.get $last))
          (then
            ${range(8).map((i) => `(i64.store offset=${8 * i} (i32.const 0) (i64.load offset=${64 + 8 * i} (i32.const 0)))`).join('\n            ')}
            (call $compressBlocks (i32.const 0) (local.get $first) (local.get $last))))
        (local.set $w (call $finalWord0 (local.get $state) (local.get $lastPtr) (i64.extend_i32_u (local.get $len))))
        (if (i64.eqz (i64.and (local.get $w) (local.get $mask)))
          (then (return (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $attempt)))
    (i32.const -1))
)
`
}
