import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { vi, type MessageKey } from './vi.ts';
import { en } from './en.ts';

export type Locale = 'vi' | 'en';
const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };

interface I18n {
  locale: Locale;
  t(key: MessageKey): string;
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    localStorage.getItem('locale') === 'en' ? 'en' : 'vi',
  );
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key) => catalogues[locale][key],
      setLocale: (next) => {
        localStorage.setItem('locale', next);
        document.documentElement.lang = next;
        setLocaleState(next);
      },
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** A message with its "{name}" places filled in ("Mới cập nhật {tasks}/{taskTotal} …"). */
export function fillMessage(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (place, key: string) =>
    key in values ? String(values[key]) : place,
  );
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
