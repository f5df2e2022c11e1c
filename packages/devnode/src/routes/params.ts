// Path, query and body parameters read as the node's routes read them.
import { base58Decode } from '../crypto.ts'
import { MAX_KEYS_PER_REQUEST } from '../constants.ts'
import { nodeErrors } from '../errors.ts'
import type { Request } from './router.ts'

/**
 * A query parameter read by akka's unmarshallers (`parameter("x".as[Boolean] ? false)`, `"x".as[Int].?`): absent or empty
 * is the default; a malformed value is MalformedQueryParamRejection, which falls through the node's routes to the bare
 * 404 (CompositeHttpService ends with `complete(StatusCodes.NotFound)`).
 */
export function booleanQuery(query: URLSearchParams, name: string, absent = false): boolean {
  const raw = query.get(name)
  if (raw === null || raw === '') return absent
  const v = raw.toLowerCase()
  if (['true', 'yes', 'on', '1'].includes(v)) return true
  if (['false', 'no', 'off', '0'].includes(v)) return false
  throw nodeErrors.notFound()
}

/** An optional Int query parameter (`"x".as[Int].?`), as `booleanQuery` reads it: String.toInt's digits, within an Int. */
export function intQuery(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name)
  if (raw === null || raw === '') return undefined
  const n = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN
  if (!(n >= -(2 ** 31) && n <= 2 ** 31 - 1)) throw nodeErrors.notFound()
  return n
}

/** a base58 string of 32 bytes: a transaction, block-less asset or lease id */
export function isId(id: string): boolean {
  try {
    return base58Decode(id).length === 32
  } catch {
    return false
  }
}

/** at most 1,000 ids (10 otherwise), each valid (116 `Invalid IDs` naming the invalid ones otherwise) */
export function idList(ids: string[], each: (id: string) => unknown): unknown[] {
  if (ids.length > MAX_KEYS_PER_REQUEST) throw nodeErrors.tooManyKeys(MAX_KEYS_PER_REQUEST)
  const invalid = ids.filter((id) => !isId(id))
  if (invalid.length > 0) throw nodeErrors.invalidIds(invalid)
  return ids.map(each)
}

/** the ids of a POST: form fields `id`, or JSON `{"ids": [...]}` */
export function bodyIds(req: Request): string[] {
  const body = req.body()
  if (body instanceof URLSearchParams) return body.getAll('id')
  const ids = (body as { ids?: unknown } | null)?.ids
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw nodeErrors.wrongJson('expected {"ids": [...]}')
  return ids as string[]
}
