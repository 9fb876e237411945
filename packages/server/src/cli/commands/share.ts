import type { Command } from 'commander';
import type { ContentSharingSession } from '../../domain/calls/types.js';
import { controlRequest } from '../control-client.js';
import { dataDirOf } from './token.js';

type ControlRequest = typeof controlRequest;

interface DataOption {
  data?: string;
}

const participantPath = (conferenceId: string, participantId: string): string =>
  `/_switchboard/conferences/${encodeURIComponent(conferenceId)}/participants/${encodeURIComponent(participantId)}`;

/** `people share <conferenceId> <participantId>`: the person starts sharing their screen. */
export async function shareOutput(conferenceId: string, participantId: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  const session = await request<ContentSharingSession>(dataDirOf(options), 'POST', `${participantPath(conferenceId, participantId)}/share`);
  return `[switchboard] participant ${participantId} is sharing their screen (content sharing session ${session.id})\n`;
}

/** `people unshare <conferenceId> <participantId>`: the person stops sharing. */
export async function unshareOutput(conferenceId: string, participantId: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  await request(dataDirOf(options), 'POST', `${participantPath(conferenceId, participantId)}/unshare`);
  return `[switchboard] participant ${participantId} stopped sharing their screen\n`;
}

const DATA_HELP = 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)';

/** Adds `share` and `unshare` to `switchboard people`. */
export function registerShareCommands(people: Command): void {
  const print = (text: string): void => void process.stdout.write(text);
  people.command('share').description('the person starts sharing their screen (apps that asked for content sharing notifications hear `created`)')
    .argument('<conferenceId>').argument('<participantId>').option('--data <dir>', DATA_HELP)
    .action(async (conferenceId: string, participantId: string, options: DataOption) => print(await shareOutput(conferenceId, participantId, options)));
  people.command('unshare').description('the person stops sharing their screen (`deleted`)')
    .argument('<conferenceId>').argument('<participantId>').option('--data <dir>', DATA_HELP)
    .action(async (conferenceId: string, participantId: string, options: DataOption) => print(await unshareOutput(conferenceId, participantId, options)));
}
