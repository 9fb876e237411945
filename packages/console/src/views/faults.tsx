import { useState } from 'preact/hooks';
import { enc, type Api } from '../api.js';
import { useApi, useLive } from '../live.js';
import { Action, Empty, Json, Problem, time } from '../ui/widgets.js';

interface FaultRule {
  id: string;
  kind: string;
  matched: number;
  fired: number;
  [field: string]: unknown;
}

interface ClockState {
  now: number;
  scale: number;
  paused: boolean;
}

interface Throttling {
  profile: 'off' | 'graph-calls';
  limitScale?: number;
  requests?: number;
  perSeconds?: number;
}

interface FaultsData {
  rules: FaultRule[] | undefined;
  throttling: Throttling | undefined;
  seed: number | undefined;
  clock: ClockState | undefined;
  problems: string[];
}

async function loadFaults(api: Api): Promise<FaultsData> {
  const problems: string[] = [];
  const soft = <T,>(promise: Promise<T>, what: string): Promise<T | undefined> =>
    promise.catch((error: unknown) => (problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`), undefined));
  const [faults, clock] = await Promise.all([soft(api.get<{ rules: FaultRule[]; throttling: Throttling; seed: number }>('/faults'), 'faults'), soft(api.get<ClockState>('/clock'), 'clock')]);
  return { rules: faults?.rules, throttling: faults?.throttling, seed: faults?.seed, clock, problems };
}

/** Fault rules, the clock, and running scenarios. */
export function FaultsView() {
  const live = useLive(loadFaults, []);
  return (
    <section aria-labelledby="faults-title">
      <h1 id="faults-title">Faults and time</h1>
      <Problem error={live.error ?? live.data?.problems.join('; ')} />
      <ClockPanel clock={live.data?.clock} />
      <ThrottlingPanel throttling={live.data?.throttling} seed={live.data?.seed} />
      <RulesPanel rules={live.data?.rules} />
      <ScenarioPanel />
    </section>
  );
}

function ClockPanel(props: { clock: ClockState | undefined }) {
  const api = useApi();
  const [advance, setAdvance] = useState('60000');
  const [scale, setScale] = useState('60');
  const clock = props.clock;
  if (!clock) return null;
  return (
    <article class="card" aria-labelledby="clock-title">
      <h2 id="clock-title">Clock</h2>
      <p>
        Server time <strong>{time(clock.now)}</strong> · scale ×{clock.scale} · {clock.paused ? 'paused' : 'running'}
      </p>
      <div class="row">
        {clock.paused ? <Action label="Resume" run={() => api.send('POST', '/clock/resume')} /> : <Action label="Pause" run={() => api.send('POST', '/clock/pause')} />}
        <label for="advance-ms">Advance (ms)</label>
        <input id="advance-ms" inputMode="numeric" value={advance} onInput={(e) => setAdvance((e.target as HTMLInputElement).value)} />
        <Action label="Advance" run={() => api.send('POST', '/clock/advance', { ms: Number(advance) })} />
        <label for="clock-scale">Scale</label>
        <input id="clock-scale" inputMode="decimal" value={scale} onInput={(e) => setScale((e.target as HTMLInputElement).value)} />
        <Action label="Set scale" run={() => api.send('POST', '/clock/scale', { scale: Number(scale) })} />
      </div>
    </article>
  );
}

function ThrottlingPanel(props: { throttling: Throttling | undefined; seed: number | undefined }) {
  const api = useApi();
  const [scale, setScale] = useState('0.001');
  const t = props.throttling;
  if (!t) return null;
  const describe = t.profile === 'off' ? 'off' : `graph-calls${t.requests ? ` (${t.requests} requests per ${t.perSeconds ?? 15} s)` : t.limitScale ? ` × ${t.limitScale}` : ''}`;
  return (
    <article class="card" aria-labelledby="throttling-title">
      <h2 id="throttling-title">Throttling</h2>
      <p>
        Profile <strong data-testid="throttling">{describe}</strong> · fault seed {props.seed ?? '—'}
      </p>
      <div class="row">
        <label for="throttle-scale">Limit scale</label>
        <input id="throttle-scale" inputMode="decimal" value={scale} onInput={(e) => setScale((e.target as HTMLInputElement).value)} />
        <Action label="Throttle like Graph" run={() => api.send('PUT', '/faults/throttling', { profile: 'graph-calls', limitScale: Number(scale) })} />
        <Action label="Throttling off" run={() => api.send('PUT', '/faults/throttling', { profile: 'off' })} />
      </div>
    </article>
  );
}

const EXAMPLE_RULE = { kind: 'graphError', match: { operation: 'participant: mute' }, trigger: { everyNth: 2 }, status: 503, retryAfterSeconds: 2 };

function RulesPanel(props: { rules: FaultRule[] | undefined }) {
  const api = useApi();
  const [draft, setDraft] = useState(JSON.stringify(EXAMPLE_RULE, null, 2));
  return (
    <article class="card" aria-labelledby="rules-title">
      <h2 id="rules-title">Fault rules</h2>
      {!props.rules || props.rules.length === 0 ? (
        <Empty>No fault rules: every request and callback behaves. Add one below (docs/faults.md lists every kind).</Empty>
      ) : (
        <ul>
          {props.rules.map((rule) => (
            <li key={rule.id}>
              <strong>{rule.kind}</strong> matched {rule.matched} · fired {rule.fired} <Json value={rule} summary="rule" />
              <Action label="Remove" kind="danger" title={`Remove rule ${rule.id}`} run={() => api.send('DELETE', `/faults/${enc(rule.id)}`)} />
            </li>
          ))}
        </ul>
      )}
      <label for="rule-json">New rule (JSON)</label>
      <textarea id="rule-json" rows={8} value={draft} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} />
      <div class="row">
        <Action label="Add rule" kind="primary" run={() => api.send('POST', '/faults', JSON.parse(draft))} />
        <Action label="Clear all" kind="danger" run={() => api.send('DELETE', '/faults')} />
      </div>
    </article>
  );
}

interface ScenarioRun {
  id: string;
  name: string;
  seed: number | string;
  status: string;
  planned: number;
  done: number;
  errors: number;
}

function ScenarioPanel() {
  const api = useApi();
  const [yaml, setYaml] = useState('');
  const runs = useLive((client) => client.get<{ value: ScenarioRun[] }>('/scenarios'), []);
  return (
    <article class="card" aria-labelledby="scenario-title">
      <h2 id="scenario-title">Scenarios</h2>
      {runs.data && runs.data.value.length > 0 && (
        <ul aria-label="Scenario runs">
          {runs.data.value.map((run) => (
            <li key={run.id}>
              <strong>{run.name}</strong> seed {String(run.seed)} · {run.status} · {run.done}/{run.planned} steps{run.errors > 0 && <> · {run.errors} failed</>}
              {run.status === 'running' && <Action label="Stop" kind="danger" title={`Stop scenario ${run.name}`} run={() => api.send('DELETE', `/scenarios/${enc(run.id)}`)} />}
            </li>
          ))}
        </ul>
      )}
      <label for="scenario-yaml">Scenario (YAML, see docs/scenarios.md)</label>
      <textarea id="scenario-yaml" rows={8} value={yaml} onInput={(e) => setYaml((e.target as HTMLTextAreaElement).value)} />
      <Action label="Run scenario" kind="primary" run={async () => (await api.send('POST', '/scenarios', { yaml }), runs.reload())} />
    </article>
  );
}
