import type { GraphResponse, GraphTransport } from './transport.js';
import { lastSegment } from './paths.js';

/**
 * The operation an action returned. Graph answers these actions with the operation in the body and
 * its URL in `Location` (BEHAVIOR §6); when the body has no id, the id is taken from `Location`.
 */
export function operationFrom<T extends { id?: string }>(response: GraphResponse<T | undefined>): T {
  const body = (response.body ?? {}) as T;
  const id = body.id ?? lastSegment(response.headers.get('location'));
  return id === undefined ? body : { ...body, id };
}

/** An OData collection page. */
interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** The items of an OData collection, following `@odata.nextLink` (same service root only, at most 100 pages). */
export async function listAll<T>(transport: GraphTransport, path: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = path;
  for (let page = 0; next !== undefined && page < 100; page += 1) {
    const body: Page<T> | undefined = (await transport.send<Page<T> | undefined>({ method: 'GET', path: next })).body;
    items.push(...(body?.value ?? []));
    const link: string | undefined = body?.['@odata.nextLink'];
    next = link === undefined ? undefined : transport.pathOf(link);
  }
  return items;
}
