/** The same rule as the setup page: four or more random words pass it easily. */
export const MIN_PASSPHRASE = 12;

/** What is wrong with a new passphrase typed twice (fields `name` and `againName`), if anything. */
export function passphraseProblem(form: FormData, name: string, againName: string): 'tooShort' | 'differ' | null {
  const passphrase = String(form.get(name) ?? '');
  if (passphrase.length < MIN_PASSPHRASE) return 'tooShort';
  if (passphrase !== form.get(againName)) return 'differ';
  return null;
}
