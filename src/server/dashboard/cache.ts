// The dashboard's answers, kept until the records change. Every change to a record appends to the
// audit log in the same transaction (src/server/audit/log.ts), so the audit head's sequence number
// says whether anything changed: the same number means the same counts. (Other audited actions,
// such as a login, also move it; that only costs a recount.) Reading it is one row; a recount at
// 100,000 acts is a few dozen milliseconds of grouped scans, which a team refreshing the page
// during a crackdown would otherwise repeat for each member.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';

const MAX_ENTRIES = 64;

export class AnswerCache<T> {
  private seq = -1;
  private entries = new Map<string, Promise<T>>();

  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    // Read before computing: an answer is never older than the number it is filed under.
    const head = await this.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
    const seq = Number(head?.seq ?? 0);
    if (seq !== this.seq) {
      this.seq = seq;
      this.entries.clear();
    }
    let answer = this.entries.get(key);
    if (!answer) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      answer = compute();
      this.entries.set(key, answer);
      // A failed count is not kept: the next call tries again.
      answer.catch(() => this.entries.get(key) === answer && this.entries.delete(key));
    }
    return answer;
  }
}
