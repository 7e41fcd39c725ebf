// A communication to the UN Special Procedures for chosen people: an urgent appeal if someone is
// still held (suggested from the custody records, changeable) or an allegation letter. Named only
// as each person's consent allows; the rest counted. Made as HTML, PDF and JSON here in the
// browser; "Mark as sent" records a follow-up (intervention 'un-appeal') for each person concerned.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';
import { Feedback } from '../Feedback.tsx';
import type { Vault } from '../vault.ts';
import { createRecord, useOpened, useRegistry, type RecordView } from '../records/client.ts';
import { CONSENT_SHARING, NAME_PREFERENCES } from '../../../core/records/vocabulary.ts';
import type { Language } from '../../../core/report/answers.ts';
import { addDays, today } from '../../../core/records/custody.ts';
import { unNaming } from '../../../core/documents/consent.ts';
import { DOCUMENT_LABELS } from '../../../core/documents/labels.ts';
import { FOLLOW_UP_DAYS, communicationDocument, suggestedKind, type CommunicationKind, type UnCommunication } from '../../../core/documents/un-communication.ts';
import { termLabel } from '../records/fields.tsx';
import { DocumentView } from './DocumentView.tsx';
import { loadBundle, type Bundle } from './accounts.ts';
import { anyoneHeld, buildCommunication, circumstancesDraft, openBundle, type Opened } from './appeal-draft.ts';
import { audit, download, fileName, htmlOf, pdfOf } from './files.ts';
import { LanguageSelect } from '../LanguageSelect.tsx';

const KIND_NAMES: Record<CommunicationKind, string> = { 'urgent-appeal': 'Urgent appeal (someone is still held, or harm is imminent)', 'allegation-letter': 'Allegation letter (violations in the past)' };
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function AppealPage({ vault }: { vault: Vault }) {
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
  const [language, setLanguage] = useState<Language>('en');
  const [addressedTo, setAddressedTo] = useState('Working Group on Arbitrary Detention\nIndependent Expert on protection against violence and discrimination based on sexual orientation and gender identity');
  const [contact, setContact] = useState('');
  const [circumstances, setCircumstances] = useState('');
  const [remedies, setRemedies] = useState('');
  const [confidential, setConfidential] = useState('');
  const [requests, setRequests] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ records: RecordView[] }>('/api/records/person?limit=1000&merged=exclude').then((r) => setPeople(r.records), (e) => setError(messageOf(e, 'The people could not be loaded.')));
    api<{ held: { personId: string }[] }>('/api/board/held').then((r) => setHeld(new Set(r.held.map((h) => h.personId))), () => undefined);
  }, []);

  async function prepare(e: Event) {
    e.preventDefault();
    setError(null);
    if (!chosen.length) {
      setError('Choose at least one person.');
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
      setSaid(`Prepared for ${chosen.length} ${chosen.length === 1 ? 'person' : 'people'}. Suggested: ${kindNow === 'urgent-appeal' ? 'urgent appeal' : 'allegation letter'}.`);
    } catch (e) {
      setError(messageOf(e, 'The records could not be opened.'));
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
      return { communication: null, problem: 'The communication cannot be made from these details: a text may be too long.' };
    }
  }, [prepared, entries, kind, language, organization, contact, addressedTo, circumstances, remedies, confidential, requests]);
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
      setSaid(`The ${format.toUpperCase()} file is ready (downloaded).`);
    } catch (e) {
      setError(messageOf(e, 'The file could not be made.'));
    } finally {
      setBusy(false);
    }
  }

  async function markSent() {
    if (!prepared || !communication) return;
    setError(null);
    setBusy(true);
    try {
      const day = today();
      const due = addDays(day, FOLLOW_UP_DAYS[kind]);
      const to = lines(addressedTo).join('; ');
      for (const person of prepared.bundle.people) {
        const incidentId = (prepared.bundle.acts.find((a) => a.plain.personId === person.id)?.plain.incidentId as string | undefined) ?? null;
        await createRecord(
          vault,
          'intervention',
          { incidentId, personId: person.id, actId: null, type: 'un-appeal', onDay: day, status: 'sent', priority: kind === 'urgent-appeal' ? 'urgent' : 'high', dueOn: due },
          { parties: to, notes: `${kind === 'urgent-appeal' ? 'Urgent appeal' : 'Allegation letter'} sent to the UN Special Procedures on ${day}.` },
        );
      }
      await audit('un-communication', 'sent', null, prepared.bundle.people.length);
      setSaid(`Recorded as sent on ${day}: a follow-up is due on ${due} for each of the ${prepared.bundle.people.length} people (see Due soon).`);
    } catch (e) {
      setError(messageOf(e, 'It could not be recorded as sent.'));
    } finally {
      setBusy(false);
    }
  }

  const excluded = prepared ? prepared.bundle.people.filter((p) => unNaming(p.plain) === 'excluded').length : 0;
  return (
    <main class="wide-ish document-page">
      <PageHeading>UN communication</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <p>
        An urgent appeal or allegation letter to the UN Special Procedures. A person is named only if they consented to sharing with UN bodies (or public use), and then as they asked: full name,
        initials or not at all. People without that consent are left out and only counted; the document says so.
      </p>
      <form class="document-form" onSubmit={prepare} aria-label="People concerned">
        <fieldset>
          <legend>People concerned</legend>
          {people.length === 0 && <p class="hint">No people recorded.</p>}
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
                    {p.code} {names.get(p.id)?.name ?? ''} — consent: {termLabel(CONSENT_SHARING, String(p.plain.consentSharing))}
                    {naming === 'excluded' ? ' (will be counted only)' : `, named by ${termLabel(NAME_PREFERENCES, String(p.plain.namePreference)).toLowerCase()}`}
                    {held.has(p.id) ? ' — held now' : ''}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <button type="submit" disabled={busy}>
          Prepare the communication
        </button>
      </form>
      <Feedback error={error ?? draft.problem} said={said} />
      {prepared && (
        <section aria-labelledby="appeal-details" class="document-form">
          <h2 id="appeal-details">Details</h2>
          {excluded > 0 && <p>{excluded === 1 ? 'One person chosen has' : `${excluded} people chosen have`} not consented to be named to UN bodies: counted only.</p>}
          <fieldset>
            <legend>Kind of communication</legend>
            {(['urgent-appeal', 'allegation-letter'] as const).map((k) => (
              <div class="choice" key={k}>
                <input type="radio" name="appeal-kind" id={`appeal-kind-${k}`} checked={kind === k} onChange={() => setKind(k)} />
                <label for={`appeal-kind-${k}`}>
                  {KIND_NAMES[k]}
                  {suggested === k ? ' — suggested from the custody records' : ''}
                </label>
              </div>
            ))}
          </fieldset>
          <div class="grid">
            <div>
              <LanguageSelect id="appeal-language" label="Language" value={language} onChange={setLanguage} />
            </div>
            <div>
              <label for="appeal-contact">Contact for the mandate holders (confidential)</label>
              <input id="appeal-contact" value={contact} onInput={(e) => setContact(e.currentTarget.value)} />
            </div>
          </div>
          <label for="appeal-to">Addressed to (one mandate a line)</label>
          <textarea id="appeal-to" value={addressedTo} onInput={(e) => setAddressedTo(e.currentTarget.value)} />
          <label for="appeal-circumstances">Circumstances (drafted from the incidents; names of people not named are replaced)</label>
          <textarea id="appeal-circumstances" value={circumstances} onInput={(e) => setCircumstances(e.currentTarget.value)} />
          <label for="appeal-remedies">Domestic remedies: steps taken and their outcome, or why none was possible</label>
          <textarea id="appeal-remedies" value={remedies} onInput={(e) => setRemedies(e.currentTarget.value)} />
          <label for="appeal-confidential">What must stay confidential (one item a line)</label>
          <textarea id="appeal-confidential" value={confidential} onInput={(e) => setConfidential(e.currentTarget.value)} />
          <label for="appeal-requests">Requests to the mandate holders</label>
          <textarea id="appeal-requests" value={requests} onInput={(e) => setRequests(e.currentTarget.value)} />
          <div class="actions">
            <button type="button" onClick={() => void audit('un-communication', 'generated', 'print', chosen.length).finally(() => window.print())} disabled={busy || !doc}>
              Print
            </button>
            <button type="button" onClick={() => void save('pdf')} disabled={busy || !doc}>
              Download PDF
            </button>
            <button type="button" class="secondary" onClick={() => void save('html')} disabled={busy || !doc}>
              Download HTML
            </button>
            <button type="button" class="secondary" onClick={() => void save('json')} disabled={busy || !doc}>
              Download JSON
            </button>
            <button type="button" class="secondary" onClick={() => void markSent()} disabled={busy || !doc}>
              Mark as sent
            </button>
          </div>
          <p class="hint">
            Mark as sent records a follow-up for each person concerned: due in {FOLLOW_UP_DAYS['urgent-appeal']} days for an urgent appeal, {FOLLOW_UP_DAYS['allegation-letter']} days for an allegation
            letter ({DOCUMENT_LABELS.en.un.defaultAddressee} ask States to reply within 60 days).
          </p>
        </section>
      )}
      {doc && <DocumentView doc={doc} label="UN communication preview" />}
    </main>
  );
}
