// The working copy of an image, made in the browser before anything is sealed (the workspace and
// the public pages' script): decoded (turned upright as its EXIF said) and drawn on a canvas, then
// encoded afresh — a canvas carries pixels only, so no EXIF, GPS, device or other metadata survives. Other files get no working copy.
import { isStrippableImage } from '../../core/evidence/attachment.ts';

export async function strippedImage(file: { type: string; bytes: Uint8Array }): Promise<{ type: string; bytes: Uint8Array } | null> {
  if (!isStrippableImage(file.type)) return null;
  try {
    const bitmap = await createImageBitmap(new Blob([file.bytes as BlobPart], { type: file.type }), { imageOrientation: 'from-image' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type: file.type, quality: 0.9 });
    // A browser that cannot write this format falls back to PNG: say so in the type.
    return { type: blob.type, bytes: new Uint8Array(await blob.arrayBuffer()) };
  } catch {
    return null;
  }
}
