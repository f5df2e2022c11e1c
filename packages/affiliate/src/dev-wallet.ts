// waves-affiliate/dev-wallet: a @waves/signer Provider that signs with a seed held in memory, for a dev
// node and for tests. Never imported by the library's main entry; a seed in a web page is for local
// development only.
import { customData, libs, order, signTx } from '@waves/waves-transactions'
import type { WalletUser } from './signer-types.ts'

/** A Signer provider's events and what their handlers get (Signer's `AuthEvents`). */
export interface DevWalletEvents {
  login: Readonly<WalletUser>
  logout: void
}

/** A transaction as Signer hands it to a provider: its fields by name, `type` among them. */
export type DevWalletTx = { type: number } & Record<string, unknown>

/** Typed data for `signTypedData` (Signer's `TypedData`). */
export interface DevWalletTypedData {
  type: 'string' | 'integer' | 'boolean' | 'binary'
  key: string
  value: string | number | boolean
}

export interface DevWalletOptions {
  /**
   * Asked before each signature (and login) with what is to be signed; `false` refuses it as a wallet's
   * user would (the Signer convention `'Error: User rejection!'`). Default: always sign.
   */
  confirm?: (request: { kind: 'login' } | { kind: 'sign'; transactions: DevWalletTx[] }) => boolean | Promise<boolean>
}

/** What Signer passes through unchanged as a user's refusal. */
const USER_REJECTION = 'Error: User rejection!'

type Handler<T> = (data: T) => unknown
type Events = { [E in keyof DevWalletEvents]: Set<Handler<DevWalletEvents[E]>> }

/**
 * A Signer provider from a seed (it fits @waves/signer's `Provider`).
 *
 * @example
 * import { Signer } from '@waves/signer'
 * import { DevWalletProvider } from 'waves-affiliate/dev-wallet'
 * const signer = new Signer({ NODE_URL: 'http://127.0.0.1:6869' })
 * await signer.setProvider(new DevWalletProvider('waves private node seed with waves tokens'))
 * await signer.login()
 */
export class DevWalletProvider {
  user: WalletUser | null = null
  private chainId: number | undefined
  private readonly events: Events = { login: new Set(), logout: new Set() }
  // Signer calls `login` at once (a popup wallet needs the click's user gesture), before `connect` may
  // have run: login waits for the network byte.
  private connected!: () => void
  private readonly connection = new Promise<void>((resolve) => {
    this.connected = resolve
  })

  constructor(
    private readonly seed: string,
    private readonly options: DevWalletOptions = {},
  ) {
    if (typeof seed !== 'string' || seed === '') throw new Error('DevWalletProvider needs a seed phrase')
  }

  on<E extends keyof DevWalletEvents>(event: E, handler: Handler<DevWalletEvents[E]>): this {
    this.events[event].add(handler as never)
    return this
  }

  once<E extends keyof DevWalletEvents>(event: E, handler: Handler<DevWalletEvents[E]>): this {
    const wrapped = (data: DevWalletEvents[E]) => {
      this.off(event, wrapped)
      handler(data)
    }
    return this.on(event, wrapped)
  }

  off<E extends keyof DevWalletEvents>(event: E, handler: Handler<DevWalletEvents[E]>): this {
    this.events[event].delete(handler as never)
    return this
  }

  async connect(options: { NETWORK_BYTE: number; NODE_URL: string }): Promise<void> {
    this.chainId = options.NETWORK_BYTE
    this.connected()
  }

  async login(): Promise<WalletUser> {
    await this.confirm({ kind: 'login' })
    await this.connection
    const chainId = this.network()
    this.user = { address: libs.crypto.address(this.seed, chainId), publicKey: libs.crypto.publicKey(this.seed) }
    for (const handler of this.events.login) handler(this.user)
    return this.user
  }

  async logout(): Promise<void> {
    this.user = null
    for (const handler of this.events.logout) handler(undefined)
  }

  async signMessage(data: string | number): Promise<string> {
    const bytes = libs.crypto.stringToBytes(String(data))
    return customData({ version: 1, binary: `base64:${libs.crypto.base64Encode(bytes)}` }, this.seed).signature ?? ''
  }

  async signTypedData(data: DevWalletTypedData[]): Promise<string> {
    return customData({ version: 2, data: data as never }, this.seed).signature ?? ''
  }

  /** `data`: an order's fields as Signer's `signOrder` takes them; resolves with the signed order (typed `any`: its shape is waves-transactions') */
  async signOrder(data: object): Promise<any> {
    return order({ ...data, chainId: this.network() } as never, this.seed)
  }

  /**
   * Signs each transaction as given and resolves with them signed (`id` and `proofs` set), in order.
   * Typed `any` because Signer types the result per transaction type, from declarations this package
   * does not name.
   */
  async sign(toSign: DevWalletTx[]): Promise<any> {
    await this.confirm({ kind: 'sign', transactions: toSign })
    const chainId = this.network()
    const senderPublicKey = libs.crypto.publicKey(this.seed)
    // Every field the caller set is kept as given (timestamp, fee, args), so a mined id survives signing;
    // the sender is always this seed's key, as in any wallet.
    return toSign.map((tx) => {
      const params: Record<string, unknown> = { chainId }
      for (const [field, value] of Object.entries(tx)) if (value !== undefined) params[field] = value
      params['senderPublicKey'] = senderPublicKey
      return signTx(params as never, this.seed)
    })
  }

  private network(): number {
    if (this.chainId === undefined) throw new Error('DevWalletProvider is not connected: pass it to signer.setProvider first')
    return this.chainId
  }

  private async confirm(request: Parameters<NonNullable<DevWalletOptions['confirm']>>[0]): Promise<void> {
    if (this.options.confirm && !(await this.options.confirm(request))) throw USER_REJECTION
  }
}
