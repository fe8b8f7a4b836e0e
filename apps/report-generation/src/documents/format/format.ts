import type { ReportLanguage } from '../generate-report';

const LOCALE: Record<ReportLanguage, string> = { id: 'id-ID', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: ReportLanguage, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, f);
  }
  return f;
}

/** `1.234,56` in Indonesian, `1,234.56` in English; `–` for no value. */
export function formatNumber(value: number | string | null | undefined, lang: ReportLanguage, decimals = 2): string {
  if (value === null || value === undefined || value === '') return '–';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? numberFormat(lang, decimals).format(n) : '–';
}

/** Money as core sends it (decimal text): Rupiah without the symbol, 2 decimals. */
export function formatMoney(value: string | number | null | undefined, lang: ReportLanguage): string {
  return formatNumber(value, lang, 2);
}

/** The Pemda's time zone (settings say WIB/WITA/WIT). */
export function timeZoneOf(zone: string | null | undefined): string {
  return zone === 'WITA' ? 'Asia/Makassar' : zone === 'WIT' ? 'Asia/Jayapura' : 'Asia/Jakarta';
}

/** `23 November 2026` (id) / `23 November 2026` (en), on the Pemda's calendar day. */
export function formatDate(date: Date, lang: ReportLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}
