// Coordinators and administrators define the channels: the lists an estimate is made of. Names are
// sealed and opened in this browser; the report form is built in. A retired channel stays on the
// sources it is on but is no longer offered for new ones.
import { useState } from 'preact/hooks';
import { messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import type { Vault } from '../vault.ts';
import { CHANNEL_KINDS, CREATABLE_KINDS, type ChannelKind } from '../../../core/records/channels.ts';
import { TermSelect, TextField } from '../records/fields.tsx';
import { Feedback } from '../Feedback.tsx';
import { addChannel, changeChannel, channelTitle, kindLabel, retireChannel, useChannels, type Channel } from './client.ts';

type CreatableKind = (typeof CREATABLE_KINDS)[number];
/** The kinds a member may choose, labelled from CHANNEL_KINDS. */
export const CREATABLE_TERMS = CHANNEL_KINDS.filter((k): k is Extract<(typeof CHANNEL_KINDS)[number], { key: CreatableKind }> => (CREATABLE_KINDS as readonly string[]).includes(k.key));

export function ChannelsPage({ vault }: { vault: Vault }) {
  const { channels, error: unreadable, reload } = useChannels(vault);
  return (
    <main class="wide-ish">
      <PageHeading>Channels</PageHeading>
      <p>
        Each channel is one list in an estimate: a way you learn of people, independent of the others as far as possible — your report form, a lawyers' network, a partner
        organization's bundles, media monitoring, a hotline. Every source of a record names the channel it came through; a person seen by several channels links the lists, and
        how much they overlap tells an estimate how many people none of them reached. Names are encrypted: the server sees only the kind.
      </p>
      <AddChannel vault={vault} onSaved={reload} />
      <section aria-labelledby="channels-list">
        <h2 id="channels-list">The channels</h2>
        {unreadable && <p role="alert">The channels could not be loaded.</p>}
        {!channels && !unreadable && <p role="status">Loading…</p>}
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
  const [kind, setKind] = useState<CreatableKind>('lawyers');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');

  async function add(event: Event) {
    event.preventDefault();
    setError(null);
    if (!name.trim()) return setError('Give the channel a name.');
    try {
      await addChannel(vault, kind, name.trim());
      say(`Channel “${name.trim()}” added.`);
      setName('');
      onSaved();
    } catch (e) {
      setError(messageOf(e, 'The channel could not be added.'));
    }
  }
  return (
    <form class="card" onSubmit={add} aria-labelledby="add-channel">
      <h2 id="add-channel">Add a channel</h2>
      <TermSelect id="channel-kind" label="Kind" terms={CREATABLE_TERMS} value={kind} onChange={setKind} />
      <TextField id="channel-name" label="Name (encrypted)" hint="E.g. the lawyers' group, the partner organization, the newspaper you follow." value={name} onChange={setName} />
      <Feedback error={error} said={said} />
      <button type="submit">Add the channel</button>
    </form>
  );
}

function ChannelRow({ vault, channel, onSaved }: { vault: Vault; channel: Channel; onSaved: () => void }) {
  const builtIn = channel.secret === null;
  const [kind, setKind] = useState(channel.kind as CreatableKind);
  const [name, setName] = useState(channel.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const title = channelTitle(channel);

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
    if (!name.trim()) return setError('Give the channel a name.');
    void act(() => changeChannel(vault, channel, kind as ChannelKind, name.trim()), 'The channel could not be changed.');
  };
  const id = (part: string) => `channel-${part}-${channel.id}`;
  return (
    <li data-channel={channel.id} class="card">
      <h3>
        {title}
        {channel.retired && ' (retired)'}
      </h3>
      <p class="hint">
        {builtIn ? 'Built in: every source that is a report of your inbox is in it.' : kindLabel(channel.kind)}
        {channel.retired && ' · Retired: it stays on the sources it is on, and is not offered for new ones.'}
      </p>
      {!builtIn && channel.name !== null && (
        <>
          <form class="inline-form" onSubmit={rename} aria-label={`Change ${title}`}>
            <TermSelect id={id('kind')} label="Kind" terms={CREATABLE_TERMS} value={kind} onChange={setKind} />
            <TextField id={id('name')} label="Name" value={name} onChange={setName} />
            <button type="submit" class="small">
              Save
            </button>
          </form>
          <button type="button" class="small" onClick={() => void act(() => retireChannel(channel, !channel.retired), 'It could not be changed.')}>
            {channel.retired ? 'Offer it again' : 'Retire it'}
            <span class="visually-hidden"> ({title})</span>
          </button>
        </>
      )}
      <Feedback error={error} />
    </li>
  );
}
