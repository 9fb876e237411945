/** The control API as the console uses it: every call carries the admin key. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

export const CONTROL = '/_switchboard';

export function createApi(key: string): Api {
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${CONTROL}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ApiError(response.status, errorMessage(parsed) ?? `${response.status} ${response.statusText}`);
    return parsed as T;
  };
  return { get: (path) => request('GET', path), send: (method, path, body) => request(method, path, body) };
}

function errorMessage(body: unknown): string | undefined {
  const error = (body as { error?: { message?: string; code?: string } } | undefined)?.error;
  return error ? `${error.code ?? 'error'}: ${error.message ?? ''}` : undefined;
}

/** Checks a key against the control API (401 → false). */
export async function keyWorks(key: string): Promise<boolean> {
  try {
    await createApi(key).get('/tenants');
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return false;
    throw error;
  }
}

export const enc = encodeURIComponent;
