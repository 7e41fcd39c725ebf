// The channels (GET /api/channels) with their names opened here: a name is sealed to the records
// key like a record's fields, bound to the channel's id. The report form has no sealed name.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Vault } from '../vault.ts';
import { openFields } from '../../../core/records/sealing.ts';
import type { ChannelView } from '../../../core/records/channels.ts';

export interface OpenedChannel extends ChannelView {
  /** The opened name; null for the report form, or where this member cannot open it. */
  name: string | null;
}

async function opened(vault: Vault, channel: ChannelView): Promise<OpenedChannel> {
  if (!channel.secret) return { ...channel, name: null };
  try {
    return { ...channel, name: (await openFields<{ name: string }>(channel.secret, 'channel', channel.id, vault.keyring)).name };
  } catch {
    return { ...channel, name: null };
  }
}

export function useChannels(vault: Vault): { channels: OpenedChannel[] | null; error: unknown } {
  const [channels, setChannels] = useState<OpenedChannel[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api<{ channels: ChannelView[] }>('/api/channels')
      .then((r) => Promise.all(r.channels.map((c) => opened(vault, c))))
      .then((list) => live && setChannels(list), (e) => live && setError(e));
    return () => {
      live = false;
    };
  }, []);
  return { channels, error };
}
