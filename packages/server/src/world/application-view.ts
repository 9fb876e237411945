import type { Application } from '../domain/world/types.js';
import { secretView, type ClientSecretView } from './client-secrets.js';

/** An application as the control API and exports show it: secrets without their hashes. */
export type ApplicationView = Omit<Application, 'secrets'> & { secrets: ClientSecretView[] };

export function applicationView(app: Application): ApplicationView {
  return { ...app, secrets: app.secrets.map(secretView) };
}

/** addSecret's answer: the plaintext, shown this once. */
export type NewClientSecret = ClientSecretView & { value: string };
