/**
 * The bot webhook of the callback measure, in its own process (so its CPU is not the server's and
 * it can be pinned apart): the bench receiver (../receiver.ts) without token checks, noting each
 * POST's arrival time per bot. Forked by callbacks-processes.ts.
 */
import { startReceiver } from '../receiver.js';
import type { ReceiverReply, ReceiverRequest, StampsByStream } from './callbacks-protocol.js';

const send = (message: ReceiverReply): void => void process.send?.(message);
process.on('disconnect', () => process.exit(0));

let arrivals: StampsByStream = [];
const receiver = await startReceiver(undefined, {
  onPost: (bot, at) => {
    (arrivals[bot] ??= []).push(performance.timeOrigin + at);
  },
});

send({ type: 'ready', baseUrl: receiver.urlFor(0).replace(/0$/, '') });

process.on('message', (request: ReceiverRequest) => {
  if (request.type === 'stop') {
    void receiver.close().finally(() => process.exit(0));
    return;
  }
  if (request.type === 'reset') arrivals = [];
  // Holes (bots that got nothing) become empty lists: IPC serialises them as null otherwise.
  const result = request.type === 'collect' ? Array.from(arrivals, (list) => list ?? []) : undefined;
  send({ type: 'done', id: request.id, result });
});
