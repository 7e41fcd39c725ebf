// A communication to the UN Special Procedures for chosen people: an urgent appeal if someone is
// still held (suggested from the custody records, changeable) or an allegation letter. Named only
// as each person's consent allows; the rest counted. Made as HTML, PDF and JSON here in the
// browser; "Mark as sent" records a follow-up (intervention 'un-appeal') for each person concerned.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import type { Vault } from '../session/vault.ts';
import { sealNew, useOpened, useRegistry, type RecordView } from '../records/client.ts';
import { CONSENT_SHARING, NAME_PREFERENCES } from '../../../core/records/vocabulary.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { today } from '../../../core/records/custody.ts';
import { unNaming } from '../../../core/documents/consent.ts';
import { appealFollowUp } from '../../../core/documents/appeal-sent.ts';
import { translator } from '../../../core/i18n/message.ts';
import { FOLLOW_UP_DAYS, communicationDocument, suggestedKind, type CommunicationKind, type UnCommunication } from '../../../core/documents/un-communication.ts';
import { termLabel } from '../records/fields.tsx';
import { DocumentView } from './DocumentView.tsx';
import { loadBundle, type Bundle } from './accounts.ts';
import { anyoneHeld, buildCommunication, circumstancesDraft, openBundle, type Opened } from './appeal-draft.ts';
import { audit, download, fileName, htmlOf, pdfOf } from './files.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { documentTextWords, documentsWords } from './words.ts';

const KIND_NAMES = { 'urgent-appeal': 'urgentAppealChoice', 'allegation-letter': 'allegationLetterChoice' } as const satisfies Record<CommunicationKind, string>;
/** The select value of a kind in the catalog's messages. */
const kindArg = (kind: CommunicationKind) => (kind === 'urgent-appeal' ? 'urgent' : 'letter');
const addressees = (language: Language) => translator(documentTextWords, language)('addressees');
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function AppealPage({ vault }: { vault: Vault }) {
  const t = useWords(documentsWords);
  const f = useFormats();
  const ui = useLanguage();
  const { entries } = useRegistry(vault);
  const [people, setPeople] = useState<RecordView[]>([]);
  const names = useOpened<{ name?: string }>(vault, 'person', people);
  const [held, setHeld] = useState<Set<string>>(new Set());
  const [chosen, setChosen] = useState<string[]>([]);
  const [prepared, setPrepared] = useState<{ bundle: Bundle; opened: Opened } | null>(null);
  // The organization's name heads the document; it comes with the records.
  const [organization, setOrganization] = useState('');
  const [kind, setKind] = useState<CommunicationKind>('allegation-letter');
  const [suggested, setSuggested] = useState<CommunicationKind>('allegation-letter');
  // The document's language: the member's at first, changeable (the workspace around it stays in the member's).
  const [language, setDocumentLanguage] = useState<Language>(ui.language);
  const [addressedTo, setAddressedTo] = useState(() => addressees(ui.language));
  const [contact, setContact] = useState('');
  const [circumstances, setCircumstances] = useState('');
  const [remedies, setRemedies] = useState('');
  const [confidential, setConfidential] = useState('');
  const [requests, setRequests] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  // Which communication was marked as sent (kind, day, people): its button stays off, a second follow-up is not offered.
  const [sending, setSending] = useState(false);
  const [sentFor, setSentFor] = useState<string | null>(null);

  /** A new document language brings its addressees with it, unless the team changed them. */
  function setLanguage(next: Language) {
    if (addressedTo === addressees(language)) setAddressedTo(addressees(next));
    setDocumentLanguage(next);
  }

  useEffect(() => {
    api<{ records: RecordView[] }>('/api/records/person?limit=1000&merged=exclude').then((r) => setPeople(r.records), (e) => setError(messageOf(e, t('peopleNotLoaded'))));
    api<{ held: { personId: string }[] }>('/api/board/held').then((r) => setHeld(new Set(r.held.map((h) => h.personId))), () => undefined);
  }, []);

  async function prepare(e: Event) {
    e.preventDefault();
    setError(null);
    if (!chosen.length) {
      setError(t('chooseSomeone'));
      return;
    }
    setBusy(true);
    try {
      const bundle = await loadBundle(chosen);
      const opened = await openBundle(vault, bundle);
      const kindNow = suggestedKind(anyoneHeld(bundle));
      setPrepared({ bundle, opened });
      setOrganization(bundle.organization);
      setSuggested(kindNow);
      setKind(kindNow);
      setCircumstances(circumstancesDraft(bundle, opened, language));
      setSaid(t('prepared', { count: chosen.length, kind: kindArg(kindNow) }));
    } catch (e) {
      setError(messageOf(e, t('recordsNotOpened')));
    } finally {
      setBusy(false);
    }
  }

  const draft = useMemo<{ communication: UnCommunication | null; problem: string | null }>(() => {
    if (!prepared) return { communication: null, problem: null };
    try {
      const communication = buildCommunication(prepared.bundle, prepared.opened, entries, {
        kind,
        language,
        preparedOn: today(),
        organization,
        contact,
        addressedTo: lines(addressedTo),
        circumstances,
        domesticRemedies: remedies,
        confidential: lines(confidential),
        requests,
      });
      return { communication, problem: null };
    } catch {
      // The schema refused the draft (e.g. a text over its limit): say so rather than make a bad file.
      return { communication: null, problem: t('tooLong') };
    }
  }, [prepared, entries, kind, language, organization, contact, addressedTo, circumstances, remedies, confidential, requests, t]);
  const communication = draft.communication;
  const doc = useMemo(() => (communication ? communicationDocument(communication) : null), [communication]);

  async function save(format: 'pdf' | 'html' | 'json') {
    if (!communication || !doc) return;
    setError(null);
    setBusy(true);
    try {
      const name = (ext: string) => fileName(communication.kind, communication.preparedOn, communication.language, ext);
      if (format === 'pdf') download(await pdfOf(doc), name('pdf'), 'application/pdf');
      else if (format === 'html') download(htmlOf(doc), name('html'), 'text/html');
      else download(`${JSON.stringify(communication, null, 2)}\n`, name('json'), 'application/json');
      await audit('un-communication', 'generated', format, chosen.length);
      setSaid(t(format === 'pdf' ? 'pdfReady' : format === 'html' ? 'htmlReady' : 'jsonReady'));
    } catch (e) {
      setError(messageOf(e, t('fileFailed')));
    } finally {
      setBusy(false);
    }
  }

  const sentKey = prepared ? `${kind} ${today()} ${prepared.bundle.people.map((p) => p.id).join(',')}` : null;

  /** One follow-up per person, sent in one request; the server stores them whole and never twice. */
  async function markSent() {
    if (!prepared || !communication || !sentKey) return;
    setError(null);
    setSending(true);
    try {
      const day = today();
      const notes = t('sentNote', { kind: kindArg(kind), day: f.day(day) });
      const parties = lines(addressedTo).join('; ');
      const followUps = await Promise.all(
        prepared.bundle.people.map(async (person) => {
          const id = crypto.randomUUID();
          const incidentId = (prepared.bundle.acts.find((a) => a.plain.personId === person.id)?.plain.incidentId as string | undefined) ?? null;
          return { id, record: { ...appealFollowUp(kind, day, person.id, incidentId), secret: await sealNew(vault, 'intervention', id, { parties, notes }) } };
        }),
      );
      const { recorded } = await api<{ recorded: number; already: number }>('/api/documents/appeal-sent', { kind, day, followUps });
      setSentFor(sentKey);
      const due = appealFollowUp(kind, day, '', null).dueOn;
      setSaid(recorded > 0 ? t('sentSaid', { count: recorded, day: f.day(day), due: f.day(due) }) : t('alreadySent'));
    } catch (e) {
      setError(messageOf(e, t('sentFailed')));
    } finally {
      setSending(false);
    }
  }

  const excluded = prepared ? prepared.bundle.people.filter((p) => unNaming(p.plain) === 'excluded').length : 0;
  return (
    <main class="wide-ish document-page">
      <PageHeading>{t('appealTitle')}</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <p>{t('appealIntro')}</p>
      <form class="document-form" onSubmit={prepare} aria-label={t('peopleConcerned')}>
        <fieldset>
          <legend>{t('peopleConcerned')}</legend>
          {people.length === 0 && <p class="hint">{t('noPeople')}</p>}
          <ul class="people-pick">
            {people.map((p) => {
              const naming = unNaming(p.plain);
              return (
                <li key={p.id} data-person={p.code}>
                  <input
                    type="checkbox"
                    id={`appeal-person-${p.id}`}
                    checked={chosen.includes(p.id)}
                    onChange={(e) => {
                      setPrepared(null);
                      setChosen((c) => (e.currentTarget.checked ? [...c, p.id] : c.filter((x) => x !== p.id)));
                    }}
                  />{' '}
                  <label for={`appeal-person-${p.id}`}>
                    {t('personChoice', {
                      code: p.code,
                      name: names.get(p.id)?.name ?? '',
                      consent: termLabel(CONSENT_SHARING, String(p.plain.consentSharing), ui.language),
                      naming,
                      preference: termLabel(NAME_PREFERENCES, String(p.plain.namePreference), ui.language).toLocaleLowerCase(ui.language),
                      held: held.has(p.id) ? 'yes' : 'no',
                    })}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <button type="submit" disabled={busy}>
          {t('prepare')}
        </button>
      </form>
      <Feedback error={error ?? draft.problem} said={said} />
      {prepared && (
        <section aria-labelledby="appeal-details" class="document-form">
          <h2 id="appeal-details">{t('details')}</h2>
          {excluded > 0 && <p>{t('notConsented', { count: excluded })}</p>}
          <fieldset>
            <legend>{t('kindOfCommunication')}</legend>
            {(['urgent-appeal', 'allegation-letter'] as const).map((k) => (
              <div class="choice" key={k}>
                <input type="radio" name="appeal-kind" id={`appeal-kind-${k}`} checked={kind === k} onChange={() => setKind(k)} />
                <label for={`appeal-kind-${k}`}>
                  {t(KIND_NAMES[k])}
                  {suggested === k ? ` ${t('suggestedFromCustody')}` : ''}
                </label>
              </div>
            ))}
          </fieldset>
          <div class="grid">
            <div>
              <LanguageSelect id="appeal-language" label={t('documentLanguage')} value={language} onChange={setLanguage} />
            </div>
            <div>
              <label for="appeal-contact">{t('contact')}</label>
              <input id="appeal-contact" value={contact} onInput={(e) => setContact(e.currentTarget.value)} />
            </div>
          </div>
          <label for="appeal-to">{t('addressedTo')}</label>
          <textarea id="appeal-to" value={addressedTo} onInput={(e) => setAddressedTo(e.currentTarget.value)} />
          <label for="appeal-circumstances">{t('circumstances')}</label>
          <textarea id="appeal-circumstances" value={circumstances} onInput={(e) => setCircumstances(e.currentTarget.value)} />
          <label for="appeal-remedies">{t('remedies')}</label>
          <textarea id="appeal-remedies" value={remedies} onInput={(e) => setRemedies(e.currentTarget.value)} />
          <label for="appeal-confidential">{t('confidential')}</label>
          <textarea id="appeal-confidential" value={confidential} onInput={(e) => setConfidential(e.currentTarget.value)} />
          <label for="appeal-requests">{t('requests')}</label>
          <textarea id="appeal-requests" value={requests} onInput={(e) => setRequests(e.currentTarget.value)} />
          <div class="actions">
            <button type="button" onClick={() => void audit('un-communication', 'generated', 'print', chosen.length).finally(() => window.print())} disabled={busy || !doc}>
              {t('print')}
            </button>
            <button type="button" onClick={() => void save('pdf')} disabled={busy || !doc}>
              {t('downloadPdf')}
            </button>
            <button type="button" class="secondary" onClick={() => void save('html')} disabled={busy || !doc}>
              {t('downloadHtml')}
            </button>
            <button type="button" class="secondary" onClick={() => void save('json')} disabled={busy || !doc}>
              {t('downloadJson')}
            </button>
            <button type="button" class="secondary" onClick={() => void markSent()} disabled={busy || sending || !doc || sentFor === sentKey} data-mark-sent>
              {sentFor === sentKey ? t('recordedSent') : sending ? t('markingSent') : t('markSent')}
            </button>
          </div>
          <p class="hint">{t('followUpHint', { urgentDays: FOLLOW_UP_DAYS['urgent-appeal'], letterDays: FOLLOW_UP_DAYS['allegation-letter'] })}</p>
        </section>
      )}
      {doc && <DocumentView doc={doc} label={t('appealPreview')} />}
    </main>
  );
}
