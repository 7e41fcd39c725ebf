// Reading one setting from the environment: a bad value stops the start with a sentence that
// names the setting and what it takes.

/** A setting the server cannot start with: `vigil start` says so and exits 2. */
export class ConfigError extends Error {}

/** A comma-separated setting's entries, trimmed, empty ones dropped. */
export const commaList = (value: string | undefined): string[] => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);

export function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, got "${value}"`);
  return n;
}

export function atMost(name: string, n: number, most: number): number {
  if (n > most) throw new ConfigError(`${name} must be at most ${most}, got ${n}`);
  return n;
}
