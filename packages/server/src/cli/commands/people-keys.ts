import type { Command } from 'commander';
import { controlRequest } from '../control-client.js';
import { dataDirOf } from './token.js';

type ControlRequest = typeof controlRequest;

interface DataOption {
  data?: string;
}

const KEYPAD: Record<string, string> = { '*': 'star', '#': 'pound', a: 'a', b: 'b', c: 'c', d: 'd' };

/** A keypad string (`12#`, `*0`) as Graph tone names (tone1, tone2, pound, …). */
export function keysToTones(keys: string): string[] {
  return [...keys.toLowerCase()].map((key) => {
    const tone = /^\d$/.test(key) ? `tone${key}` : KEYPAD[key];
    if (!tone) throw new Error(`press: '${key}' is not a keypad key (0-9, *, #, a-d)`);
    return tone;
  });
}

const enc = encodeURIComponent;

/** `people press <conferenceId> <participantId> <keys>` (meeting) or `people press --call <callId> <keys>` (peer to peer). */
export async function pressOutput(target: { conferenceId: string; participantId: string } | { callId: string }, keys: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  const path = 'callId' in target ? `/_switchboard/calls/${enc(target.callId)}/dtmf` : `/_switchboard/conferences/${enc(target.conferenceId)}/participants/${enc(target.participantId)}/dtmf`;
  const { notifiedCallIds } = await request<{ notifiedCallIds: string[] }>(dataDirOf(options), 'POST', path, { tones: keysToTones(keys) });
  return `[switchboard] pressed ${keys}; heard by ${notifiedCallIds.length} app leg(s) subscribed to tones\n`;
}

const DATA_HELP = 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)';

export function registerPressCommand(people: Command): void {
  people
    .command('press')
    .description('the person presses keypad keys: <conferenceId> <participantId> <keys> in a meeting, or --call <callId> <keys> on a peer-to-peer call')
    .argument('<ids...>', 'conferenceId participantId keys, or keys with --call')
    .option('--call <callId>', "a peer-to-peer call: the person on the other end presses")
    .option('--data <dir>', DATA_HELP)
    .action(async (ids: string[], options: DataOption & { call?: string }) => {
      const keys = ids.at(-1) ?? '';
      const target = options.call ? { callId: options.call } : { conferenceId: ids[0] ?? '', participantId: ids[1] ?? '' };
      if (!options.call && ids.length !== 3) throw new Error('press: give <conferenceId> <participantId> <keys>, or --call <callId> <keys>');
      process.stdout.write(await pressOutput(target, keys, options));
    });
}
