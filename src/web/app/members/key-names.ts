// How the workspace names the organization's keys in sentences.
import type { KeyPurpose } from '../../../core/api/schemas.ts';

export const KEY_NAMES: Record<KeyPurpose, string> = { intake: 'intake key', records: 'records key', backup: 'backup key' };

/** "the intake key", "the intake and records keys", "the intake, records and backup keys". */
export function keysNamed(purposes: readonly KeyPurpose[]): string {
  const words = purposes.map((p) => KEY_NAMES[p].replace(' key', ''));
  if (words.length === 0) return 'no key';
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return `the ${list} key${words.length === 1 ? '' : 's'}`;
}
