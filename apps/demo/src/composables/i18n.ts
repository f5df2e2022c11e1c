// English and Russian on vue-i18n: the typed message tables (locales/), plural rules from
// `Intl.PluralRules` (Russian has three forms: 1 участник, 2 участника, 5 участников), and `t(id, params)`
// and `plural(id, count, params)` for components. The chosen language is remembered in localStorage; the
// first visit follows the browser.
import { type WritableComputedRef, computed } from 'vue'
import { createI18n } from 'vue-i18n'
import en from '../locales/en.ts'
import type consoleEn from '../locales/console.en.ts'
import type dashboardEn from '../locales/dashboard.en.ts'
import type joinEn from '../locales/join.en.ts'

/** the texts every page may need: in the first download (English) */
type CoreId = keyof typeof en
/** the texts loaded with their pages, by area: the operator console and the pay page, the dashboard, /join */
interface AreaIds {
  console: keyof typeof consoleEn
  dashboard: keyof typeof dashboardEn
  join: keyof typeof joinEn
}
/** groups of texts loaded on demand, by page */
export type Area = keyof AreaIds
export type MessageId = CoreId | AreaIds[Area]
export type Messages = Record<CoreId, string>
export type AreaMessages<A extends Area> = Record<AreaIds[A], string>
export type ConsoleMessages = AreaMessages<'console'>

export type Locale = 'en' | 'ru'
export const LOCALES: readonly Locale[] = ['en', 'ru']
const STORAGE_KEY = 'affiliate.locale'

export type Params = Record<string, string | number>

/** The BCP 47 tag `Intl` formats with. */
export const intlLocale = (locale: Locale): string => (locale === 'ru' ? 'ru-RU' : 'en-GB')

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY)
  if (stored === 'en' || stored === 'ru') return stored
  return globalThis.navigator?.language?.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

/**
 * Picks the form of a plural message by the language's CLDR category. The forms of a message, split by
 * `|`, are written in the order of `FORMS` for that language; a message with one form has no plural.
 */
const FORMS: Record<Locale, readonly Intl.LDMLPluralRule[]> = { en: ['one', 'other'], ru: ['one', 'few', 'many'] }
function pluralRule(locale: Locale) {
  const rules = new Intl.PluralRules(intlLocale(locale))
  return (choice: number, choices: number): number => {
    if (choices <= 1) return 0
    const index = FORMS[locale].indexOf(rules.select(Math.abs(choice)))
    // Russian "other" (fractions) reads as the genitive singular, the "few" form
    return Math.min(index === -1 ? 1 : index, choices - 1)
  }
}

/**
 * English is in the first download (it is also the fallback); other languages load when chosen. Each
 * loader's table must translate every id of `en`: the `Messages` type says which is missing.
 */
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>> = { ru: () => import('../locales/ru.ts') }
const loaded = new Set<Locale>(['en'])
// each Russian table must have every id of its English one: the type says so
const areaLoaders: { [A in Area]: Record<Locale, () => Promise<{ default: AreaMessages<A> }>> } = {
  console: { en: () => import('../locales/console.en.ts'), ru: () => import('../locales/console.ru.ts') },
  dashboard: { en: () => import('../locales/dashboard.en.ts'), ru: () => import('../locales/dashboard.ru.ts') },
  join: { en: () => import('../locales/join.en.ts'), ru: () => import('../locales/join.ru.ts') },
}
/** areas a page asked for: a language chosen later loads them too */
const areas = new Set<Area>()
const areaLoaded = new Set<string>()

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  // a copy: vue-i18n merges the areas into the table it is given, and the module's own object stays as written
  messages: { en: { ...en } } as Record<Locale, Messages>,
  pluralRules: { en: pluralRule('en'), ru: pluralRule('ru') },
  // the ids are flat ("join.invalid" and "join.invalid.hint" both exist), not paths into nested objects
  messageResolver: (table, path) => ((table as Record<string, unknown>)[path] as string | undefined) ?? null,
  missingWarn: false,
  fallbackWarn: false,
})

const composer = i18n.global
const locale = composer.locale as unknown as WritableComputedRef<Locale>

/** Fills `{name}` placeholders of a plain text (not a message id); a missing one stays visible. */
export function interpolate(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** A message in a given language, whatever the current one is (tests, CSV headers). */
export function translate(lang: Locale, id: MessageId, params: Params = {}, count?: number): string {
  return count === undefined ? composer.t(id, params, { locale: lang }) : composer.t(id, params, { locale: lang, plural: count })
}

/** Loads a language's table once (before it is shown, so that no English flashes in between). */
export async function loadLocale(next: Locale): Promise<void> {
  if (!loaded.has(next) && next !== 'en') {
    const table = (await loaders[next]()).default
    composer.setLocaleMessage(next, { ...table }) // a copy, as for English
    loaded.add(next)
  }
  await Promise.all([...areas].map((area) => loadAreaIn(area, next)))
}

async function loadAreaIn(area: Area, lang: Locale): Promise<void> {
  const key = `${area}:${lang}`
  if (areaLoaded.has(key)) return
  const table = (await areaLoaders[area][lang]()).default
  composer.mergeLocaleMessage(lang, table)
  areaLoaded.add(key)
}

/**
 * Loads the texts of an area (the pages that use it call this before they show): in the current language,
 * and in English as the fallback.
 */
export async function loadArea(area: Area): Promise<void> {
  areas.add(area)
  await Promise.all([loadAreaIn(area, 'en'), loadAreaIn(area, locale.value)])
}

/** Switches the language, loading its table first; remembered for the next visit. */
export async function setLocale(next: Locale): Promise<void> {
  await loadLocale(next)
  locale.value = next
  globalThis.localStorage?.setItem(STORAGE_KEY, next)
  if (globalThis.document) document.documentElement.lang = next
}

/** The language of the first paint: the remembered one, else the browser's. Call before mounting. */
export function startLocale(): Promise<void> {
  return setLocale(initialLocale())
}

export function useI18n() {
  return {
    locale: computed<Locale>(() => locale.value),
    setLocale,
    t: (id: MessageId, params: Params = {}) => composer.t(id, params),
    /** a message whose form follows `count`; `params.count` defaults to `count` formatted for the language */
    plural: (id: MessageId, count: number, params: Params = {}) =>
      composer.t(id, { count: new Intl.NumberFormat(intlLocale(locale.value)).format(count), ...params }, { plural: count }),
  }
}

