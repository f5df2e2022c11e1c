// The chain on disk (--data-dir): an append-only log of blocks and applied transactions with their effects, one
// JSON line each, flushed to disk before a transaction counts as confirmed. Replaying effects rebuilds the state
// without running scripts again. Journals of earlier versions also hold RIDE sources; they are read and ignored.
import { closeSync, existsSync, fdatasyncSync, ftruncateSync, fstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { RideSource } from '../ride/compile.ts'
import type { Block, Effects, StoredTx } from '../state/state.ts'

export type JournalRecord =
  | { t: 'block'; block: Omit<Block, 'txIds' | 'totalFee'> }
  | { t: 'tx'; id: string; tx: StoredTx; effects: Effects; addresses: string[] }
  | { t: 'source'; base64: string; source: RideSource }

const FILE = 'chain.jsonl'

export class Journal {
  private readonly fd: number

  private constructor(readonly path: string) {
    this.fd = openSync(path, 'a+')
  }

  static open(dir: string): { journal: Journal; records: JournalRecord[] } {
    mkdirSync(dir, { recursive: true })
    const path = join(dir, FILE)
    const records: JournalRecord[] = []
    let validBytes = 0
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8')
      let start = 0
      for (;;) {
        const end = text.indexOf('\n', start)
        // A last line without its newline was cut by a crash before it was flushed: it never counted.
        if (end < 0) break
        records.push(decode(text.slice(start, end)))
        start = end + 1
        validBytes = Buffer.byteLength(text.slice(0, start))
      }
    }
    const journal = new Journal(path)
    if (fstatSync(journal.fd).size !== validBytes) ftruncateSync(journal.fd, validBytes)
    return { journal, records }
  }

  append(record: JournalRecord): void {
    writeSync(this.fd, `${encode(record)}\n`)
    fdatasyncSync(this.fd)
  }

  size(): number {
    return fstatSync(this.fd).size
  }

  truncate(size: number): void {
    ftruncateSync(this.fd, size)
    fdatasyncSync(this.fd)
  }

  close(): void {
    closeSync(this.fd)
  }
}

function encode(record: JournalRecord): string {
  return JSON.stringify(record, (_key, value: unknown) => (typeof value === 'bigint' ? { $n: value.toString() } : value))
}

function decode(line: string): JournalRecord {
  return JSON.parse(line, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && '$n' in value && Object.keys(value).length === 1
      ? BigInt((value as { $n: string }).$n)
      : value,
  ) as JournalRecord
}
