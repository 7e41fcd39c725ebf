// Numbers, dates and times as the reader's language writes them, in the organization's time zone
// (a Baku reader sees Baku time, not UTC). Calendar days ("2026-11-20") are not instants: they are
// shown as they are, whatever the zone.
import { LOCALES } from './message.ts';
import { azerbaijani, runtimeKnowsAzerbaijani } from './az-fallback.ts';
import type { Language } from './languages.ts';

export const DEFAULT_TIME_ZONE = 'UTC';

/** An IANA time zone this runtime knows ("Asia/Baku"), as `Intl` accepts it. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export interface Formats {
  language: Language;
  timeZone: string;
  number(n: number): string;
  /** An instant, to the minute: "20 Nov 2026, 18:00". */
  dateTime(iso: string): string;
  /** An instant's day in the zone: "20 Nov 2026". */
  date(iso: string): string;
  /** A calendar day ("2026-11-20" or "2026-11" or "2026"), as precise as it is. */
  day(day: string): string;
  /** From now until an instant (or since it): "in 3 hours", "2 days ago". */
  relative(iso: string, now?: number): string;
}

const cache = new Map<string, Formats>();

export function formatsFor(language: Language, timeZone: string = DEFAULT_TIME_ZONE): Formats {
  // Looked up by the zone as given first: checking a zone builds an Intl formatter, which cost a
  // first login of 10,000 reports a quarter of a second when done on every call.
  const asked = `${language} ${timeZone}`;
  let formats = cache.get(asked);
  if (!formats) {
    // A bad zone falls back to the default and is checked again next time (never kept: the cache stays small).
    const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
    formats = cache.get(`${language} ${zone}`) ?? makeFormats(language, zone);
    cache.set(`${language} ${zone}`, formats);
  }
  return formats;
}

function makeFormats(language: Language, timeZone: string): Formats {
  if (language === 'az' && !runtimeKnowsAzerbaijani()) return azerbaijaniFormats(timeZone);
  const locale = LOCALES[language];
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone, hourCycle: 'h23' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const months = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const relatives = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return formats(language, timeZone, {
    number: (n) => numbers.format(n),
    dateTime: (d) => dateTimes.format(d),
    date: (d) => dates.format(d),
    day: (d) => days.format(d),
    month: (d) => months.format(d),
    relative: (value, unit) => relatives.format(value, unit),
  });
}

function azerbaijaniFormats(timeZone: string): Formats {
  const numbers = azerbaijani.numbers();
  return formats('az', timeZone, {
    number: (n) => numbers.format(n),
    dateTime: (d) => azerbaijani.dateTime(d, timeZone),
    date: (d) => azerbaijani.date(d, timeZone),
    day: (d) => azerbaijani.date(d, 'UTC'),
    month: (d) => azerbaijani.month(d),
    relative: (value, unit) => azerbaijani.relative(value, unit),
  });
}

interface Writers {
  number(n: number): string;
  dateTime(d: Date): string;
  date(d: Date): string;
  day(d: Date): string;
  month(d: Date): string;
  relative(value: number, unit: 'minute' | 'hour' | 'day'): string;
}

function formats(language: Language, timeZone: string, w: Writers): Formats {
  const valid = (d: Date) => !Number.isNaN(d.getTime());
  return {
    language,
    timeZone,
    number: (n) => w.number(n),
    dateTime: (iso) => (valid(new Date(iso)) ? w.dateTime(new Date(iso)) : iso),
    date: (iso) => (valid(new Date(iso)) ? w.date(new Date(iso)) : iso),
    day(day) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(day)) return w.day(new Date(`${day}T00:00:00Z`));
      if (/^\d{4}-\d{2}$/.test(day)) return w.month(new Date(`${day}-01T00:00:00Z`));
      return day;
    },
    relative(iso, now = Date.now()) {
      const minutes = Math.round((Date.parse(iso) - now) / 60_000);
      if (Math.abs(minutes) < 60) return w.relative(minutes, 'minute');
      const hours = Math.round(minutes / 60);
      if (Math.abs(hours) < 48) return w.relative(hours, 'hour');
      return w.relative(Math.round(hours / 24), 'day');
    },
  };
}
