import { timingSafeEqual } from 'node:crypto';
import type { Operation } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import { inCallTx, type CallContext } from '../call-context.js';

/** Where a recordOperation's recording is served; its id is the operation's. */
export const RECORDINGS_PATH = '/_switchboard/recordings';

export const recordingUrl = (baseUrl: string, operationId: string): string => `${baseUrl}${RECORDINGS_PATH}/${encodeURIComponent(operationId)}`;

/**
 * call-record example 2: GET recordingLocation with `Authorization: Bearer <recordingAccessToken>`
 * answers application/octet-stream. Nobody speaks in Switchboard, so it is half a second of
 * silence; it lives as long as the operation does (Graph keeps recordings only briefly).
 */
export async function downloadRecording(ctx: CallContext, recordingId: string, token: string | undefined): Promise<Buffer> {
  const operation = await inCallTx(ctx, (unit) => unit.operation(recordingId));
  if (!operation || operation.type !== 'recordOperation' || operation.status !== 'completed') throw new DomainError('recordingNotFound', { recordingId });
  if (!tokenMatches(operation, token)) throw new DomainError('recordingTokenInvalid');
  return silenceWav(500);
}

function tokenMatches(operation: Operation, token: string | undefined): boolean {
  const expected = Buffer.from(String(operation.extra.recordingAccessToken ?? ''));
  const given = Buffer.from(token ?? '');
  return expected.length > 0 && expected.length === given.length && timingSafeEqual(expected, given);
}

const SAMPLE_RATE = 8000;

/** A valid RIFF/WAVE file: 16-bit mono PCM at 8 kHz, all zeros. */
export function silenceWav(durationMs: number): Buffer {
  const dataBytes = Math.round((SAMPLE_RATE * durationMs) / 1000) * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.alloc(dataBytes)]);
}
