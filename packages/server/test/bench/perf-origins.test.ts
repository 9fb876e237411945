import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OriginCounter, originOf } from '../../scripts/bench/suite/perf-origins.js';

const MAP = '/tmp/perf-4242.map';
const jsFrame = (symbol: string) => ({ symbol, dso: MAP });
const native = (symbol: string) => ({ symbol, dso: '/usr/bin/node' });
const kernel = (symbol: string) => ({ symbol, dso: '[kernel.kallsyms]' });

test('a kernel sample counts for the system call it is in', () => {
  assert.equal(originOf([kernel('pvm_irq_enable'), kernel('sock_def_readable'), kernel('do_writev'), native('uv__write')]), 'kernel: writev');
  assert.equal(originOf([kernel('copy_to_user'), kernel('ksys_read')]), 'kernel: read');
  assert.equal(originOf([kernel('clear_page')]), 'kernel: other');
});

test('builtins and native code count for the innermost JavaScript caller', () => {
  const src = jsFrame('JS:*getParticipant file:///w/packages/server/src/calls/use-cases/read-calls.ts:37:8');
  assert.equal(originOf([native('Builtins_KeyedLoadIC_Megamorphic+0x1336'), src, jsFrame('JS:~route file:///w/node_modules/fastify/lib/route.js:1:1')]), 'src/calls');
  assert.equal(originOf([jsFrame('JS:*find file:///w/node_modules/find-my-way/index.js:626:7')]), 'find-my-way');
  assert.equal(originOf([jsFrame('JS:~x file:///w/node_modules/@fastify/error/index.js:1:1')]), '@fastify/error');
  assert.equal(originOf([jsFrame('JS:*writeHead node:_http_server:340:19')]), 'node: internals');
});

test('frames with no JavaScript above them (GC, unresolved JIT code) are counted apart', () => {
  assert.match(originOf([native('v8::internal::Heap::Scavenge'), native('uv_run')]), /no JavaScript caller/);
  assert.match(originOf([{ symbol: '[unknown]', dso: MAP }]), /no JavaScript caller/);
});

test('perf script text: one origin per sample, largest first', () => {
  const text = [
    'node 4242   690.104129:     250000 cpu-clock: ',
    '\t         1514db6 Builtins_KeyedLoadIC_Megamorphic+0x1336 (/usr/bin/node)',
    '\t    7fbe60350cc5 JS:*getParticipant file:///w/packages/server/src/calls/read.ts:1:1+0x2a (/tmp/perf-4242.map)',
    '',
    'node 4242   690.104380:     250000 cpu-clock: ',
    '\t ffffffff81000000 do_writev ([kernel.kallsyms])',
    '',
    'node 4242   690.104631:     250000 cpu-clock: ',
    '\t ffffffff81000000 __x64_sys_writev ([kernel.kallsyms])',
  ];
  const counter = new OriginCounter('src/');
  for (const line of text) counter.add(line);
  const split = counter.split();
  assert.deepEqual(split.origins, [['kernel: writev', 2], ['src/calls', 1]]);
  assert.equal(split.samples, 3);
  // The detail names the function the src/ sample was read from, without perf's offset.
  assert.deepEqual(split.detail, [['JS:*getParticipant src/calls/read.ts:1:1', 1]]);
});
