import { readFile, rename, writeFile } from 'node:fs/promises';
import { DomainError } from '../domain/errors/domain-error.js';
import type { ReplaceReport, StateService } from './state-service.js';

/** `--import <file>` at start: a file that is missing, not JSON or not an export stops the start with its name. */
export async function importStateFile(state: StateService, file: string): Promise<ReplaceReport> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`[switchboard] cannot import ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await state.importState(parsed);
  } catch (error) {
    if (error instanceof DomainError) throw new Error(`[switchboard] cannot import ${file}: ${error.message}`);
    throw error;
  }
}

/** `--export-on-exit <file>`: written next to the target first, so a crash mid-write never leaves half a file. */
export async function exportStateFile(state: StateService, file: string): Promise<void> {
  const exported = await state.exportState();
  const partial = `${file}.partial`;
  await writeFile(partial, `${JSON.stringify(exported, null, 2)}\n`);
  await rename(partial, file);
}
