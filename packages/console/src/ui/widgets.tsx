import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** A button that runs an async action, disables itself meanwhile and shows a failure next to it. */
export function Action(props: { label: string; run: () => Promise<unknown>; kind?: 'danger' | 'primary'; title?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const click = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await props.run();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="action">
      <button type="button" class={props.kind ?? ''} disabled={busy} onClick={click} title={props.title} aria-label={props.title}>
        {props.label}
      </button>
      {error && (
        <span role="alert" class="error">
          {error}
        </span>
      )}
    </span>
  );
}

/** Pretty JSON, collapsible. */
export function Json(props: { value: unknown; summary?: string; open?: boolean }) {
  return (
    <details class="json" open={props.open}>
      <summary>{props.summary ?? 'JSON'}</summary>
      <pre>{JSON.stringify(props.value, null, 2)}</pre>
    </details>
  );
}

/** What to do when there is nothing to show. */
export function Empty(props: { children: ComponentChildren }) {
  return <div class="empty">{props.children}</div>;
}

export function Problem(props: { error: string | undefined }) {
  return props.error ? (
    <p role="alert" class="error">
      {props.error}
    </p>
  ) : null;
}

export function Loading() {
  return <p aria-busy="true">Loading…</p>;
}

export function time(ms: number | string | undefined): string {
  if (ms === undefined) return '';
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}
