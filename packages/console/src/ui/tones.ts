const TONE_NAMES: Record<string, string> = { '*': 'star', '#': 'pound' };

/** "12#" → Graph tone names (tone1, tone2, pound); A–D as a–d. */
export function toTones(keys: string): string[] {
  return [...keys].map((key) => TONE_NAMES[key] ?? (/\d/.test(key) ? `tone${key}` : key.toLowerCase()));
}
