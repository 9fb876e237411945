import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The control-API key: generated once into `<data>/admin.key` (0600) and reused after. */
export async function ensureAdminKey(dataDir: string): Promise<string> {
  const path = join(dataDir, 'admin.key');
  try {
    const existing = (await readFile(path, 'utf8')).trim();
    if (existing) return existing;
  } catch {
    // first start: fall through and create it
  }
  await mkdir(dataDir, { recursive: true });
  const key = `sbk_${randomBytes(24).toString('base64url')}`;
  await writeFile(path, `${key}\n`, { mode: 0o600 });
  return key;
}
