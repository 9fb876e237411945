import { runDueTimers } from '../../../src/calls/timer-runner.js';
import { DEMO } from '../../../src/world/demo-world.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

export type Json = Record<string, unknown>;

/** The real app (real calling services, realistic latency, manual clock) and helpers for meeting-feature route tests. */
export interface FeaturesApp extends TestApp {
  auth(appId?: string): Promise<{ authorization: string }>;
  /** Moves the clock in steps and fires the timers that fell due (establish, roster, feature timers). */
  settle(): Promise<void>;
  /** The demo bot joins a demo meeting and is established; returns its call. */
  join(meeting?: { joinMeetingId: string; passcode: string }, extra?: Json): Promise<Json>;
  /** The demo bot calls users (one: peer to peer), established. */
  callUsers(userIds: string[], extra?: Json): Promise<Json>;
}

export async function buildFeaturesApp(): Promise<FeaturesApp> {
  const t = await buildTestApp();
  const auth = async (appId: string = DEMO.appId) => ({ authorization: `Bearer ${await t.deps.services.tokens.issueAppToken(appId, DEMO.tenantId, '1')}` });
  const settle = async () => {
    for (let step = 0; step < 4; step++) {
      t.clock.advance(5000);
      await runDueTimers({ store: t.deps.store, clock: t.clock, service: t.deps.services.calls, owner: 'test', leaseMs: 30_000, log: (message, error) => { throw new Error(message, { cause: error }); } });
    }
  };
  const create = async (body: Json) => {
    const res = await t.app.inject({ method: 'POST', url: '/v1.0/communications/calls', headers: await auth(), payload: body });
    if (res.statusCode !== 201) throw new Error(`create call: ${res.statusCode} ${res.body}`);
    await settle();
    return res.json<Json>();
  };
  const base = (extra: Json) => ({ callbackUri: 'https://127.0.0.1:9/callback', requestedModalities: ['audio'], mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' }, ...extra });
  return {
    ...t,
    auth,
    settle,
    join: (meeting = DEMO.meetings.standup, extra = {}) =>
      create(base({ meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: meeting.joinMeetingId, passcode: meeting.passcode }, tenantId: DEMO.tenantId, ...extra })),
    callUsers: (userIds, extra = {}) => create(base({ targets: userIds.map((id) => ({ identity: { user: { id } } })), ...extra })),
  };
}
