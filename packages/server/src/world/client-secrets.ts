import { randomInt } from 'node:crypto';
import type { ClientSecret } from '../domain/world/types.js';

/** Entra's secret alphabet: letters, digits and `_.~-`, so values survive form encoding unescaped. */
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.~-';

/** 40 characters shaped like Entra's (`abc8Q~…`), so code that sniffs secrets treats ours alike. */
export function generateSecretValue(): string {
  const pick = (n: number): string => Array.from({ length: n }, () => SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)]).join('');
  return `${pick(3).replace(/[_.~-]/g, 'x')}8Q~${pick(34)}`;
}

export interface SecretParams {
  id: string;
  value: string;
  displayName?: string;
  createdAt: string;
  expiresAt?: string;
  /** Keep the plaintext too: only for secrets a world file already spells out. */
  keepValue: boolean;
  hashSecret(value: string): string;
}

export function newClientSecret(params: SecretParams): ClientSecret {
  return {
    id: params.id,
    displayName: params.displayName ?? '',
    hint: params.value.slice(0, 3),
    hash: params.hashSecret(params.value),
    ...(params.keepValue ? { value: params.value } : {}),
    createdAt: params.createdAt,
    ...(params.expiresAt ? { expiresAt: params.expiresAt } : {}),
  };
}

/** What leaves the server about a secret: never the hash, the value only if a world file gave it. */
export interface ClientSecretView {
  id: string;
  displayName: string;
  hint: string;
  createdAt: string;
  expiresAt?: string;
  value?: string;
}

export function secretView({ hash: _hash, ...view }: ClientSecret): ClientSecretView {
  return view;
}
