/**
 * Messages between the join/calls benchmarks and their server child (join-server-child.ts): the
 * calls benchmark's `sample` and `stop`, plus `seed` (a crowd joins a meeting in one step, so a
 * 10,000-person meeting is ready in a second and seeding is not what gets measured).
 */
export interface SeedRequest {
  type: 'seed';
  id: number;
  meetingId: string;
  count: number;
}

export interface Seeded {
  type: 'seeded';
  id: number;
  conferenceId: string;
  error?: string;
}

