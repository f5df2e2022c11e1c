// English and Russian without a library: a typed message table (locales/) and `t(id, params)`.
// The chosen language is remembered in localStorage; the first visit follows the browser.
import { ref } from 'vue'
import { en, type MessageId, type Messages } from '../locales/en.ts'
import { ru } from '../locales/ru.ts'

export type Locale = 'en' | 'ru'
export const LOCALES: readonly Locale[] = ['en', 'ru']
const tables: Record<Locale, Messages> = { en, ru }
const STORAGE_KEY = 'affiliate.locale'

export type Params = Record<string, string | number>

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY)
  if (stored === 'en' || stored === 'ru') return stored
  return globalThis.navigator?.language?.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

const locale = ref<Locale>(initialLocale())

/** Fills `{name}` placeholders; a missing parameter stays visible as `{name}` rather than vanishing. */
export function interpolate(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

export function translate(lang: Locale, id: MessageId, params?: Params): string {
  return interpolate(tables[lang][id], params)
}

export function useI18n() {
  return {
    locale,
    setLocale(next: Locale) {
      locale.value = next
      globalThis.localStorage?.setItem(STORAGE_KEY, next)
      if (globalThis.document) document.documentElement.lang = next
    },
    t: (id: MessageId, params?: Params) => translate(locale.value, id, params),
  }
}

export type { MessageId }
