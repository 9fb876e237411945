/**
 * Type tests for the public API: this file must compile under `tsc -p tsconfig.test.json`, and each
 * `@ts-expect-error` line must be an error (tsc fails on an unused one), proving misuse is rejected.
 * The checks live in a function that is never called; the runtime test only keeps the file in the suite.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  Bot,
  CallingClient,
  CallTracker,
  parseNotifications,
  type CallingEvent,
  type CompletedOperation,
  type GraphVersion,
  type Model,
  type V1,
  type Beta,
  expressHandler,
  nodeHttpHandler,
} from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(_proof?: T): void => undefined;

async function typeChecks(): Promise<void> {
  const v1 = new CallingClient({ token: () => 't' });
  const beta = new CallingClient({ token: () => 't', version: 'beta' });

  // The version is inferred and drives every resource type.
  expectType<Equal<typeof v1, CallingClient<'v1.0'>>>();
  expectType<Equal<typeof beta, CallingClient<'beta'>>>();
  expectType<Equal<Awaited<ReturnType<typeof v1.calls.get>>, V1.Call>>();
  expectType<Equal<Awaited<ReturnType<typeof beta.calls.get>>, Beta.Call>>();
  expectType<Equal<Model<'beta', 'Participant'>, Beta.Participant>>();

  // Beta-only methods exist only on a beta client.
  await beta.participants('c').muteAll({ participants: ['p'] });
  // @ts-expect-error muteAll is beta-only
  await v1.participants('c').muteAll({ participants: ['p'] });
  // @ts-expect-error configureMixer is beta-only
  await v1.participants('c').configureMixer({ participantMixerLevels: [] });

  // Beta-only parameters are refused on v1.0.
  await beta.calls.playPrompt('c', { prompts: [], loop: true });
  // @ts-expect-error playPrompt `loop` is beta-only
  await v1.calls.playPrompt('c', { prompts: [], loop: true });
  await beta.calls.redirect('c', { targets: [], maskCaller: true });
  // @ts-expect-error redirect `maskCaller` is beta-only
  await v1.calls.redirect('c', { targets: [], maskCaller: true });

  // Enum parameters are checked against Graph's enums.
  // @ts-expect-error not a Graph tone
  await v1.calls.sendDtmfTones('c', { tones: ['tone42'] });
  // @ts-expect-error not a screen sharing role
  await v1.calls.changeScreenSharingRole('c', 'presenter');
  // @ts-expect-error answer needs acceptedModalities and mediaConfig
  await v1.calls.answer('c', { callbackUri: 'https://bot' });
  // @ts-expect-error a version that does not exist
  new CallingClient({ token: () => 't', version: 'v2.0' });

  // Events narrow by kind.
  const events: CallingEvent[] = parseNotifications({ value: [] });
  for (const event of events) {
    if (event.kind === 'toneReceived') expectType<Equal<typeof event.tone, string>>();
    // @ts-expect-error only roster events have `updated`
    if (event.kind === 'incomingCall') void event.updated;
  }

  // Tracker listeners are typed per event name.
  const tracker = new CallTracker();
  tracker.on('participant-joined', (call, participant) => void [call.id, participant.info]);
  // @ts-expect-error no such tracker event
  tracker.on('participant-exploded', () => undefined);

  // Awaitable operations resolve with the final operation.
  const bot = new Bot({ client: v1, verifier: { appId: 'app' } });
  const held: CompletedOperation = await bot.call('c').participant('p').startHoldMusic();
  void held.status;
  // @ts-expect-error the verifier needs the bot's app id
  new Bot({ client: v1, verifier: {} });

  // Adapters take anything with handleCallback.
  const listener: (req: IncomingMessage, res: ServerResponse) => void = nodeHttpHandler(bot);
  void listener;
  void expressHandler(bot);
  // @ts-expect-error an adapter needs a callback handler
  nodeHttpHandler({});

  const version: GraphVersion = 'beta';
  void version;
}

describe('public API types', () => {
  it('compiles (checked by tsc) and is never executed', () => {
    assert.equal(typeof typeChecks, 'function');
  });
});
