// A host pays for a member (`fundFor`) through @waves/signer with the dev wallet, on a dev node.
import { Signer } from '@waves/signer'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Program, account, blockTimeOf, register, startProgram, wavesOf } from '../../../../test/affiliate.ts'
import { type Client, createClient } from '../client.ts'
import { DevWalletProvider } from '../dev-wallet.ts'
import { ContractError, InvalidInputError } from '../errors.ts'
import { fetchDashboard } from './fetchDashboard.ts'
import { fundFor } from './fundFor.ts'

let program: Program

beforeAll(async () => {
  program = await startProgram({ config: { minFund: 1n, hosts: [account('frank').address] } })
  const { alice, bob } = program.users
  await register(program, alice.seed, program.dApp)
  await register(program, bob.seed, alice.address)
}, 120_000)
afterAll(() => program?.close())

async function clientOf(seedPhrase: string): Promise<Client> {
  const signer = new Signer({ NODE_URL: program.node.url })
  await signer.setProvider(new DevWalletProvider(seedPhrase))
  await signer.login()
  return createClient({ node: program.node.url, dApp: program.dApp, signer, pollingIntervalMs: 5 })
}

test('a host pays for a member: the member chain is credited as if it had paid; the host pays its fee', async () => {
  const { alice, bob, frank } = program.users
  const host = await clientOf(frank.seed)
  const before = await wavesOf(program, frank.address)
  const { id, confirmed } = await fundFor(host, { payer: bob.address, amount: 100_000_000n })
  await confirmed
  const timestamp = await blockTimeOf(program, id)
  expect(await wavesOf(program, frank.address)).toBe(before - 100_000_000n - 500_000n)
  const credit = { n: 1, txId: id, payer: bob.address, timestamp, asset: 'WAVES' }
  expect((await fetchDashboard(host, { address: alice.address })).income).toEqual([{ ...credit, beneficiary: alice.address, amount: 10_000_000n, level: 'l1' }])
  expect((await fetchDashboard(host, { address: bob.address })).income).toEqual([{ ...credit, beneficiary: bob.address, amount: 1_000_000n, level: 'cashback' }])
})

test('an account that is not a host is refused by the contract; a bad payer or amount before the wallet', async () => {
  const { bob, carol } = program.users
  const member = await clientOf(carol.seed)
  const error = await fundFor(member, { payer: bob.address, amount: 1_000n }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ContractError)
  expect(error).toMatchObject({ code: 'host', contractMessage: 'host: caller is not a host' })
  await expect(fundFor(member, { payer: 'nobody', amount: 1_000n })).rejects.toThrow(new InvalidInputError('payer', '"nobody" is not an address'))
  await expect(fundFor(member, { payer: bob.address, amount: 0n })).rejects.toThrow(new InvalidInputError('amount', '0 is not a positive bigint'))
})
