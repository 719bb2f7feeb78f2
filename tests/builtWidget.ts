/**
 * Test helpers over the BUILT archive (widget.zip, made by `npm run build`): what ships is what gets tested.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

export const ROOT = join(import.meta.dirname, '..');
export const ZIP_PATH = join(ROOT, 'widget.zip');

/** The archive's entries by path, unpacked from the built widget.zip. */
export const readArchive = (): Record<string, Uint8Array> => {
  if (!existsSync(ZIP_PATH)) throw new Error('widget.zip is missing: run `npm run build` first');
  return unzipSync(readFileSync(ZIP_PATH));
};

/** One text entry of the archive, decoded as UTF-8 (throws on invalid bytes). */
export const archiveText = (archive: Record<string, Uint8Array>, path: string): string => {
  const bytes = archive[path];
  if (!bytes) throw new Error(`${path} is not in widget.zip`);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
};
