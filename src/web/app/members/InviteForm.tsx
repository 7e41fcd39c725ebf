// Makes a single-use invitation link for a role. The link is shown once.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { ROLES, ROLE_HINTS, ROLE_NAMES, type Role } from './roles.ts';
import { Feedback } from '../Feedback.tsx';

export function InviteForm({ onCreated }: { onCreated: () => void }) {
  const [role, setRole] = useState<Role>('documenter');
  const [created, setCreated] = useState<{ link: string; role: Role } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCopied('');
    try {
      const { link } = await api<{ id: string; link: string }>('/api/invitations', { role });
      setCreated({ link, role });
      onCreated();
    } catch (e) {
      setError(messageOf(e, 'The invitation could not be made.'));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.link);
      setCopied('Link copied.');
    } catch {
      (document.getElementById('invite-link') as HTMLInputElement | null)?.select();
      setCopied('Copying is not allowed here: the link is selected, copy it with Ctrl+C.');
    }
  }

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <form onSubmit={submit} class="inline-form">
        <div>
          <label for="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)} aria-describedby="invite-role-hint">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
          <p class="hint" id="invite-role-hint">
            {role === 'admin' ? 'An' : 'A'} {ROLE_NAMES[role].toLowerCase()} {ROLE_HINTS[role]}.
          </p>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Making the link…' : 'Create invitation link'}
        </button>
      </form>
      <Feedback error={error} />
      {created && (
        <div class="invite-link">
          <label for="invite-link">
            Invitation link for {created.role === 'admin' ? 'an' : 'a'} {ROLE_NAMES[created.role].toLowerCase()}
          </label>
          <div class="inline-form">
            <input id="invite-link" readOnly value={created.link} onFocus={(e) => e.currentTarget.select()} aria-describedby="invite-link-hint" />
            <button type="button" onClick={copy}>
              Copy link
            </button>
          </div>
          <p class="hint" id="invite-link-hint">
            It works once and expires in 72 hours. It is shown only now. Send it over a channel you trust, then compare
            safety codes with the person before you grant access.
          </p>
        </div>
      )}
      <p role="status" class="status">
        {created ? (copied || 'Invitation link created.') : ''}
      </p>
    </section>
  );
}
