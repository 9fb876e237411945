import { useState } from 'preact/hooks';
import { keyWorks } from '../api.js';

/** The admin key from <data>/admin.key (the start banner prints a link that fills it in). */
export function SignIn(props: { onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    if (await keyWorks(key.trim())) props.onKey(key.trim());
    else setError('That key was refused. It is in admin.key in the data directory (default .switchboard/admin.key).');
  };
  return (
    <main id="main" class="sign-in">
      <h1>Switchboard console</h1>
      <form onSubmit={submit}>
        <label for="admin-key">Admin key</label>
        <input id="admin-key" type="password" autoComplete="off" value={key} onInput={(e) => setKey((e.target as HTMLInputElement).value)} required />
        <button type="submit" class="primary">
          Sign in
        </button>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
      <p class="muted">The start banner prints a link that signs in directly.</p>
    </main>
  );
}
