import { describe, expect, test } from 'vitest'
import { explorerTx, loadConfig, parseConfig } from './config.ts'

const dApp = '3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF'

const serving = (status: number, body: string): typeof fetch => async () => new Response(body, { status })

describe('parseConfig', () => {
  test('takes node, dApp and explorer, without trailing slashes', () => {
    expect(parseConfig({ node: 'http://127.0.0.1:6869/', dApp, explorer: 'https://wavesexplorer.com/testnet/' })).toEqual({
      ok: true,
      config: { node: 'http://127.0.0.1:6869', dApp, explorer: 'https://wavesexplorer.com/testnet' },
    })
  })
  test('names the field that is wrong', () => {
    expect(parseConfig([])).toEqual({ ok: false, problem: 'config.json must be a JSON object.' })
    expect(parseConfig({ node: 'ftp://x', dApp })).toEqual({ ok: false, problem: 'config.json: "node" must be the node’s http(s) URL.' })
    expect(parseConfig({ node: 'http://x', dApp: 'abc' })).toEqual({
      ok: false,
      problem: 'config.json: "dApp" must be the affiliate dApp’s address (35 base58 characters).',
    })
    expect(parseConfig({ node: 'http://x', dApp, explorer: 7 })).toEqual({ ok: false, problem: 'config.json: "explorer", when given, must be an http(s) URL.' })
  })
})

describe('loadConfig', () => {
  test('a missing file and bad JSON are problems, not exceptions', async () => {
    expect(await loadConfig('/config.json', serving(404, 'nope'))).toEqual({ ok: false, problem: 'config.json is missing: /config.json answered HTTP 404.' })
    expect(await loadConfig('/config.json', serving(200, '{'))).toEqual({ ok: false, problem: 'config.json at /config.json is not valid JSON.' })
    expect(await loadConfig('/config.json', serving(200, JSON.stringify({ node: 'http://n', dApp })))).toEqual({ ok: true, config: { node: 'http://n', dApp } })
  })
})

test('explorer links fall back to the node', () => {
  expect(explorerTx({ node: 'http://n', dApp }, 'T1')).toBe('http://n/transactions/info/T1')
  expect(explorerTx({ node: 'http://n', dApp, explorer: 'https://e' }, 'T1')).toBe('https://e/tx/T1')
})
