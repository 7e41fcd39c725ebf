// Debian's Chromium carries no Azerbaijani date, number or relative-time data (it printed
// "2026 M12 6 05:09", "12,345.5" and "+3 h" for az), though Node and Firefox do. Where the runtime
// lacks it, Azerbaijani is written from CLDR's own az patterns below: "d MMM y, HH:mm", the month
// names, "1.234,5" (Turkish separators are the same), "{0} saat ərzində" / "{0} saat öncə".
const MONTHS_SHORT = ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avq', 'sen', 'okt', 'noy', 'dek'];
const MONTHS_LONG = ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'];
const UNITS = { minute: 'dəqiqə', hour: 'saat', day: 'gün' } as const;
const NEAR: Partial<Record<keyof typeof UNITS, Record<number, string>>> = { day: { [-1]: 'dünən', 0: 'bu gün', 1: 'sabah' }, hour: { 0: 'bu saat' }, minute: { 0: 'bu dəqiqə' } };

/** Does this runtime write Azerbaijani dates itself? */
export function runtimeKnowsAzerbaijani(): boolean {
  return new Intl.DateTimeFormat('az-Latn', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 15))) === 'yanvar';
}

function partsIn(timeZone: string, date: Date): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

const two = (n: number) => String(n).padStart(2, '0');

export const azerbaijani = {
  numbers: () => new Intl.NumberFormat('tr', { maximumFractionDigits: 1 }),
  date(date: Date, timeZone: string): string {
    const p = partsIn(timeZone, date);
    return `${p.day} ${MONTHS_SHORT[p.month! - 1]} ${p.year}`;
  },
  dateTime(date: Date, timeZone: string): string {
    const p = partsIn(timeZone, date);
    return `${p.day} ${MONTHS_SHORT[p.month! - 1]} ${p.year}, ${two(p.hour!)}:${two(p.minute!)}`;
  },
  month: (date: Date): string => `${MONTHS_LONG[date.getUTCMonth()]} ${date.getUTCFullYear()}`,
  relative(value: number, unit: keyof typeof UNITS): string {
    const near = NEAR[unit]?.[value];
    if (near) return near;
    return value >= 0 ? `${value} ${UNITS[unit]} ərzində` : `${-value} ${UNITS[unit]} öncə`;
  },
};
