// The anonymised accounts chosen for a situation report: opened from the records when ticked,
// editable as they read, dropped when unticked or when new numbers leave them out of scope.
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import type { RegistryEntry } from '../records/client.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { translator } from '../../../core/i18n/message.ts';
import { useWords } from '../i18n/context.tsx';
import { accountOf, loadBundle } from './accounts.ts';
import { labeller } from './labels.ts';
import { documentTextWords, documentsWords } from './words.ts';

export function useAccounts(vault: Vault, entries: RegistryEntry[], language: Language, onError: (message: string) => void) {
  const t = useWords(documentsWords);
  const [accounts, setAccounts] = useState<Map<string, string>>(new Map());

  async function toggle(personId: string, on: boolean) {
    if (!on) {
      setAccounts((old) => new Map([...old].filter(([id]) => id !== personId)));
      return;
    }
    try {
      const bundle = await loadBundle([personId]);
      const text = await accountOf(vault, bundle, personId, labeller(entries, language), translator(documentTextWords, language)('nameWithheld'));
      setAccounts((old) => new Map(old).set(personId, text));
    } catch (e) {
      onError(messageOf(e, t('accountNotOpened')));
    }
  }

  const edit = (personId: string, text: string) => setAccounts((old) => new Map(old).set(personId, text));
  /** Accounts chosen for another scope may not belong to this one. */
  const keepOnly = (personIds: string[]) => setAccounts((old) => new Map([...old].filter(([id]) => personIds.includes(id))));

  return { accounts, toggle, edit, keepOnly };
}

export type Accounts = ReturnType<typeof useAccounts>;
