// A reporter's plain form of files (it works with JavaScript off): read from multipart into memory,
// then each file hashed, stripped if it is an image and sealed to the intake key here, so that only
// sealed parts are stored. Every plain byte is zeroed once the answer is decided.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sealAttachment, type SealedAttachment } from '../../core/evidence/attachment.ts';
import type { PublicRecipient } from '../../core/crypto/sealed.ts';
import { HttpError } from '../http/errors.ts';
import { strippedImage } from './strip.ts';

export interface PlainFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** The form's fields and non-empty files; a part over the limits is a 413, anything else wrong a 400. */
export async function readReporterForm(request: FastifyRequest): Promise<{ fields: Map<string, string>; files: PlainFile[] }> {
  const files: PlainFile[] = [];
  const fields = new Map<string, string>();
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') fields.set(part.fieldname, String(part.value));
      else {
        const bytes = new Uint8Array(await part.toBuffer());
        if (bytes.length > 0) files.push({ name: part.filename.slice(0, 200), type: part.mimetype.slice(0, 100), bytes });
      }
    }
  } catch (e) {
    forget(files);
    const code = (e as { code?: string }).code ?? '';
    throw new HttpError(code.includes('LIMIT') || code.includes('TOO_LARGE') || code === 'FST_REQ_FILE_TOO_LARGE' ? 413 : 400, code.includes('LIMIT') || code.includes('TOO_LARGE') ? 'too-large' : 'bad-request');
  }
  return { fields, files };
}

/** Each file sealed to the intake key under a new id; the stripped working copies are zeroed as they are sealed. */
export async function sealReporterFiles(files: PlainFile[], key: PublicRecipient): Promise<{ id: string; sealed: SealedAttachment }[]> {
  const sealed: { id: string; sealed: SealedAttachment }[] = [];
  for (const file of files) {
    const working = await strippedImage(file.bytes);
    const id = randomUUID();
    sealed.push({ id, sealed: await sealAttachment(id, file, working, key) });
    working?.bytes.fill(0);
  }
  return sealed;
}

/** Zeroes the files' plain bytes. */
export function forget(files: PlainFile[]): void {
  for (const f of files) f.bytes.fill(0);
}
