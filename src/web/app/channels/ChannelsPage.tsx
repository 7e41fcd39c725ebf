// Coordinators and administrators define the channels: the lists an estimate is made of. Names are
// sealed and opened in this browser; the report form is built in. A retired channel stays on the
// sources it is on but is no longer offered for new ones.
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import { CHANNEL_KINDS, CREATABLE_KINDS, type ChannelKind } from '../../../core/records/channels.ts';
import { TermSelect, TextField } from '../ui/fields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { addChannel, changeChannel, channelTitle, kindLabel, retireChannel, useChannels, type Channel } from './client.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { channelsWords } from './words.ts';

type CreatableKind = (typeof CREATABLE_KINDS)[number];
/** The kinds a member may choose, labelled from CHANNEL_KINDS. */
export const CREATABLE_TERMS = CHANNEL_KINDS.filter((k): k is Extract<(typeof CHANNEL_KINDS)[number], { key: CreatableKind }> => (CREATABLE_KINDS as readonly string[]).includes(k.key));

export function ChannelsPage({ vault }: { vault: Vault }) {
  const t = useWords(channelsWords);
  const common = useWords(commonWords);
  const { channels, error: unreadable, reload } = useChannels(vault);
  return (
    <main class="wide-ish">
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <AddChannel vault={vault} onSaved={reload} />
      <section aria-labelledby="channels-list">
        <h2 id="channels-list">{t('listHeading')}</h2>
        {unreadable && <p role="alert">{t('notLoaded')}</p>}
        {!channels && !unreadable && <p role="status">{common('loading')}</p>}
        <ul class="cards">
          {channels?.map((c) => (
            <ChannelRow key={`${c.id}@${c.version}`} vault={vault} channel={c} onSaved={reload} />
          ))}
        </ul>
      </section>
    </main>
  );
}

function AddChannel({ vault, onSaved }: { vault: Vault; onSaved: () => void }) {
  const t = useWords(channelsWords);
  const [kind, setKind] = useState<CreatableKind>('lawyers');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');

  async function add(event: Event) {
    event.preventDefault();
    setError(null);
    if (!name.trim()) return setError(t('giveName'));
    try {
      await addChannel(vault, kind, name.trim());
      say(t('added', { name: name.trim() }));
      setName('');
      onSaved();
    } catch (e) {
      setError(messageOf(e, t('notAdded')));
    }
  }
  return (
    <form class="card" onSubmit={add} aria-labelledby="add-channel">
      <h2 id="add-channel">{t('addHeading')}</h2>
      <TermSelect id="channel-kind" label={t('kind')} terms={CREATABLE_TERMS} value={kind} onChange={setKind} />
      <TextField id="channel-name" label={t('nameEncrypted')} hint={t('nameHint')} value={name} onChange={setName} />
      <Feedback error={error} said={said} />
      <button type="submit">{t('add')}</button>
    </form>
  );
}

function ChannelRow({ vault, channel, onSaved }: { vault: Vault; channel: Channel; onSaved: () => void }) {
  const t = useWords(channelsWords);
  const common = useWords(commonWords);
  const { language } = useLanguage();
  const builtIn = channel.secret === null;
  const [kind, setKind] = useState(channel.kind as CreatableKind);
  const [name, setName] = useState(channel.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const title = channelTitle(channel, language);

  async function act(change: () => Promise<unknown>, failed: string) {
    setError(null);
    try {
      await change();
      onSaved();
    } catch (e) {
      setError(messageOf(e, failed));
    }
  }
  const rename = (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return setError(t('giveName'));
    void act(() => changeChannel(vault, channel, kind as ChannelKind, name.trim()), t('notChanged'));
  };
  const id = (part: string) => `channel-${part}-${channel.id}`;
  return (
    <li data-channel={channel.id} class="card">
      <h3>{channel.retired ? t('retiredMark', { title }) : title}</h3>
      <p class="hint">
        {builtIn ? t('builtIn') : kindLabel(channel.kind, language)}
        {channel.retired && ` · ${t('retiredHint')}`}
      </p>
      {!builtIn && channel.name !== null && (
        <>
          <form class="inline-form" onSubmit={rename} aria-label={t('change', { title })}>
            <TermSelect id={id('kind')} label={t('kind')} terms={CREATABLE_TERMS} value={kind} onChange={setKind} />
            <TextField id={id('name')} label={t('name')} value={name} onChange={setName} />
            <button type="submit" class="small">
              {common('save')}
            </button>
          </form>
          <button type="button" class="small" onClick={() => void act(() => retireChannel(channel, !channel.retired), t('notChangedShort'))}>
            {t(channel.retired ? 'offerAgain' : 'retire')}
            <span class="visually-hidden"> {t('forChannel', { title })}</span>
          </button>
        </>
      )}
      <Feedback error={error} />
    </li>
  );
}
