import type { Command } from 'commander';
import type { MeetingRoster, PersonJoined } from '../../calls/people-service.js';
import type { Call, Participant } from '../../domain/calls/types.js';
import { controlRequest } from '../control-client.js';
import { dataDirOf } from './token.js';
import { registerShareCommands } from './share.js';
import { registerPressCommand } from './people-keys.js';

type ControlRequest = typeof controlRequest;

interface DataOption {
  data?: string;
}

export interface JoinOptions extends DataOption {
  user?: string;
  guest?: string;
  /** `--anonymous` alone: true; `--anonymous <name>`: the name. */
  anonymous?: string | boolean;
  phone?: string;
  name?: string;
  muted?: boolean;
  video?: boolean;
}

const enc = encodeURIComponent;
const participantPath = (conferenceId: string, participantId: string): string => `/_switchboard/conferences/${enc(conferenceId)}/participants/${enc(participantId)}`;

/** Who joins, as the control API's PersonJoin names them (the server checks that exactly one is given). */
export function joinerOf(options: JoinOptions): Record<string, unknown> {
  const name = options.name ? { displayName: options.name } : {};
  const anonymousName = typeof options.anonymous === 'string' ? { displayName: options.anonymous } : name;
  return {
    ...(options.user ? { userId: options.user } : {}),
    ...(options.guest ? { guest: { displayName: options.guest } } : {}),
    ...(options.anonymous ? { anonymous: anonymousName } : {}),
    ...(options.phone ? { phone: { number: options.phone, ...name } } : {}),
  };
}

/** `people join <meetingId>`: a user (`--user`), a guest (`--guest <name>`), `--anonymous [name]` or `--phone <number>` joins. */
export async function joinOutput(meetingId: string, options: JoinOptions, request: ControlRequest = controlRequest): Promise<string> {
  const body = { ...joinerOf(options), muted: options.muted ?? false, video: options.video ?? false };
  const joined = await request<PersonJoined>(dataDirOf(options), 'POST', `/_switchboard/meetings/${enc(meetingId)}/people`, body);
  const where = joined.isInLobby ? 'is waiting in the lobby' : 'joined';
  return `[switchboard] participant ${joined.participantId} ${where} (conference ${joined.conferenceId})\n`;
}

export async function rosterOutput(meetingId: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  const roster = await request<MeetingRoster>(dataDirOf(options), 'GET', `/_switchboard/meetings/${enc(meetingId)}/roster`);
  if (!roster.conferenceId) return `[switchboard] meeting ${meetingId}: nobody is in it\n`;
  const lines = roster.participants.map(describeParticipant);
  return `[switchboard] meeting ${meetingId}, conference ${roster.conferenceId}, roster version ${roster.rosterSequence}:\n${lines.join('\n')}\n`;
}

export function describeParticipant(p: Participant): string {
  const flags = [p.isInLobby ? 'in lobby' : '', p.isMuted ? 'muted' : '', p.video === 'sendReceive' ? 'video' : '', p.held ? 'on hold' : '', p.kind === 'app' ? `app, call ${p.callId ?? '?'}` : ''].filter(Boolean);
  return `  ${p.id}  ${p.identity.displayName ?? p.identity.id} (${p.identity.kind})${flags.length ? ` [${flags.join(', ')}]` : ''}`;
}

const PARTICIPANT_ACTIONS = {
  leave: { method: 'DELETE', suffix: '', done: 'left' },
  mute: { method: 'POST', suffix: '/mute', done: 'is muted' },
  unmute: { method: 'POST', suffix: '/unmute', done: 'is unmuted' },
  admit: { method: 'POST', suffix: '/admit', done: 'was admitted from the lobby' },
  deny: { method: 'POST', suffix: '/deny', done: 'was denied entry from the lobby' },
  hold: { method: 'POST', suffix: '/hold', done: 'put the call on hold' },
  resume: { method: 'POST', suffix: '/resume', done: 'resumed the call' },
  remove: { method: 'POST', suffix: '/remove', done: 'was removed by the organizer' },
} as const;

export type ParticipantAction = keyof typeof PARTICIPANT_ACTIONS;

export async function participantActionOutput(action: ParticipantAction, conferenceId: string, participantId: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  const { method, suffix, done } = PARTICIPANT_ACTIONS[action];
  await request(dataDirOf(options), method, `${participantPath(conferenceId, participantId)}${suffix}`);
  return `[switchboard] participant ${participantId} ${done}\n`;
}

/** `people video on|off <conferenceId> <participantId>`: camera on or off. */
export async function videoOutput(state: string, conferenceId: string, participantId: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  if (state !== 'on' && state !== 'off') throw new Error(`video: expected on or off, got '${state}'`);
  await request(dataDirOf(options), 'POST', `${participantPath(conferenceId, participantId)}/video`, { on: state === 'on' });
  return `[switchboard] participant ${participantId} turned video ${state}\n`;
}

/** `people speak <conferenceId> [participantId]`: that person dominates the conversation (none: nobody). */
export async function speakOutput(conferenceId: string, participantId: string | undefined, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  await request(dataDirOf(options), 'PUT', `/_switchboard/conferences/${enc(conferenceId)}/dominant-speaker`, { participantId: participantId ?? null });
  return participantId ? `[switchboard] participant ${participantId} is the dominant speaker\n` : '[switchboard] nobody is the dominant speaker\n';
}

/** `people answer|decline <callId>`: the user an app calls (answerMode manual) answers or declines. */
export async function ringOutput(action: 'answer' | 'decline', callId: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  await request(dataDirOf(options), 'POST', `/_switchboard/calls/${enc(callId)}/${action}`);
  return `[switchboard] ${action === 'answer' ? 'answered' : 'declined'} call ${callId}\n`;
}

export type CallOptions = DataOption & { app: string; phone?: string; name?: string };

/** `people call <userId> --app …` or `people call --phone +1… [--name …] --app …`. */
export async function callOutput(userId: string | undefined, options: CallOptions, request: ControlRequest = controlRequest): Promise<string> {
  if (options.phone !== undefined) return phoneCallOutput(options.phone, options, request);
  if (!userId) throw new Error('call: give a user id, or --phone <number> for a phone (PSTN) caller');
  const { callId } = await request<{ callId: string }>(dataDirOf(options), 'POST', `/_switchboard/users/${enc(userId)}/call`, { appId: options.app });
  return `[switchboard] user ${userId} is calling app ${options.app}: incoming call ${callId} (answer within 15 s)\n`;
}

async function phoneCallOutput(number: string, options: CallOptions, request: ControlRequest): Promise<string> {
  const body = { appId: options.app, ...(options.name ? { displayName: options.name } : {}) };
  const { callId } = await request<{ callId: string }>(dataDirOf(options), 'POST', `/_switchboard/phone/${enc(number)}/call`, body);
  return `[switchboard] phone ${number} is calling app ${options.app}: incoming call ${callId} (answer within 15 s)\n`;
}

export async function hangUpOutput(callId: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  await request(dataDirOf(options), 'POST', `/_switchboard/calls/${enc(callId)}/hangup`);
  return `[switchboard] hung up call ${callId}\n`;
}

export async function endOutput(meetingId: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  await request(dataDirOf(options), 'POST', `/_switchboard/meetings/${enc(meetingId)}/end`);
  return `[switchboard] meeting ${meetingId} ended for everyone\n`;
}

export async function callsOutput(options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  const { value } = await request<{ value: Call[] }>(dataDirOf(options), 'GET', '/_switchboard/calls');
  if (value.length === 0) return '[switchboard] no call legs\n';
  return `${value.map((c) => `${c.id}  ${c.state.padEnd(12)} ${c.scenario.padEnd(10)} app ${c.appId}${c.resultInfo ? `  ${c.resultInfo.code}/${c.resultInfo.subcode}` : ''}`).join('\n')}\n`;
}

const DATA_HELP = 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)';
const print = (text: string): void => void process.stdout.write(text);

/** `switchboard people …`: simulated people in meetings and calls, through the control API. */
export function registerPeopleCommand(program: Command): void {
  const people = program.command('people').description('simulated people: join meetings, wait in the lobby, mute, video, hold, speak, share, leave, call apps, answer, hang up (running server)');
  registerMeetingCommands(people);
  for (const action of Object.keys(PARTICIPANT_ACTIONS) as ParticipantAction[]) {
    people
      .command(action)
      .description(`participant action: ${action}`)
      .argument('<conferenceId>')
      .argument('<participantId>')
      .option('--data <dir>', DATA_HELP)
      .action(async (conferenceId: string, participantId: string, options: DataOption) => print(await participantActionOutput(action, conferenceId, participantId, options)));
  }
  registerCallCommands(people);
  registerMediaCommands(people);
  registerShareCommands(people);
  registerPressCommand(people);
}

function registerMediaCommands(people: Command): void {
  people.command('video').description('the person turns their camera on or off').argument('<state>', 'on or off').argument('<conferenceId>').argument('<participantId>').option('--data <dir>', DATA_HELP)
    .action(async (state: string, conferenceId: string, participantId: string, options: DataOption) => print(await videoOutput(state, conferenceId, participantId, options)));
  people.command('speak').description('the person becomes the dominant speaker (no participant: nobody)').argument('<conferenceId>').argument('[participantId]').option('--data <dir>', DATA_HELP)
    .action(async (conferenceId: string, participantId: string | undefined, options: DataOption) => print(await speakOutput(conferenceId, participantId, options)));
  for (const action of ['answer', 'decline'] as const) {
    people.command(action).description(`the user an app calls ${action}s (their answerMode is manual or noAnswer)`).argument('<callId>').option('--data <dir>', DATA_HELP)
      .action(async (callId: string, options: DataOption) => print(await ringOutput(action, callId, options)));
  }
}

function registerMeetingCommands(people: Command): void {
  people
    .command('join')
    .description('a user (--user <id>), a guest (--guest <name>), an anonymous participant (--anonymous [name]) or a phone caller (--phone <number>) joins a meeting; the lobby policy applies')
    .argument('<meetingId>')
    .option('--user <userId>', 'a user of the world')
    .option('--guest <displayName>', 'a guest')
    .option('--anonymous [displayName]', "an anonymous participant (named 'Anonymous' without a name)")
    .option('--phone <number>', 'a phone (dial-in) caller, E.164 like +14255550100')
    .option('--name <displayName>', 'display name of a phone or anonymous caller')
    .option('--muted', 'join muted')
    .option('--video', 'send video')
    .option('--data <dir>', DATA_HELP)
    .action(async (meetingId: string, options: JoinOptions) => print(await joinOutput(meetingId, options)));
  people.command('roster').description("print a meeting's roster").argument('<meetingId>').option('--data <dir>', DATA_HELP)
    .action(async (meetingId: string, options: DataOption) => print(await rosterOutput(meetingId, options)));
  people.command('end').description('the organizer ends the meeting (every app leg is terminated)').argument('<meetingId>').option('--data <dir>', DATA_HELP)
    .action(async (meetingId: string, options: DataOption) => print(await endOutput(meetingId, options)));
}

function registerCallCommands(people: Command): void {
  people.command('call').description('a user or a phone (PSTN) caller calls an app peer to peer (the app gets an incoming call at its calling webhook)').argument('[userId]')
    .requiredOption('--app <appId>', 'the app to call').option('--phone <number>', 'call from this phone number instead of a user, E.164 like +14255550100')
    .option('--name <displayName>', "the phone caller's display name").option('--data <dir>', DATA_HELP)
    .action(async (userId: string | undefined, options: CallOptions) => print(await callOutput(userId, options)));
  people.command('hangup').description('the person hangs up a peer-to-peer call with an app').argument('<callId>').option('--data <dir>', DATA_HELP)
    .action(async (callId: string, options: DataOption) => print(await hangUpOutput(callId, options)));
  people.command('calls').description('list every app call leg (debugging)').option('--data <dir>', DATA_HELP)
    .action(async (options: DataOption) => print(await callsOutput(options)));
}
