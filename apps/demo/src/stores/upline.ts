import type { AffiliateClient } from 'waves-affiliate'

/** The referrers above `address`, nearest first, at most `max` (the levels a payment credits). */
export async function uplineOf(client: AffiliateClient, address: string, max = 3): Promise<string[]> {
  const chain: string[] = []
  let current = address
  while (chain.length < max) {
    const above = await client.fetchReferrer(current)
    if (above === null) break
    chain.push(above)
    current = above
  }
  return chain
}
