// Shared test setup: fixed seeds, signing helpers and a small REST client for a dev node.
import { createRequire } from 'node:module'
import { leadingZeroBits } from '../packages/affiliate/src/pow/body.ts'

const require = createRequire(import.meta.url)
/** @waves/waves-transactions (CommonJS), as users call it. */
export const wt = require('@waves/waves-transactions') as typeof import('@waves/waves-transactions')
export const crypto = wt.libs.crypto

export const CHAIN_ID = 'R'
export const RICH_SEED = 'waves private node seed with waves tokens'
export const seed = (name: string) => `waves-affiliate test seed ${name}`
export const addressOf = (s: string) => crypto.address(s, CHAIN_ID)
/** How many leading zero bits a transaction id (base58) has: what the contract's proof of work checks. */
export const idZeroBits = (id: string) => leadingZeroBits(crypto.base58Decode(id))

export interface Answer {
  status: number
  body: any
  headers: Headers
}

export function client(url: string) {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const init: RequestInit = { method, headers: { ...headers } }
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body)
      if (!headers['content-type']) (init.headers as Record<string, string>)['content-type'] = 'application/json'
    }
    const res = await fetch(url + path, init)
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers }
  }
  return {
    get: (path: string, headers?: Record<string, string>) => request('GET', path, undefined, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>) => request('POST', path, body, headers),
    broadcast: (tx: unknown) => request('POST', '/transactions/broadcast', tx),
    request,
  }
}

/** Re-signs a transaction after a change, as a careless or hostile client would. */
export function resign<T extends { proofs: string[]; id: string }>(tx: T, signer: string): T {
  const copy = { ...tx, proofs: [] as string[] }
  const bytes = wt.makeTxBytes(copy as never)
  copy.id = crypto.base58Encode(crypto.blake2b(bytes))
  copy.proofs = [crypto.signBytes(signer, bytes)]
  return copy
}

/**
 * Funds the account of `dAppSeed` with 10 WAVES from the rich account and sets `source`, compiled by the
 * node (so that a dev node knows the source), as its script. Throws with the node's answer if refused.
 */
export async function deploySource(api: ReturnType<typeof client>, dAppSeed: string, source: string): Promise<string> {
  const dApp = addressOf(dAppSeed)
  const accepted = async (answer: Answer) => {
    if (answer.status !== 200) throw new Error(`setup refused: ${JSON.stringify(answer.body)}`)
    return answer.body
  }
  await accepted(await api.broadcast(wt.transfer({ recipient: dApp, amount: 10_00000000, chainId: CHAIN_ID }, RICH_SEED)))
  const compiled = await accepted(await api.post('/utils/script/compileCode', source, { 'content-type': 'text/plain' }))
  await accepted(await api.broadcast(wt.setScript({ script: compiled.script, chainId: CHAIN_ID, fee: 100_000 }, dAppSeed)))
  return dApp
}
