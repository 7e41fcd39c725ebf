// Every way a backup file can fail to open, named, so `vigil restore` says which (and exits 2)
// instead of a stack trace. Never carries anything read from inside the file.

export type BackupProblem =
  | 'not-a-backup'
  | 'newer-format'
  | 'truncated'
  | 'altered'
  | 'reordered'
  | 'foreign'
  | 'wrong-passphrase'
  | 'no-kit'
  | 'newer-vigil';

const MESSAGES: Record<BackupProblem, string> = {
  'not-a-backup': 'This is not a Vigil backup file.',
  'newer-format': 'This backup was written by a newer Vigil: update Vigil, then restore.',
  truncated: 'This backup file is incomplete (truncated): it ends before its last part. Copy it again from where it is kept.',
  altered: 'This backup file was altered or damaged: a part of it does not open with its own key.',
  reordered: 'This backup file was altered: its parts are out of order.',
  foreign: "This backup does not belong to these keys: it was made for another organization's backup key, or the file's header was altered.",
  'wrong-passphrase': "Wrong email or passphrase (no administrator of this backup has them), or the file's header was altered.",
  'no-kit': 'This backup was made before the organization had a recovery kit: the trustees\u2019 shares cannot open it. Use an administrator\u2019s email and passphrase.',
  'newer-vigil': 'This backup comes from a newer Vigil (its database is at a later migration): update Vigil, then restore.',
};

export class BackupError extends Error {
  constructor(
    readonly problem: BackupProblem,
    /** Which part of the file, when it says more (e.g. "part 3"). */
    readonly where?: string,
  ) {
    super(where ? `${MESSAGES[problem]} (${where})` : MESSAGES[problem]);
    this.name = 'BackupError';
  }
}
