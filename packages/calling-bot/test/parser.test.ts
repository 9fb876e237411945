import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NotificationFormatError, parseNotifications, parseResourcePath, type CallingEvent } from '../src/index.js';
import { fixture, fixtureNames } from './support/fixtures.js';

const one = (name: string): CallingEvent => {
  const events = parseNotifications(fixture(name));
  assert.equal(events.length, 1);
  return events[0]!;
};

describe('parseNotifications on the Graph examples', () => {
  it('parses every example body without throwing, and recognises every item', () => {
    const names = fixtureNames();
    assert.ok(names.length >= 60, `expected the derived fixtures, found ${names.length}`);
    for (const name of names) {
      for (const event of parseNotifications(fixture(name))) assert.notEqual(event.kind, 'unrecognized', name);
    }
  });

  it('incoming call (created on the call)', () => {
    const event = one('call-answer__3');
    assert.equal(event.kind, 'incomingCall');
    assert.equal(event.callId, '57DAB8B1894C409AB240BD8BEAE78896');
    if (event.kind === 'incomingCall') assert.equal(event.call.direction, 'incoming');
  });

  it('state changes and termination', () => {
    const established = one('application-post-calls__4');
    assert.equal(established.kind, 'callStateChanged');
    if (established.kind === 'callStateChanged') assert.equal(established.state, 'established');
    const ended = one('call-delete__4');
    assert.equal(ended.kind, 'callTerminated');
    if (ended.kind === 'callTerminated') assert.equal(String(ended.call.resultInfo?.subcode), '5001');
  });

  it('DTMF tone', () => {
    const event = one('call-subscribetotone__3');
    assert.equal(event.kind, 'toneReceived');
    if (event.kind === 'toneReceived') assert.deepEqual([event.tone, event.sequenceId], ['tone1', 1]);
  });

  it('roster update on the participants URL', () => {
    const event = one('application-post-calls__18');
    assert.equal(event.kind, 'rosterUpdated');
    if (event.kind === 'rosterUpdated') assert.deepEqual([event.updated.length, event.removed.length], [2, 0]);
  });

  it('roster sent on a malformed operations/participants URL is still a roster', () => {
    const event = one('participant-invite__8');
    assert.equal(event.kind, 'rosterUpdated');
  });

  it('operation completed, by type, with clientContext', () => {
    const event = one('call-playprompt__3');
    assert.equal(event.kind, 'operationCompleted');
    if (event.kind !== 'operationCompleted') return;
    assert.equal(event.operationType, 'playPromptOperation');
    assert.equal(event.operationId, '0FE0623FD62842EDB4BD8AC290072CC5');
    assert.equal(event.clientContext, 'd45324c1-fcb5-430a-902c-f20af696537c');
  });

  it('hold music completion on a resourceUrl without the leading slash', () => {
    const event = one('participant-startholdmusic__3');
    assert.equal(event.kind, 'operationCompleted');
    if (event.kind === 'operationCompleted') assert.equal(event.operationType, 'startHoldMusicOperation');
    assert.equal(event.callId, 'e141b67c-90fd-455d-858b-b48a40b9cc8d');
  });

  it('a cancelled operation is operationFailed', () => {
    const event = one('call-cancelmediaprocessing__3');
    assert.equal(event.kind, 'operationFailed');
  });

  it('content sharing on the collection and on an item URL without data', () => {
    const started = one('application-post-calls__5');
    assert.equal(started.kind, 'contentSharingUpdated');
    if (started.kind === 'contentSharingUpdated') assert.equal(started.changeType, 'created');
    const ended = one('call-answer__14');
    assert.equal(ended.kind, 'contentSharingUpdated');
    if (ended.kind === 'contentSharingUpdated') assert.deepEqual(ended.sessions, [{ id: '2765eb15-01f8-47c6-b12b-c32111a4a86f' }]);
  });

  it('a deleted roster notification lists departures', () => {
    const body = { value: [{ changeType: 'deleted', resourceUrl: '/communications/calls/c1/participants', resourceData: [{ id: 'p1' }] }] };
    const [event] = parseNotifications(body);
    assert.equal(event?.kind, 'rosterUpdated');
    if (event?.kind === 'rosterUpdated') assert.deepEqual([event.updated.length, event.removed.length], [0, 1]);
  });

  it('rejects a body that is not an envelope', () => {
    assert.throws(() => parseNotifications({ foo: 1 }), NotificationFormatError);
    assert.throws(() => parseNotifications(null), NotificationFormatError);
  });
});

describe('parseResourcePath', () => {
  it('accepts the legacy /app prefix, missing slash and absolute URLs', () => {
    assert.deepEqual(parseResourcePath('/app/calls/abc'), { callId: 'abc' });
    assert.deepEqual(parseResourcePath('communications/calls/abc/operations/op'), { callId: 'abc', collection: 'operations', itemId: 'op' });
    assert.deepEqual(parseResourcePath('https://graph.microsoft.com/v1.0/communications/calls/abc/ContentSharingSessions'), { callId: 'abc', collection: 'contentsharingsessions' });
    assert.equal(parseResourcePath('/users/abc'), undefined);
  });
});
