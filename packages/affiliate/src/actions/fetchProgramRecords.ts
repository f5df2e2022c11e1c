import type { Client } from '../client.ts'
import { InvalidInputError } from '../errors.ts'
import { fetchDataMatching } from '../node/addresses.ts'
import { EntryReader, looksLikeAddress } from '../parse.ts'
import type { FundRecord, MalformedEntry, WithdrawRecord } from '../types.ts'

export interface FetchProgramRecordsParameters {
  /** block timestamps (ms): records with `from <= timestamp < to` */
  from: number
  to: number
}

/** One record of the program's history: a fund credit (`fund_{beneficiary}_{n}`) or a withdrawal. */
export type ProgramRecord = ({ kind: 'fund' } & FundRecord) | ({ kind: 'withdraw' } & WithdrawRecord)

export interface FetchProgramRecordsReturnType {
  /** oldest first; records of one time by transaction id, then by account */
  records: ProgramRecord[]
  /** malformed entries ignored while reading */
  skipped: MalformedEntry[]
}

const RECORD_KEY = /^(fund|withdraw)_([1-9A-HJ-NP-Za-km-z]+)_([1-9]\d{0,15})$/

/**
 * Every fund credit and withdrawal of every member between two block times, for the books.
 * GET /addresses/data/{dApp}?matches=(fund|withdraw)_.+ : one `matches` request, which costs the node the
 * whole program (an export reads all of it anyway). Throws InvalidInputError unless `from` and `to` are
 * safe integers with `from <= to`.
 *
 * @example
 * const { records } = await fetchProgramRecords(client, { from: Date.UTC(2027, 0, 1), to: Date.UTC(2027, 1, 1) })
 */
export async function fetchProgramRecords(client: Client, { from, to }: FetchProgramRecordsParameters): Promise<FetchProgramRecordsReturnType> {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from > to) {
    throw new InvalidInputError('from', `${String(from)}..${String(to)} is not a range of ms timestamps`)
  }
  const entries = await fetchDataMatching(client.transport, client.dApp, '(fund|withdraw)_.+')
  const reader = new EntryReader(entries)
  const records: ProgramRecord[] = []
  for (const { key } of entries) {
    const match = RECORD_KEY.exec(key)
    if (match === null || !looksLikeAddress(match[2]!)) continue
    const [, kind, account, n] = match as unknown as [string, 'fund' | 'withdraw', string, string]
    const record = kind === 'fund' ? reader.fund(key, account, Number(n)) : reader.withdraw(key, account, Number(n))
    if (record !== undefined && record.timestamp >= from && record.timestamp < to) records.push({ kind, ...record } as ProgramRecord)
  }
  records.sort((a, b) => a.timestamp - b.timestamp || a.txId.localeCompare(b.txId) || accountOf(a).localeCompare(accountOf(b)) || a.n - b.n)
  return { records, skipped: reader.skipped }
}

const accountOf = (record: ProgramRecord) => (record.kind === 'fund' ? record.beneficiary : record.user)
