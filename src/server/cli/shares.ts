// The trustees' shares for `vigil restore --shares FILE,FILE,…`: one share per file, as printed
// (its words, or the QR code's text). Each problem names the share or file at fault.
import { readFileSync } from 'node:fs';
import { parseShare, ShareError, type RecoveryShare } from '../../core/recovery/shares.ts';
import { CliFailure } from './failure.ts';

export function shareProblem(error: ShareError, file?: string): string {
  const which = file ? `The share in ${file}` : `Share ${error.share ?? ''}`.trim();
  switch (error.code) {
    case 'mistyped':
      return `${which} has a word that is not a share word${error.detail.word ? ` (word ${error.detail.word})` : ''}, or a typing mistake: check it against the printed sheet.`;
    case 'unreadable':
      return `${which} cannot be read as a share${error.detail.words ? ` (${error.detail.words} words)` : ''}: give the whole sheet's words, or the QR code's text.`;
    case 'not-enough':
      return 'Not enough shares: the kit needs more trustees\u2019 shares than were given.';
    case 'foreign':
      return `${which} belongs to another recovery kit than the one this backup was made for, or the backup file\u2019s header was altered.`;
    case 'duplicate':
      return `${which} was given twice: each trustee\u2019s share counts once.`;
    case 'wrong':
      return 'These shares do not give this backup\u2019s recovery key: one of them is wrong (altered, or from another sheet), or the backup file\u2019s header was altered.';
  }
}

export function readShareFiles(files: string[]): RecoveryShare[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new CliFailure(`Cannot read the share file ${file}.`);
    }
    try {
      return parseShare(text);
    } catch (error) {
      if (error instanceof ShareError) throw new CliFailure(shareProblem(error, file));
      throw error;
    }
  });
}
