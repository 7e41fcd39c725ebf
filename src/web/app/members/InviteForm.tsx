// Makes a single-use invitation link for a role. The link is shown once.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { ROLES, roleHint, useRoleName, type Role } from './roles.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

export function InviteForm({ onCreated }: { onCreated: () => void }) {
  const [role, setRole] = useState<Role>('documenter');
  const [created, setCreated] = useState<{ link: string; role: Role } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const t = useWords(membersWords);
  const roleName = useRoleName();
  const { language } = useLanguage();

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
      setError(messageOf(e, t('inviteFailed')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t('inviteTitle')}</h2>
      <form onSubmit={submit} class="inline-form">
        <div>
          <label for="invite-role">{t('role')}</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)} aria-describedby="invite-role-hint">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
          <p class="hint" id="invite-role-hint">
            {roleHint(role, language)}
          </p>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('makingLink') : t('createLink')}
        </button>
      </form>
      <Feedback error={error} />
      {created && <CreatedLink created={created} onCopied={setCopied} />}
      <p role="status" class="status">
        {created ? copied || t('linkCreated') : ''}
      </p>
    </section>
  );
}

/** The new link, shown once, and copying it (or selecting it where the clipboard is not allowed). */
function CreatedLink({ created, onCopied }: { created: { link: string; role: Role }; onCopied: (said: string) => void }) {
  const t = useWords(membersWords);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.link);
      onCopied(t('linkCopied'));
    } catch {
      (document.getElementById('invite-link') as HTMLInputElement | null)?.select();
      onCopied(t('copyNotAllowed'));
    }
  }
  return (
    <div class="invite-link">
      <label for="invite-link">
        {t('linkFor', { role: created.role })}
      </label>
      <div class="inline-form">
        <input id="invite-link" readOnly value={created.link} onFocus={(e) => e.currentTarget.select()} aria-describedby="invite-link-hint" />
        <button type="button" onClick={copy}>
          {t('copyLink')}
        </button>
      </div>
      <p class="hint" id="invite-link-hint">
        {t('linkHint')}
      </p>
    </div>
  );
}
