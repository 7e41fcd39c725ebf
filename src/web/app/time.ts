// Times as the workspace shows them: UTC, to the minute (the server keeps report times to the hour).

/** "2026-11-20T14:00Z" or a full ISO time → "2026-11-20 14:00". */
export function utcMinute(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

/** Hours or days from now until an ISO time, in words. */
export function timeUntil(iso: string, now = Date.now()): string {
  const hours = Math.round((Date.parse(iso) - now) / 3600_000);
  if (hours <= 1) return 'in less than an hour';
  if (hours < 48) return `in ${hours} hours`;
  return `in ${Math.round(hours / 24)} days`;
}
