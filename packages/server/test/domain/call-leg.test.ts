import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOutgoingCall, endCall, establishCall, finishHangUp, hangUpCall, isInactive, keepAliveDeadline, keepCallAlive } from '../../src/domain/calls/call-leg.js';
import { KEEPALIVE_TIMEOUT_MS } from '../../src/domain/calls/call-rules.js';
import { END_REASONS } from '../../src/domain/calls/end-reasons.js';
import type { Call, CallEvent } from '../../src/domain/calls/types.js';
import { DomainError } from '../../src/domain/errors/index.js';
import { T0, newCall } from './call-fixtures.js';

const types = (events: CallEvent[]): string[] => events.map((e) => (e.type.startsWith('call:') ? `${e.type}:${(e as { call: Call }).call.state}` : e.type));

const established = (): Call => establishCall(createOutgoingCall(newCall(), T0).value, T0 + 1).value;

describe('call leg transitions', () => {
  it('creates an outgoing call establishing, notifying `updated` establishing', () => {
    const { value, events } = createOutgoingCall(newCall(), T0);
    assert.equal(value.state, 'establishing');
    assert.equal(value.lastKeepAliveAt, T0);
    assert.deepEqual(types(events), ['call:stateChanged:establishing']);
  });

  it('establishes an establishing call', () => {
    const call = createOutgoingCall(newCall(), T0).value;
    const { value, events } = establishCall(call, T0 + 1500);
    assert.equal(value.state, 'established');
    assert.equal(value.stateChangedAt, T0 + 1500);
    assert.deepEqual(types(events), ['call:stateChanged:established']);
  });

  it('refuses to establish a call that is not establishing', () => {
    assert.throws(() => establishCall(established(), T0 + 2), /cannot establish a call in state established/);
  });

  it('hangs up: terminating now, terminated later with 200/5001 "The conversation has ended."', () => {
    const terminating = hangUpCall(established(), T0 + 10);
    assert.deepEqual(types(terminating.events), ['call:stateChanged:terminating']);
    const terminated = finishHangUp(terminating.value, T0 + 20);
    assert.deepEqual(types(terminated.events), ['call:deleted:terminated']);
    assert.deepEqual(terminated.value.resultInfo, { code: 200, subcode: 5001, message: 'The conversation has ended.' });
  });

  it('treats a second hang-up while terminating as done, and one after the end as 404', () => {
    const terminating = hangUpCall(established(), T0 + 10).value;
    assert.deepEqual(hangUpCall(terminating, T0 + 11).events, []);
    const ended = finishHangUp(terminating, T0 + 12).value;
    assert.throws(() => hangUpCall(ended, T0 + 13), (error: unknown) => error instanceof DomainError && error.id === 'callNotFound' && error.status === 404);
  });

  it('ends a call for a platform reason straight to terminated with that resultInfo', () => {
    const { value, events } = endCall(established(), 'removedByOrganizer', T0 + 5);
    assert.equal(value.state, 'terminated');
    assert.deepEqual(value.resultInfo, END_REASONS.removedByOrganizer);
    assert.equal(value.resultInfo?.subcode, 5300);
    assert.deepEqual(types(events), ['call:deleted:terminated']);
  });

  it('keeps a call alive: the 45-minute window restarts, nothing is notified', () => {
    const call = established();
    const { value, events } = keepCallAlive(call, T0 + 60_000);
    assert.equal(value.lastKeepAliveAt, T0 + 60_000);
    assert.equal(keepAliveDeadline(value), T0 + 60_000 + KEEPALIVE_TIMEOUT_MS);
    assert.deepEqual(events, []);
  });

  it('answers keepAlive on an ended call with 404 (call-keepalive)', () => {
    const ended = endCall(established(), 'meetingEnded', T0 + 5).value;
    assert.throws(() => keepCallAlive(ended, T0 + 6), (error: unknown) => error instanceof DomainError && error.status === 404);
  });

  it('considers a call inactive exactly 45 minutes after the last keepAlive', () => {
    const call = established();
    assert.equal(isInactive(call, T0 + KEEPALIVE_TIMEOUT_MS - 1), false);
    assert.equal(isInactive(call, T0 + KEEPALIVE_TIMEOUT_MS), true);
    const timedOut = endCall(call, 'keepAliveTimeout', T0 + KEEPALIVE_TIMEOUT_MS).value;
    assert.deepEqual(timedOut.resultInfo, { code: 408, subcode: 8537, message: 'Keep Alive timeout, cleaned up inactive call.' });
    assert.equal(isInactive(timedOut, T0 + 2 * KEEPALIVE_TIMEOUT_MS), false);
  });
});
