// waves-affiliate/dev-wallet: a @waves/signer Provider that signs with a seed held in memory, for a dev
// node and for tests. Never imported by the library's main entry; a seed in a web page is for local
// development only.
import type { AuthEvents, ConnectOptions, Handler, Provider, SignedTx, SignerTx, TypedData, UserData } from '@waves/signer'
import { customData, libs, order, signTx } from '@waves/waves-transactions'

export interface DevWalletOptions {
  /**
   * Asked before each signature (and login) with what is to be signed; `false` refuses it as a wallet's
   * user would (the Signer convention `'Error: User rejection!'`). Default: always sign.
   */
  confirm?: (request: { kind: 'login' } | { kind: 'sign'; transactions: SignerTx[] }) => boolean | Promise<boolean>
}

/** What Signer passes through unchanged as a user's refusal. */
const USER_REJECTION = 'Error: User rejection!'

type Events = { [E in keyof AuthEvents]: Set<Handler<AuthEvents[E]>> }

/**
 * A Signer provider from a seed.
 *
 * @example
 * import { Signer } from '@waves/signer'
 * import { DevWalletProvider } from 'waves-affiliate/dev-wallet'
 * const signer = new Signer({ NODE_URL: 'http://127.0.0.1:6869' })
 * await signer.setProvider(new DevWalletProvider('waves private node seed with waves tokens'))
 * await signer.login()
 */
export class DevWalletProvider implements Provider {
  user: UserData | null = null
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

  on<E extends keyof AuthEvents>(event: E, handler: Handler<AuthEvents[E]>): Provider {
    this.events[event].add(handler as never)
    return this
  }

  once<E extends keyof AuthEvents>(event: E, handler: Handler<AuthEvents[E]>): Provider {
    const wrapped = (data: AuthEvents[E]) => {
      this.off(event, wrapped)
      handler(data)
    }
    return this.on(event, wrapped)
  }

  off<E extends keyof AuthEvents>(event: E, handler: Handler<AuthEvents[E]>): Provider {
    this.events[event].delete(handler as never)
    return this
  }

  async connect(options: ConnectOptions): Promise<void> {
    this.chainId = options.NETWORK_BYTE
    this.connected()
  }

  async login(): Promise<UserData> {
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

  async signTypedData(data: Array<TypedData>): Promise<string> {
    return customData({ version: 2, data: data as never }, this.seed).signature ?? ''
  }

  async signOrder(data: Parameters<Provider['signOrder']>[0]): Promise<Awaited<ReturnType<Provider['signOrder']>>> {
    return order({ ...data, chainId: this.network() } as never, this.seed)
  }

  sign<T extends SignerTx>(toSign: T[]): Promise<SignedTx<T>>
  sign<T extends Array<SignerTx>>(toSign: T): Promise<SignedTx<T>>
  async sign(toSign: SignerTx[]): Promise<never> {
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
    }) as never
  }

  private network(): number {
    if (this.chainId === undefined) throw new Error('DevWalletProvider is not connected: pass it to signer.setProvider first')
    return this.chainId
  }

  private async confirm(request: Parameters<NonNullable<DevWalletOptions['confirm']>>[0]): Promise<void> {
    if (this.options.confirm && !(await this.options.confirm(request))) throw USER_REJECTION
  }
}
