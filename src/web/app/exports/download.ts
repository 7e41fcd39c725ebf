// Saves an export: streams GET /api/export through the decrypting transform (identity opened
// here, with the member's records key) into a file. With the File System Access API the file is
// written as rows arrive and only appears when complete (abort() discards it); otherwise pieces
// are gathered as Blobs and handed to an <a download> at the end.
import { finishExport, type FinishResult } from '../../../core/exports/decrypt.ts';
import type { ExportFormat } from '../../../core/exports/fields.ts';
import type { Keyring } from '../../../core/keyring.ts';
import { ApiError, apiResponse } from '../session/api.ts';
import { saveFile } from '../ui/save-file.ts';
import { translator } from '../../../core/i18n/message.ts';
import { commonWords } from '../i18n/common-words.ts';
import { currentLanguage } from '../i18n/language.ts';
import { exportWords } from './words.ts';

const words = () => translator(exportWords, currentLanguage());

export interface ExportChoice {
  format: ExportFormat;
  fields: string[];
  from: string;
  to: string;
  incident: string;
  bom: boolean;
}

interface FileSink {
  write(piece: string): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

type SavePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<{ createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void>; abort(): Promise<void> }> }>;

const MIME: Record<ExportFormat, string> = { csv: 'text/csv', json: 'application/json' };

/** Asks where to save (must run first, while the click still counts as the user's gesture). */
async function openSink(format: ExportFormat, name: string): Promise<FileSink | null> {
  const host = window as unknown as { showSaveFilePicker?: SavePicker };
  if (typeof host.showSaveFilePicker === 'function') {
    // A cancelled picker rejects (AbortError): the caller stops quietly.
    const handle = await host.showSaveFilePicker({ suggestedName: name, types: [{ description: format.toUpperCase(), accept: { [MIME[format]]: [`.${format}`] } }] });
    const writable = await handle.createWritable();
    return { write: (piece) => writable.write(piece), close: () => writable.close(), abort: () => writable.abort() };
  }
  let parts: Blob[] = [];
  return {
    write: async (piece) => void parts.push(new Blob([piece])),
    close: async () => {
      saveFile(parts, name, `${MIME[format]};charset=utf-8`);
      parts = [];
    },
    abort: async () => void (parts = []),
  };
}

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export function exportQuery(choice: ExportChoice): string {
  const query = new URLSearchParams({ format: choice.format, fields: choice.fields.join(',') });
  if (choice.from) query.set('from', choice.from);
  if (choice.to) query.set('to', choice.to);
  if (choice.incident.trim()) query.set('incident', choice.incident.trim());
  if (choice.bom && choice.format === 'csv') query.set('bom', '1');
  return query.toString();
}

export interface Progress {
  rows: number;
  expected: number | null;
}

/** Returns null when the member cancelled the save dialog. */
export async function saveExport(choice: ExportChoice, keyring: Keyring, onProgress: (progress: Progress) => void, signal: AbortSignal): Promise<FinishResult | null> {
  const name = `vigil-export-${new Date().toISOString().slice(0, 10)}.${choice.format}`;
  let sink: FileSink | null;
  try {
    sink = await openSink(choice.format, name);
  } catch (error) {
    if ((error as Error).name === 'AbortError') return null;
    throw error;
  }
  if (!sink) return null;
  try {
    const response = await apiResponse(`/api/export?${exportQuery(choice)}`, { signal });
    if (!response.body) throw new ApiError(0, 'network', translator(commonWords, currentLanguage())('unreachable'));
    const expected = Number(response.headers.get('x-vigil-export-rows')) || null;
    const result: FinishResult = { rows: 0, unopened: 0 };
    onProgress({ rows: 0, expected });
    for await (const piece of finishExport(chunksOf(response.body), { format: choice.format, keyring, onRows: (rows) => onProgress({ rows, expected }) }, result)) {
      await sink.write(piece);
    }
    await sink.close();
    return result;
  } catch (error) {
    await sink.abort().catch(() => undefined);
    if (signal.aborted) throw new ApiError(0, 'cancelled', words()('stopped'));
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, 'interrupted', words()('interrupted'));
  }
}
