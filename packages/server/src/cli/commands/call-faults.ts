import type { Command } from 'commander';
import type { InjectedCallFault } from '../../faults/call-fault-injector.js';
import { controlRequest } from '../control-client.js';
import { dataDirOf } from './token.js';

type ControlRequest = typeof controlRequest;

interface DataOption {
  data?: string;
}

/** `calls fault <callId> <name>`: a call fault from the catalogue strikes the leg now. */
export async function callFaultOutput(callId: string, name: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  const path = `/_switchboard/calls/${encodeURIComponent(callId)}/faults/${encodeURIComponent(name)}`;
  const done = await request<InjectedCallFault>(dataDirOf(options), 'POST', path);
  const { code, subcode } = done.resultInfo;
  const whom = done.scope === 'conference' ? 'every app leg of its conference' : `call ${done.callId}`;
  return `[switchboard] ${done.fault}: ${whom} terminated with ${code}/${subcode}\n`;
}

const DATA_HELP = 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)';

/** `switchboard calls fault`: call faults on demand (docs/faults.md, "Call faults"). */
export function registerCallFaultsCommand(program: Command): void {
  const print = (text: string): void => void process.stdout.write(text);
  const calls = program.command('calls').description('act on call legs of a running server');
  calls.command('fault').description('a call fault (meetingEnded, botRemoved, mediaConnectivityLost, …; GET /_switchboard/faults/catalog) ends the leg now')
    .argument('<callId>').argument('<name>').option('--data <dir>', DATA_HELP)
    .action(async (callId: string, name: string, options: DataOption) => print(await callFaultOutput(callId, name, options)));
}
