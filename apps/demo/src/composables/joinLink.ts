// What a join link's referrer part looks like once pasted into a chat: `3M….` at the end of a sentence,
// `(3M…)`, `%203M…%20`. An address is base58, so none of the characters stripped here can be part of it.
// Used by the router (any static host) and by scripts/spa-server.ts (which redirects to the clean link).

const LEADING = /^[\s"'«“‘(<[{]+/u
const TRAILING = /[\s"'»”’)>\]}.,;:!?…]+$/u

/** The referrer of a `/join/…` path segment, without surrounding spaces or punctuation. */
export function cleanReferrer(raw: string): string {
  return raw.replace(LEADING, '').replace(TRAILING, '')
}

/**
 * The clean `/join/<referrer>` path for a decoded path, or null when it is not a join path or already clean.
 * `base` is the app's base path (`/` unless the app is served under a folder).
 */
export function canonicalJoinPath(path: string, base = '/'): string | null {
  const prefix = `${base.replace(/\/?$/, '/')}join/`
  if (!path.startsWith(prefix)) return null
  const raw = path.slice(prefix.length)
  const clean = cleanReferrer(raw.replace(/\/+$/, ''))
  if (clean === raw || clean === '' || clean.includes('/')) return null
  return `${prefix}${clean}`
}
