import { useState } from 'preact/hooks';
import { enc } from '../api.js';
import { deliveryTopics, useApi, useLive } from '../live.js';
import type { DeliveryAttempt, List } from '../types.js';
import { Action, Empty, Json, Loading, Problem, time } from '../ui/widgets.js';

/** The delivery log: every callback attempt with its payload, decoded token claims and outcome. */
export function CallbacksView(props: { callId?: string; appId?: string }) {
  const [callId, setCallId] = useState(props.callId ?? '');
  const [appId, setAppId] = useState(props.appId ?? '');
  const query = new URLSearchParams({ ...(callId ? { callId } : {}), ...(appId ? { appId } : {}), limit: '200' });
  const live = useLive((api) => api.get<List<DeliveryAttempt>>(`/deliveries?${query.toString()}`), [callId, appId], deliveryTopics);
  return (
    <section aria-labelledby="callbacks-title">
      <h1 id="callbacks-title">Callbacks</h1>
      <form class="row" role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="filter-call">Call id</label>
        <input id="filter-call" value={callId} onInput={(e) => setCallId((e.target as HTMLInputElement).value.trim())} />
        <label for="filter-app">App id</label>
        <input id="filter-app" value={appId} onInput={(e) => setAppId((e.target as HTMLInputElement).value.trim())} />
      </form>
      <Problem error={live.error} />
      {!live.data ? <Loading /> : live.data.value.length === 0 ? <Empty>No callbacks yet. They appear here as soon as a bot's call changes state.</Empty> : <AttemptList attempts={live.data.value} />}
    </section>
  );
}

function AttemptList(props: { attempts: DeliveryAttempt[] }) {
  return (
    <ol class="deliveries">
      {props.attempts.map((attempt) => (
        <Attempt key={attempt.id} attempt={attempt} />
      ))}
    </ol>
  );
}

function Attempt(props: { attempt: DeliveryAttempt }) {
  const api = useApi();
  const a = props.attempt;
  return (
    <li class={`delivery ${a.outcome}`} data-delivery={a.id} data-call={a.callId}>
      <p>
        <strong>{a.summary}</strong> <span class={`badge ${a.outcome}`}>{a.outcome}</span> {a.status !== undefined && <span class="badge">HTTP {a.status}</span>} attempt {a.attempt} · seq {a.seq} ·{' '}
        {time(a.at)} {a.latencyMs !== undefined && <>· {Math.round(a.latencyMs)} ms</>}
      </p>
      <p class="muted">
        to <code>{a.url}</code> · call <a href={`#/calls/${enc(a.callId)}`}>{a.callId}</a> · app {a.appId}
        {a.error && <> · {a.error}</>}
      </p>
      <Json value={a.payload} summary="Payload" />
      <details class="claims">
        <summary>Token claims</summary>
        <dl>
          {Object.entries(a.jwtClaims).map(([claim, value]) => (
            <>
              <dt>{claim}</dt>
              <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </>
          ))}
        </dl>
      </details>
      <Action label="Redeliver" title={`Redeliver callback ${a.id}`} run={() => api.send('POST', `/deliveries/${a.id}/redeliver`)} />
    </li>
  );
}
