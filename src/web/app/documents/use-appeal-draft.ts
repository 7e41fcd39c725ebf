// The UN communication being written: the team's choices and texts over the records prepared, and
// the communication and printable document made from them (checked against the published schema).
import { useMemo, useState } from 'preact/hooks';
import type { RegistryEntry } from '../records/client.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { today } from '../../../core/records/custody.ts';
import { translator } from '../../../core/i18n/message.ts';
import { communicationDocument, suggestedKind, type CommunicationKind, type UnCommunication } from '../../../core/documents/un-communication.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import type { Bundle } from './accounts.ts';
import { anyoneHeld, buildCommunication, circumstancesDraft, type Opened } from './appeal-draft.ts';
import { documentTextWords, documentsWords } from './words.ts';

/** The chosen people's records, loaded and opened here. */
export interface Prepared {
  bundle: Bundle;
  opened: Opened;
}

export interface AppealFields {
  kind: CommunicationKind;
  /** The document's language: the member's at first, changeable (the workspace stays in the member's). */
  language: Language;
  addressedTo: string;
  contact: string;
  circumstances: string;
  remedies: string;
  confidential: string;
  requests: string;
}

/** The select value of a kind in the catalog's messages. */
export const kindArg = (kind: CommunicationKind) => (kind === 'urgent-appeal' ? 'urgent' : 'letter');
const addressees = (language: Language) => translator(documentTextWords, language)('addressees');
export const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function useAppealDraft(prepared: Prepared | null, entries: RegistryEntry[]) {
  const t = useWords(documentsWords);
  const ui = useLanguage().language;
  const [fields, setFields] = useState<AppealFields>(() => ({ kind: 'allegation-letter', language: ui, addressedTo: addressees(ui), contact: '', circumstances: '', remedies: '', confidential: '', requests: '' }));
  const set = <K extends keyof AppealFields>(key: K, value: AppealFields[K]) => setFields((f) => ({ ...f, [key]: value }));

  /** A new document language brings its addressees with it, unless the team changed them. */
  const setLanguage = (next: Language) => setFields((f) => ({ ...f, language: next, addressedTo: f.addressedTo === addressees(f.language) ? addressees(next) : f.addressedTo }));

  /** Records just prepared: the kind their custody suggests, the incidents' descriptions as a first draft. */
  function begin({ bundle, opened }: Prepared): CommunicationKind {
    const kind = suggestedKind(anyoneHeld(bundle));
    setFields((f) => ({ ...f, kind, circumstances: circumstancesDraft(bundle, opened, f.language) }));
    return kind;
  }

  const draft = useMemo<{ communication: UnCommunication | null; problem: string | null }>(() => {
    if (!prepared) return { communication: null, problem: null };
    try {
      const { kind, language, contact, addressedTo, circumstances, remedies, confidential, requests } = fields;
      const options = { kind, language, preparedOn: today(), organization: prepared.bundle.organization, contact, addressedTo: lines(addressedTo), circumstances, domesticRemedies: remedies, confidential: lines(confidential), requests };
      return { communication: buildCommunication(prepared.bundle, prepared.opened, entries, options), problem: null };
    } catch {
      // The schema refused the draft (e.g. a text over its limit): say so rather than make a bad file.
      return { communication: null, problem: t('tooLong') };
    }
  }, [prepared, entries, fields, t]);
  const { communication, problem } = draft;
  const doc = useMemo(() => (communication ? communicationDocument(communication) : null), [communication]);
  const suggested: CommunicationKind = prepared ? suggestedKind(anyoneHeld(prepared.bundle)) : 'allegation-letter';

  return { fields, set, setLanguage, begin, communication, problem, doc, suggested };
}

export type AppealDraft = ReturnType<typeof useAppealDraft>;
