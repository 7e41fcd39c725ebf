// Channels from the workspace's side: names are sealed here like a record's fields (bound to the
// channel's id) and opened here; the report form's name is the workspace's own. Labels of the kinds
// come from CHANNEL_KINDS only.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { CHANNEL_KINDS, type ChannelKind, type ChannelView } from '../../../core/records/channels.ts';
import { openFields } from '../../../core/records/sealing.ts';
import { termLabel } from '../ui/fields.tsx';
import { sealAgain, sealNew } from '../session/sealing.ts';
import { currentLanguage } from '../i18n/language.ts';

/** A channel with its name opened (null where it does not open here, e.g. for a viewer). */
/** A channel select's value for "no channel". */
export const NO_CHANNEL = '';

export interface Channel extends ChannelView {
  name: string | null;
}

/** A kind's label, in the workspace's language unless another is asked for (a document's). */
export const kindLabel = (kind: ChannelKind | string, language: Language = currentLanguage()): string => termLabel(CHANNEL_KINDS, kind, language);

/** What a member reads for a channel: its name, or its kind where it has no name of its own (the form) or the name does not open. */
export const channelTitle = (channel: Channel, language: Language = currentLanguage()): string => (channel.secret === null ? null : channel.name) ?? kindLabel(channel.kind, language);

async function opened(vault: Vault, channel: ChannelView): Promise<Channel> {
  if (!channel.secret) return { ...channel, name: kindLabel(channel.kind) };
  try {
    return { ...channel, name: (await openFields<{ name: string }>(channel.secret, 'channel', channel.id, vault.keyring)).name };
  } catch {
    return { ...channel, name: null };
  }
}

export async function fetchChannels(vault: Vault): Promise<Channel[]> {
  const { channels } = await api<{ channels: ChannelView[] }>('/api/channels');
  return Promise.all(channels.map((c) => opened(vault, c)));
}

/** The channels, names opened; `reload()` after a change. */
export function useChannels(vault: Vault): { channels: Channel[] | null; error: boolean; reload: () => void } {
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [error, setError] = useState(false);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    fetchChannels(vault).then(
      (c) => live && (setChannels(c), setError(false)),
      () => live && setError(true),
    );
    return () => {
      live = false;
    };
  }, [round]);
  return { channels, error, reload: () => setRound((n) => n + 1) };
}

export async function addChannel(vault: Vault, kind: ChannelKind, name: string): Promise<ChannelView> {
  const id = crypto.randomUUID();
  const { channel } = await api<{ channel: ChannelView }>('/api/channels', { id, record: { kind, secret: await sealNew(vault, 'channel', id, { name }) } });
  return channel;
}

export async function changeChannel(vault: Vault, channel: ChannelView, kind: ChannelKind, name: string): Promise<ChannelView> {
  const secret = await sealAgain(vault, 'channel', channel.id, channel.secret!, { name });
  return (await api<{ channel: ChannelView }>(`/api/channels/${channel.id}`, { version: channel.version, record: { kind, secret } })).channel;
}

export const retireChannel = (channel: ChannelView, retired: boolean) => api<{ channel: ChannelView }>(`/api/channels/${channel.id}/${retired ? 'retire' : 'restore'}`, {});

/** Moves a source to another channel, or to none (coordinators and administrators). */
export const moveSource = (sourceId: string, channelId: string | null) => api<{ id: string; version: number; channelId: string | null }>(`/api/sources/${sourceId}/channel`, { channelId });
