import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, expect, test } from 'vitest'
import App from '../App.vue'
import { useI18n } from '../composables/i18n.ts'
import { useSession } from '../stores/session.ts'
import WalletPicker from './WalletPicker.vue'

beforeEach(() => {
  setActivePinia(createPinia())
  useI18n().setLocale('en')
})

const labels = (view: ReturnType<typeof mount>) => view.findAll('button.wallet').map((b) => b.text())

test('the dev wallet is offered only on a dev node, and asks for a seed', async () => {
  const session = useSession()
  expect(labels(mount(WalletPicker))).toEqual(['Keeper Wallet', 'WX Network (seed or key)', 'WX Network (email)', 'MetaMask'])
  session.devnode = true
  const picker = mount(WalletPicker)
  expect(labels(picker)).toEqual(['Keeper Wallet', 'WX Network (seed or key)', 'WX Network (email)', 'MetaMask', 'Dev wallet (dev node only)'])
  await picker.get('[data-test="wallet-dev"]').trigger('click')
  expect(picker.get('[data-test="dev-login"]').attributes('disabled')).toBe('')
  await picker.get('[data-test="seed"]').setValue('some seed')
  expect(picker.get('[data-test="dev-login"]').attributes('disabled')).toBeUndefined()
})

test('a broken config.json is a screen that says what to fix, not a blank page', () => {
  useSession().failConfig('config.json is missing: /config.json answered HTTP 404.')
  const app = mount(App, { global: { stubs: ['RouterView', 'RouterLink'] } })
  expect(app.get('[data-test="config-problem"]').text()).toBe(
    'This app is not set up' +
      'config.json is missing: /config.json answered HTTP 404.' +
      'Put a config.json next to index.html with the node and the dApp, e.g. {"node": "https://nodes-testnet.wavesnodes.com", "dApp": "3N…"}, then reload.',
  )
})
