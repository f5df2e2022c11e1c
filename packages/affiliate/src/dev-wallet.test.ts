import { Signer } from '@waves/signer'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDevnode, type Devnode } from 'waves-devnode'
import { RICH_SEED, addressOf, wt } from '../../../test/waves.ts'
import { DevWalletProvider } from './dev-wallet.ts'

let node: Devnode
beforeAll(async () => {
  node = await createDevnode({ chainId: 'T' })
})
afterAll(() => node?.close())

test('a real Signer provider: logs in on the node chain and signs what the node accepts', async () => {
  const signer = new Signer({ NODE_URL: node.url })
  const provider = new DevWalletProvider(RICH_SEED)
  const logins: string[] = []
  provider.on('login', (user) => logins.push(user.address))
  await signer.setProvider(provider)
  const user = await signer.login()
  expect(user).toEqual({ address: wt.libs.crypto.address(RICH_SEED, 'T'), publicKey: wt.libs.crypto.publicKey(RICH_SEED) })
  expect(user.address).not.toBe(addressOf(RICH_SEED)) // the same seed on chain R
  expect(logins).toEqual([user.address])

  const recipient = wt.libs.crypto.address('someone', 'T')
  const [signed] = (await signer.transfer({ recipient, amount: 12345 }).sign()) as unknown as [{ id: string }]
  const answer = await fetch(`${node.url}/transactions/broadcast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signed) })
  expect(answer.status).toBe(200)
  const balance = await (await fetch(`${node.url}/addresses/balance/${recipient}`)).json()
  expect(balance.balance).toBe(12345)
})

test('confirm: false refuses with the Signer convention', async () => {
  const signer = new Signer({ NODE_URL: node.url })
  await signer.setProvider(new DevWalletProvider(RICH_SEED, { confirm: () => false }))
  await expect(signer.login()).rejects.toBe('Error: User rejection!')
  await signer.getNetworkByte() // let the signer finish its own request before the node closes
})

test('messages are signed with the seed', async () => {
  const provider = new DevWalletProvider(RICH_SEED)
  await provider.connect({ NODE_URL: node.url, NETWORK_BYTE: 'T'.charCodeAt(0) })
  const signature = await provider.signMessage('hello')
  const binary = `base64:${wt.libs.crypto.base64Encode(wt.libs.crypto.stringToBytes('hello'))}`
  const publicKey = wt.libs.crypto.publicKey(RICH_SEED)
  expect(wt.verifyCustomData({ version: 1, binary, publicKey, signature } as never)).toBe(true)
  expect(wt.verifyCustomData({ version: 1, binary, publicKey: wt.libs.crypto.publicKey('another seed'), signature } as never)).toBe(false)
})
