// The session: the runtime config, the library client (in a shallowRef: it is an SDK object, never made
// deep-reactive), the node's network, and the wallet login. Every page reads the node through `client`.
//
// A login survives a reload: the wallet's id and address are kept in localStorage and the same wallet is
// asked again at startup where its provider can answer without a click (browser extensions: Keeper,
// MetaMask). WX Network's providers open a window, which browsers allow only within a click: after a
// reload they wait for the user on /login. The dev wallet's seed phrase is kept in sessionStorage only
// (this tab, until it closes; never on disk in localStorage), and only while the node is a dev node:
// see the README's "Staying logged in".
import type { Provider, Signer } from '@waves/signer'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { type AffiliateClient, type AffiliateConfig, AffiliateError } from 'waves-affiliate'
import { useI18n } from '../composables/i18n.ts'
import type { AppConfig } from '../config.ts'
import { chainIdOf, validateAddress } from 'waves-affiliate'
import type { MessageId, Params } from '../composables/i18n.ts'
import { type Problem, describeError, wrongNetwork } from '../composables/problems.ts'
import { WALLETS, type WalletId, createProvider } from '../composables/wallets.ts'
import { createAppClient } from './client.ts'

export interface Account {
  address: string
  publicKey: string
  wallet: WalletId
}

export type ClientOptions = Pick<AffiliateConfig, 'retry' | 'timeoutMs' | 'pollingIntervalMs'>

export interface Notice {
  message: MessageId
  params: Params
}

/** Wallets that reconnect at startup without a click (their providers answer from the extension). */
export const RESUMABLE: readonly WalletId[] = ['keeper', 'metamask', 'dev']
const WALLET_KEY = 'affiliate.wallet'
const SEED_KEY = 'affiliate.devSeed'

interface Remembered {
  wallet: WalletId
  address: string
}

function remembered(): Remembered | null {
  try {
    const value = JSON.parse(globalThis.localStorage?.getItem(WALLET_KEY) ?? 'null') as Partial<Remembered> | null
    return value && typeof value.wallet === 'string' && WALLETS.some((w) => w.id === value.wallet) && typeof value.address === 'string'
      ? { wallet: value.wallet, address: value.address }
      : null
  } catch {
    return null // a broken entry is forgotten, not fatal
  }
}

/** The dev wallet asks before each signature, in the page's language. */
const confirmInBrowser = (summary: string) => globalThis.confirm(useI18n().t('login.devConfirm', { summary }))

export const useSession = defineStore('session', () => {
  const config = shallowRef<AppConfig | null>(null)
  const configProblem = ref<string | null>(null)
  const client = shallowRef<AffiliateClient | null>(null)
  const chainId = ref<string | null>(null)
  const devnode = ref(false)
  /** the node did not answer at startup (the pages retry on their own) */
  const startProblem = ref<Problem | null>(null)

  const account = ref<Account | null>(null)
  const signer = shallowRef<Signer | null>(null)
  const loggingIn = ref<WalletId | null>(null)
  const loginProblem = ref<Problem | null>(null)
  /** true while the wallet shows a signature request */
  const walletPrompt = ref(false)
  /** a message for the next page, e.g. "you are already registered" on the way to the dashboard */
  const notice = ref<Notice | null>(null)

  /** Options every client gets; tests pass a shorter retry so a stopped node is reported quickly. */
  let clientOptions: ClientOptions = {}

  /** true while a remembered wallet reconnects after a reload */
  const restoring = ref(false)
  let settleRestore: () => void = () => {}
  /** Settles once the remembered wallet has reconnected or given up: the router waits for it. */
  const restored = new Promise<void>((resolve) => (settleRestore = resolve))

  async function configure(next: AppConfig, options: ClientOptions = {}): Promise<void> {
    clientOptions = options
    try {
      client.value = createAppClient({ node: next.node, dApp: next.dApp, ...options })
    } catch (error) {
      // e.g. a dApp address with a broken checksum: the config is wrong, not the node
      failConfig(`config.json: ${error instanceof AffiliateError ? error.shortMessage : String(error)}`)
      return
    }
    config.value = next
    await connect()
    await restore()
  }

  /** Logs the remembered wallet in again, where it can be done without a click; forgets it otherwise. */
  async function restore(): Promise<void> {
    const last = remembered()
    const seed = globalThis.sessionStorage?.getItem(SEED_KEY) ?? null
    try {
      if (!last || !RESUMABLE.includes(last.wallet) || chainId.value === null) return
      if (last.wallet === 'dev' && (!devnode.value || seed === null)) return
      restoring.value = true
      const ok = await login(last.wallet, last.wallet === 'dev' ? { seed: seed ?? '', confirm: confirmInBrowser } : {})
      // a failed reconnect is not the user's doing: the login page asks afresh, without an error
      if (!ok) {
        loginProblem.value = null
        globalThis.localStorage?.removeItem(WALLET_KEY)
        globalThis.sessionStorage?.removeItem(SEED_KEY)
      }
    } finally {
      restoring.value = false
      settleRestore()
    }
  }

  /** Reads the network and the node's kind; safe to call again after the node was down. */
  async function connect(): Promise<boolean> {
    if (!client.value || !config.value) return false
    try {
      const [chain, dev] = await Promise.all([client.value.chainId(), client.value.isDevnode()])
      if (validateAddress(config.value.dApp, chain) !== 'ok') {
        failConfig(`config.json: "dApp" ${config.value.dApp} is not an address of network ${chain}, the node's network.`)
        return false
      }
      chainId.value = chain
      devnode.value = dev
      startProblem.value = null
      return true
    } catch (error) {
      startProblem.value = describeError(error, { node: config.value.node })
      return false
    }
  }

  function failConfig(problem: string): void {
    configProblem.value = problem
    settleRestore()
  }

  const walletName = (id: WalletId) => WALLETS.find((w) => w.id === id)?.name ?? id

  /**
   * Logs in with a wallet. Call it straight from the click handler: popup wallets open only within the
   * user gesture. The dev wallet takes a seed and asks `confirm` before each signature.
   */
  async function login(wallet: WalletId, options: { seed?: string; confirm?: (summary: string) => boolean } = {}): Promise<boolean> {
    const cfg = config.value
    if (!cfg) return false
    loggingIn.value = wallet
    loginProblem.value = null
    try {
      if (chainId.value === null && !(await connect())) {
        loginProblem.value = startProblem.value
        return false
      }
      const chain = chainId.value!
      const [{ Signer: SignerClass }, provider] = await Promise.all([
        import('@waves/signer'),
        createProvider(wallet, { node: cfg.node, chainId: chain, ...options }),
      ])
      const next = new SignerClass({ NODE_URL: cfg.node })
      await next.setProvider(watchPrompts(provider))
      // setProvider connects the provider only once the network byte is read; a provider asked to log in
      // before that (the dev wallet) does not know its network yet
      await next.getNetworkByte()
      const user = await next.login()
      const actual = chainIdOf(user.address)
      if (actual !== chain) {
        await next.logout().catch(() => undefined)
        loginProblem.value = wrongNetwork(chain, actual ?? '?', cfg.node)
        return false
      }
      signer.value = next
      client.value = createAppClient({ node: cfg.node, dApp: cfg.dApp, chainId: chain, signer: next, ...clientOptions })
      account.value = { address: user.address, publicKey: user.publicKey, wallet }
      remember(wallet, user.address, options.seed)
      return true
    } catch (error) {
      loginProblem.value = describeError(error, { node: cfg.node, wallet: walletName(wallet) })
      return false
    } finally {
      loggingIn.value = null
    }
  }

  function remember(wallet: WalletId, address: string, seed: string | undefined): void {
    globalThis.localStorage?.setItem(WALLET_KEY, JSON.stringify({ wallet, address } satisfies Remembered))
    if (wallet === 'dev' && seed !== undefined && devnode.value) globalThis.sessionStorage?.setItem(SEED_KEY, seed)
    else globalThis.sessionStorage?.removeItem(SEED_KEY)
  }

  async function logout(): Promise<void> {
    globalThis.localStorage?.removeItem(WALLET_KEY)
    globalThis.sessionStorage?.removeItem(SEED_KEY)
    const cfg = config.value
    const current = signer.value
    account.value = null
    signer.value = null
    notice.value = null
    if (cfg) client.value = createAppClient({ node: cfg.node, dApp: cfg.dApp, ...(chainId.value ? { chainId: chainId.value } : {}), ...clientOptions })
    await current?.logout().catch(() => undefined)
  }

  /** Wraps the provider's `sign` so the pages can say "confirm in your wallet" while it asks. */
  function watchPrompts(provider: Provider): Provider {
    const sign = provider.sign.bind(provider)
    provider.sign = (async (toSign: Parameters<Provider['sign']>[0]) => {
      walletPrompt.value = true
      try {
        return await sign(toSign)
      } finally {
        walletPrompt.value = false
      }
    }) as Provider['sign']
    return provider
  }

  return {
    config, configProblem, client, chainId, devnode, startProblem,
    account, signer, loggingIn, loginProblem, walletPrompt, notice, restoring, restored,
    configure, connect, failConfig, login, logout,
  }
})
