// What `vigil` says it can do: every command's usage, in one light module, so that printing it (or an
// error with it) loads no command's code.
import { MAX_PEOPLE } from './people-csv.ts';
import { DEFAULT_INTERVALS } from '../../core/estimate/select.ts';

export const EXPORT_USAGE = `  vigil export --server URL --email EMAIL [--passphrase-file FILE] [--format csv|json]
               [--fields a,b,c] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--incident I-0001|ID]
               [--bom] [--lang az|ru|en] [--out FILE]
                           export records (docs/export.md); stdout when no --out`;

export const LINK_USAGE = `  vigil link --in people.csv --out clusters.csv [--pairs pairs.csv] [--force]
                           the records of one person in a list, on this machine
                           (columns id, name; other_names, birth_year, city, event_date;
                           at most ${MAX_PEOPLE.toLocaleString('en')} rows; --force overwrites the output)`;

export const ESTIMATE_USAGE = `  vigil estimate --in histories.csv [--model "[12][3]"] [--select aic|bic]
                 [--intervals all|N] [--json]
                           how many people no list documented (multiple systems estimation):
                           one 0/1 column per list, an optional count column; the model by
                           list position, else the best by --select (aic); profile intervals
                           for the ${DEFAULT_INTERVALS} best models unless --intervals says more`;

export const BACKUP_USAGE = `  vigil backup --out FILE  one sealed backup of everything (database, attachments, server
                           secret); opens only with an administrator's passphrase or the
                           trustees' shares; never overwrites FILE`;

export const RESTORE_USAGE = `  vigil restore --in FILE [--email EMAIL --passphrase-file FILE | --shares FILE,FILE,...]
                           a backup into an empty data folder or empty DATABASE_URL (either
                           database); asks for an administrator's email and passphrase on a
                           terminal unless given; --shares: the trustees' shares, one per file`;

export const USAGE = `Usage:
  vigil start
  vigil init --org NAME --admin-email EMAIL --passphrase-file FILE [--title TITLE] [--languages az,ru,en] [--time-zone Asia/Baku]
  vigil audit verify       check the audit log's hash chain; names the first broken entry
${BACKUP_USAGE}
${RESTORE_USAGE}
${EXPORT_USAGE}
${LINK_USAGE}
${ESTIMATE_USAGE}

Environment: PORT, HOST, VIGIL_DATA, DATABASE_URL, VIGIL_SECRET_FILE (see README).`;

export function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}
