// The working copy of an image, made in the server's memory when the reporter's browser could not
// (JavaScript off): decoded and re-encoded by libvips (sharp), which writes no metadata — no EXIF,
// GPS, device, XMP or ICC comments — after turning the pixels upright as EXIF said. Other files
// get no working copy: they are kept only as the encrypted original, and the workspace says so.
import sharp from 'sharp';

const FORMATS = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/** The image's real type (from its bytes, not from what the browser claimed), or null. */
export async function imageType(bytes: Uint8Array): Promise<(typeof FORMATS)[keyof typeof FORMATS] | null> {
  try {
    const { format } = await sharp(bytes, { failOn: 'error' }).metadata();
    return format && format in FORMATS ? FORMATS[format as keyof typeof FORMATS] : null;
  } catch {
    return null;
  }
}

/**
 * Decoding needs the whole picture in memory (up to 4 bytes a pixel), whatever the file's size: a
 * 58 KB PNG can hold 60 megapixels. So pictures are decoded one at a time, and one above 50
 * megapixels (a 48 MP phone photo fits) gets no working copy: its original is kept sealed, as for
 * any other file.
 */
const MAX_PIXELS = 50_000_000;
let decoding: Promise<unknown> = Promise.resolve();

export function strippedImage(bytes: Uint8Array): Promise<{ type: string; bytes: Uint8Array } | null> {
  const turn = decoding.then(() => stripNow(bytes));
  decoding = turn.catch(() => undefined);
  return turn;
}

async function stripNow(bytes: Uint8Array): Promise<{ type: string; bytes: Uint8Array } | null> {
  const type = await imageType(bytes);
  if (!type) return null;
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS }).rotate();
    const out = type === 'image/png' ? image.png() : type === 'image/webp' ? image.webp({ quality: 90 }) : image.jpeg({ quality: 90 });
    return { type, bytes: new Uint8Array(await out.toBuffer()) };
  } catch {
    return null;
  }
}
