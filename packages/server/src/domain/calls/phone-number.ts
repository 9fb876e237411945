/**
 * Graph names a phone party by its number in E.164 form (BEHAVIOR.md §4, the create-call PSTN
 * examples): a plus, a country code that does not start with 0, at most 15 digits in all.
 */
const E164 = /^\+[1-9]\d{6,14}$/;

export const isE164 = (number: string): boolean => E164.test(number);
