// The wallets a user can log in with, each a @waves/signer Provider loaded only when chosen, so that no
// provider's code is in the first download. `prefetch` starts the download on hover or focus, so that the
// click's `signer.login()` still runs within the user gesture popup wallets need.
import type { Provider } from '@waves/signer'
import type { MessageId } from './i18n.ts'

export type WalletId = 'keeper' | 'wx-web' | 'wx-cloud' | 'metamask' | 'dev'

export interface Wallet {
  id: WalletId
  label: MessageId
  /** shown in "… is not available" */
  name: string
  /** offered only when the node is a waves-devnode */
  devOnly: boolean
}

export const WALLETS: readonly Wallet[] = [
  { id: 'keeper', label: 'login.keeper', name: 'Keeper Wallet', devOnly: false },
  { id: 'wx-web', label: 'login.wxWeb', name: 'WX Network', devOnly: false },
  { id: 'wx-cloud', label: 'login.wxCloud', name: 'WX Network', devOnly: false },
  { id: 'metamask', label: 'login.metamask', name: 'MetaMask', devOnly: false },
  { id: 'dev', label: 'login.dev', name: 'Dev wallet', devOnly: true },
]

export interface ProviderOptions {
  node: string
  chainId: string
  /** dev wallet only */
  seed?: string
  /** dev wallet only: asks the user before each signature; false refuses it */
  confirm?: (summary: string) => boolean
}

// WX Network's signer pages differ per network; other networks (a private node) have none.
const wxUrls = (chainId: string, kind: 'signer' | 'signer-cloud') =>
  chainId === 'T' ? `https://testnet.waves.exchange/${kind}/` : `https://waves.exchange/${kind}/`

const loaders = {
  keeper: () => import('@waves/provider-keeper'),
  'wx-web': () => import('@waves.exchange/provider-web'),
  'wx-cloud': () => import('@waves.exchange/provider-cloud'),
  metamask: () => import('@waves/provider-metamask'),
  dev: () => import('waves-affiliate/dev-wallet'),
} as const

const loading = new Map<WalletId, Promise<unknown>>()

export function prefetch(id: WalletId): void {
  if (!loading.has(id)) {
    const started = loaders[id]()
    started.catch(() => loading.delete(id)) // a failed download is tried again on the next hover or click
    loading.set(id, started)
  }
}

async function load<K extends WalletId>(id: K): Promise<Awaited<ReturnType<(typeof loaders)[K]>>> {
  prefetch(id)
  return (await loading.get(id)) as Awaited<ReturnType<(typeof loaders)[K]>>
}

export async function createProvider(id: WalletId, options: ProviderOptions): Promise<Provider> {
  switch (id) {
    case 'keeper':
      return new (await load('keeper')).ProviderKeeper() as unknown as Provider
    case 'wx-web':
      return new (await load('wx-web')).ProviderWeb(wxUrls(options.chainId, 'signer')) as unknown as Provider
    case 'wx-cloud':
      return new (await load('wx-cloud')).ProviderCloud(wxUrls(options.chainId, 'signer-cloud')) as unknown as Provider
    case 'metamask': {
      const { ProviderMetamask } = await load('metamask')
      return new ProviderMetamask({ wavesConfig: { nodeUrl: options.node, chainId: options.chainId.charCodeAt(0) } }) as unknown as Provider
    }
    case 'dev': {
      const { DevWalletProvider } = await load('dev')
      const confirm = options.confirm
      // logging in is the user's own click; only signatures are confirmed
      return new DevWalletProvider(options.seed ?? '', {
        confirm: (request) => request.kind === 'login' || !confirm || confirm(summarize(request.transactions)),
      }) as unknown as Provider
    }
  }
}

/** One line per transaction for the dev wallet's confirmation: type, dApp call, payments. */
export function summarize(txs: unknown): string {
  const list = Array.isArray(txs) ? txs : [txs]
  return list
    .map((tx) => {
      const t = tx as { type?: number; dApp?: string; call?: { function?: string } | null; payment?: { amount: unknown }[] }
      if (t.type === 16) {
        const paid = t.payment?.length ? ` + ${t.payment.map((p) => String(p.amount)).join(', ')}` : ''
        return `${t.call?.function ?? 'default'}() on ${t.dApp ?? '?'}${paid}`
      }
      return `transaction type ${t.type ?? '?'}`
    })
    .join('\n')
}
