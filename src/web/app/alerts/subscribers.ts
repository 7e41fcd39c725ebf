// The confirmed subscribers, opened in this browser with the intake key this member holds.
import { api } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { openSubscribers, type OpenedSubscribers } from '../../../core/alerts/recipients.ts';
import type { SubscriberView } from '../../../core/api/alerts.ts';

export async function openedSubscribers(vault: Vault): Promise<OpenedSubscribers> {
  const { subscribers } = await api<{ subscribers: SubscriberView[] }>('/api/alerts/subscribers');
  return openSubscribers(subscribers, vault.keyring);
}
