import type { Client } from '../client.ts'
import { fetchNodeVersion } from '../node/chain.ts'

export type IsDevnodeParameters = Record<string, never>
export type IsDevnodeReturnType = boolean

/**
 * Whether the node is a waves-devnode (its version mentions it): a front end offers the dev wallet only there.
 * GET /node/version.
 *
 * @example
 * await isDevnode(client) // true for 'Waves v1.5.7 (waves-devnode 0.1.0)'
 */
export async function isDevnode(client: Client): Promise<IsDevnodeReturnType> {
  return (await fetchNodeVersion(client.transport)).includes('waves-devnode')
}
