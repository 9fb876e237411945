import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import type { Json } from './support/harness.js';
import { entryOf, meetingLeg, pathOf, waitForEntry, waitForOperation } from './support/features.js';
import { assertCallbacksValid } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;
const PROMPT = { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://bot.contoso.com/onHold.wav' } };
const audioOf = (entry: Json) => (entry.mediaStreams as Json[]).find((stream) => stream.mediaType === 'audio')!;

/**
 * Hold music end to end (participant-startholdmusic, participant-stopholdmusic): 202 with a running
 * operation, then a roster update showing the held participant's media and the operation's
 * `deleted` notification, validated the way a production bot validates callbacks.
 */
describe('e2e: hold music', () => {
  const { e2e, p } = useMeetingE2e();

  for (const version of ['v1.0', 'beta'] as const) {
    it(`${version}: start → 202 running → roster and \`deleted\` completed; a second hold fails; stop brings them back`, async () => {
      const bot = await meetingLeg(e2e, {}, version);
      const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
      const megan = await p.join(STANDUP.id, { userId: DEMO.users.megan.id });
      const participants = `/communications/calls/${bot.callId}/participants`;

      const started = await e2e.graph.request('POST', `${participants}/${alex.participantId}/startHoldMusic`, { customPrompt: PROMPT, clientContext: 'hold-1' }, { version });
      assert.equal(started.status, 202, started.raw);
      assert.deepEqual([started.body['@odata.type'], started.body.status, started.body.clientContext], ['#microsoft.graph.startHoldMusicOperation', 'running', 'hold-1']);
      assert.equal(started.headers.location, `${e2e.server.httpsUrl}/${version}/communications/calls/${bot.callId}/operations/${String(started.body.id)}`);
      const done = await waitForOperation(bot, String(started.body.id));
      assert.deepEqual([(done.resourceData as Json)['@odata.type'], (done.resourceData as Json).status, (done.resourceData as Json).clientContext], ['#microsoft.graph.startHoldMusicOperation', 'completed', 'hold-1']);
      const isHeld = (entry: Json) => entry.id === alex.participantId && audioOf(entry).direction === 'receiveOnly';
      assert.ok(entryOf(await waitForEntry(bot, isHeld), isHeld));
      assert.equal((await e2e.graph.request('GET', pathOf(e2e, started.headers.location), undefined, { version })).body.status, 'completed');

      const second = await e2e.graph.request<{ error: Json }>('POST', `${participants}/${megan.participantId}/startHoldMusic`, {}, { version });
      assert.deepEqual([second.status, second.body.error.code], [409, 'Conflict']);
      assert.match(String(second.body.error.message), /only one participant can be on hold at a time/);

      const matrix = await e2e.control.expect<{ hears: Record<string, string[]>; participants: Json[] }>(200, 'GET', `/calls/${bot.callId}/audio-matrix`);
      assert.deepEqual(matrix.hears[alex.participantId], []);
      assert.deepEqual(matrix.participants.find((x) => x.id === alex.participantId)?.hearsHoldMusic, { byCallId: bot.callId, promptUri: PROMPT.mediaInfo.uri });

      const stopped = await e2e.graph.request('POST', `${participants}/${alex.participantId}/stopHoldMusic`, { clientContext: 'hold-2' }, { version });
      assert.deepEqual([stopped.status, stopped.body['@odata.type'], stopped.body.status], [202, '#microsoft.graph.stopHoldMusicOperation', 'running']);
      const back = await waitForOperation(bot, String(stopped.body.id));
      assert.deepEqual([(back.resourceData as Json).status, (back.resourceData as Json).clientContext], ['completed', 'hold-2']);
      await waitForEntry(bot, (entry) => entry.id === alex.participantId && audioOf(entry).direction === 'sendReceive');
      const notAgain = await e2e.graph.request<{ error: Json }>('POST', `${participants}/${alex.participantId}/stopHoldMusic`, {}, { version });
      assert.equal(notAgain.status, 409);
      assertCallbacksValid(bot.rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
    });
  }

  it('is not served on the /app alias (the pages list only /communications)', async () => {
    const bot = await meetingLeg(e2e);
    const res = await e2e.graph.request('POST', `/app/calls/${bot.callId}/participants/${bot.me}/startHoldMusic`, {}, { version: 'beta' });
    assert.equal(res.status, 400);
  });
});
