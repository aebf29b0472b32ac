import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A secret that must survive restarts in the embedded setup (e.g. the key that signs file
 * URLs): read from DATA_DIR when it exists, otherwise generated once and written there
 * readable by the owner only. Deployments with several replicas set it by environment instead.
 */
const randomSecret = (): string => randomBytes(32).toString('base64url');

export async function persistentSecret(file: string, generate: () => string = randomSecret): Promise<{ value: string; created: boolean }> {
  try {
    const value = (await readFile(file, 'utf8')).trim();
    if (!value) throw new Error(`${file} is empty: remove it to have a new secret generated`);
    return { value, created: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const value = generate();
  await mkdir(path.dirname(file), { recursive: true });
  // 'wx' fails if another process created it meanwhile; then theirs wins.
  try {
    await writeFile(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return { value, created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return persistentSecret(file, generate);
    throw e;
  }
}
