// What the team writes into a UN communication once the records are prepared: its kind (the one
// the custody records suggest is marked), the document's language, a contact, the addressees, the
// circumstances, the domestic remedies, what stays confidential and the requests.
import { Fragment, type ComponentChildren } from 'preact';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { useWords } from '../i18n/context.tsx';
import { unNaming } from '../../../core/documents/consent.ts';
import type { CommunicationKind } from '../../../core/documents/un-communication.ts';
import type { AppealDraft, Prepared } from './use-appeal-draft.ts';
import { documentsWords } from './words.ts';

const KIND_NAMES = { 'urgent-appeal': 'urgentAppealChoice', 'allegation-letter': 'allegationLetterChoice' } as const satisfies Record<CommunicationKind, string>;

/** The free texts, each under its own words. */
const TEXTS = [
  ['addressedTo', 'appeal-to'],
  ['circumstances', 'appeal-circumstances'],
  ['remedies', 'appeal-remedies'],
  ['confidential', 'appeal-confidential'],
  ['requests', 'appeal-requests'],
] as const;

function KindChoice({ draft }: { draft: AppealDraft }) {
  const t = useWords(documentsWords);
  return (
    <fieldset>
      <legend>{t('kindOfCommunication')}</legend>
      {(['urgent-appeal', 'allegation-letter'] as const).map((k) => (
        <div class="choice" key={k}>
          <input type="radio" name="appeal-kind" id={`appeal-kind-${k}`} checked={draft.fields.kind === k} onChange={() => draft.set('kind', k)} />
          <label for={`appeal-kind-${k}`}>
            {t(KIND_NAMES[k])}
            {draft.suggested === k ? ` ${t('suggestedFromCustody')}` : ''}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function AppealDetails({ prepared, draft, children }: { prepared: Prepared; draft: AppealDraft; children: ComponentChildren }) {
  const t = useWords(documentsWords);
  const { fields, set } = draft;
  const excluded = prepared.bundle.people.filter((p) => unNaming(p.plain) === 'excluded').length;
  return (
    <section aria-labelledby="appeal-details" class="document-form">
      <h2 id="appeal-details">{t('details')}</h2>
      {excluded > 0 && <p>{t('notConsented', { count: excluded })}</p>}
      <KindChoice draft={draft} />
      <div class="grid">
        <div>
          <LanguageSelect id="appeal-language" label={t('documentLanguage')} value={fields.language} onChange={draft.setLanguage} />
        </div>
        <div>
          <label for="appeal-contact">{t('contact')}</label>
          <input id="appeal-contact" value={fields.contact} onInput={(e) => set('contact', e.currentTarget.value)} />
        </div>
      </div>
      {TEXTS.map(([field, id]) => (
        <Fragment key={id}>
          <label for={id}>{t(field)}</label>
          <textarea id={id} value={fields[field]} onInput={(e) => set(field, e.currentTarget.value)} />
        </Fragment>
      ))}
      {children}
    </section>
  );
}
