import type { BaselineRoute } from './baseline-process.js';
import { captureBody, type HttpFixture } from './http-setup.js';
import type { LoadRequest } from './load-generator.js';
import type { Target } from './measure.js';

/** One HTTP row: the same requests against Switchboard and against its bare-Fastify baseline. */
export interface HttpRowSpec {
  id: string;
  title: string;
  baselineName: string;
  streams: LoadRequest[][];
  /** The baseline's routes for this row (GET: the captured bytes; POST: echo). */
  routes: BaselineRoute[];
  target?: Target;
  note: string;
  /** Report roster notifications delivered per request (rows that change state). */
  countNotifications?: boolean;
}

/** Quick runs are noisy (PERF-BASELINES.md: ±30 % per round even interleaved). */
const QUICK_MARGIN = 0.3;
const GRAPH_CALLS = '/v1.0/communications/calls';
/** A clientContext like the SDKs send (a GUID); the baseline echoes a body of the same size. */
const MUTE_BODY = JSON.stringify({ clientContext: 'd45324c1-fcb5-430a-902c-f20af696537c' });

async function getRow(fixture: HttpFixture, path: string, row: Omit<HttpRowSpec, 'streams' | 'routes' | 'baselineName'>): Promise<HttpRowSpec> {
  const body = await captureBody(fixture, path);
  return { ...row, baselineName: `bare Fastify GET, same ${body.length} B`, streams: [[{ method: 'GET', path }]], routes: [{ method: 'GET', url: path, body }] };
}

export function getParticipantRow(fixture: HttpFixture): Promise<HttpRowSpec> {
  return getRow(fixture, `${GRAPH_CALLS}/${fixture.call}/participants/${fixture.participant}`, {
    id: 'get-participant',
    title: 'GET participant (req/s)',
    target: { kind: 'ratio-min', value: 0.7, quickMargin: QUICK_MARGIN, quickFloor: 0.25 },
    note: 'Real bearer token (client credentials), SQLite store, meeting of the bot and one guest; plain HTTP on both sides.',
  });
}

export function getCallRow(fixture: HttpFixture): Promise<HttpRowSpec> {
  return getRow(fixture, `${GRAPH_CALLS}/${fixture.call}`, {
    id: 'get-call',
    title: 'GET call (req/s)',
    note: 'No target: issue 9 sets none, and the 0.7 of GET participant is not met yet (docs/perf/http.md). Same token, store and call as get-participant.',
  });
}

export function listParticipantsRow(fixture: HttpFixture, crowd: number): Promise<HttpRowSpec> {
  return getRow(fixture, `${GRAPH_CALLS}/${fixture.crowdCall}/participants`, {
    id: 'get-participants-1000',
    title: `GET participants, ${crowd} people (req/s)`,
    note: `The whole roster of a meeting of ${crowd} guests and the bot, shaped and serialised per request; no target.`,
  });
}

/**
 * The bot mutes and unmutes itself (call-mute / call-unmute: the app's own leg), one call per
 * stream so each request flips the state: a committed SQLite transaction (conference, completed
 * operation, outbox row) before the 200, then a roster `updated` delivered to the local receiver.
 */
export function muteRow(fixture: HttpFixture): HttpRowSpec {
  const streams = fixture.muteCalls.map((call): LoadRequest[] => [
    { method: 'POST', path: `${GRAPH_CALLS}/${call}/mute`, body: MUTE_BODY },
    { method: 'POST', path: `${GRAPH_CALLS}/${call}/unmute`, body: MUTE_BODY },
  ]);
  return {
    id: 'post-mute',
    title: 'POST mute/unmute, durable (req/s)',
    baselineName: `bare Fastify POST parse + echo, ${MUTE_BODY.length} B`,
    streams,
    routes: [{ method: 'POST', url: `${GRAPH_CALLS}/:callId/:action` }],
    target: { kind: 'ratio-min', value: 0.4, quickMargin: QUICK_MARGIN, quickFloor: 0.03 },
    note:
      `Each request is POST /calls/{id}/mute or /unmute (the bot's own mute; Graph has no unmute of another participant), alternating per call over ${fixture.muteCalls.length} calls, one meeting each: ` +
      'SQLite (WAL, synchronous=NORMAL) commits the conference, the completed operation and the outbox row before the 200; the roster notification is then delivered to a local receiver (drained before the CPU reading).',
    countNotifications: true,
  };
}
