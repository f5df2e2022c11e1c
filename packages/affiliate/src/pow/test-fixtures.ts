// Fixed accounts and transactions for the miner's tests (not library code: nothing else imports it).
import { invokeScript, libs } from '@waves/waves-transactions'
import type { InvokeScriptTx } from './body.ts'

export const userSeed = 'waves-affiliate pow test user'
export const dApp = libs.crypto.address('waves-affiliate pow test dapp', 'R')
export const referrer = libs.crypto.address('waves-affiliate pow test referrer', 'R')

/** `register(referrer, salt)` as the library sends it, unsigned, at a fixed time. */
export function registerParams(salt: number | string = 0) {
  return {
    dApp,
    call: {
      function: 'register',
      args: [
        { type: 'string' as const, value: referrer },
        { type: 'integer' as const, value: salt },
      ],
    },
    chainId: 'R',
    senderPublicKey: libs.crypto.publicKey(userSeed),
    fee: 500000,
    timestamp: 1700000000000,
  }
}

export function registerTx(salt: number | string = 0): InvokeScriptTx {
  return invokeScript(registerParams(salt))
}
