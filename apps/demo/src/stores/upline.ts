import type { AffiliateClient } from 'waves-affiliate'

/**
 * The referrers above `address` that take level rewards, nearest first, at most `max`. The contract's
 * chain stops at the root (it takes the change, never a level) and at an address without a referrer.
 */
export async function uplineOf(client: AffiliateClient, address: string, root: string, max = 3): Promise<string[]> {
  const chain: string[] = []
  let current = address
  while (chain.length < max) {
    const above = await client.fetchReferrer(current)
    if (above === null || above === root) break
    chain.push(above)
    current = above
  }
  return chain
}
