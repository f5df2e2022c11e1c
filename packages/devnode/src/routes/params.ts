// Path, query and body parameters read as the node's routes read them.
import { base58Decode } from '../crypto.ts'
import { MAX_KEYS_PER_REQUEST } from '../constants.ts'
import { nodeErrors } from '../errors.ts'
import type { Request } from './router.ts'

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
