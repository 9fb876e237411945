import { CALLING_PERMISSIONS } from '../domain/world/permissions.js';
import { magicWorldEntries } from '../simulation/magic-values.js';
import { worldFileSchema, type WorldFile, type WorldFileInput } from './world-file.schema.js';

/**
 * The well-known demo world, identical on every machine (like Azurite's devstoreaccount1): the
 * README, the start banner and tests use these literal ids and secrets. Changing any of them
 * breaks users' configurations, so a test pins every value.
 *
 * Contoso is where the demo bots live and have consent; Fabrikam is a second tenant where no
 * app has consent, for cross-tenant and 403 cases. No app has a calling webhook URL: incoming
 * calls need one set through the control API or a world file. Megan Bowen is under a compliance
 * recording policy that names the demo bot: a call or meeting she is in may be recorded by it
 * (call-updaterecordingstatus), any other answers 8506.
 */

const CONTOSO = '24be639f-17e8-4f9a-8e2d-be151677740d';
const FABRIKAM = '42c1c96c-9a92-4d33-9d7d-a83f3c24a106';

const user = (id: string, tenantId: string, displayName: string, userPrincipalName: string) => ({ id, tenantId, displayName, userPrincipalName }) as const;

const USERS = {
  adele: user('684f9a4c-68ce-447b-a75e-6b49964b3b70', CONTOSO, 'Adele Vance', 'adele.vance@contoso.example'),
  alex: user('25e72a81-4529-42d6-a6e2-8b5bca9ebe13', CONTOSO, 'Alex Wilber', 'alex.wilber@contoso.example'),
  megan: user('d4390037-cf76-44b2-a1bf-d7e2808995f0', CONTOSO, 'Megan Bowen', 'megan.bowen@contoso.example'),
  lynne: user('238d9455-9436-4521-9b86-89549f58e655', CONTOSO, 'Lynne Robbins', 'lynne.robbins@contoso.example'),
  diego: user('d6c4862b-5447-41ff-91b0-c0ca714002a2', CONTOSO, 'Diego Siciliani', 'diego.siciliani@contoso.example'),
  pradeep: user('d9390f75-749c-4fac-9d31-4596854325de', FABRIKAM, 'Pradeep Gupta', 'pradeep.gupta@fabrikam.example'),
  lidia: user('ab0ccfc3-2392-4c4f-9f8b-900e8dff072e', FABRIKAM, 'Lidia Holloway', 'lidia.holloway@fabrikam.example'),
} as const;

const MEETINGS = {
  standup: {
    id: '20800baa-0101-4476-808b-1289b755da8f',
    tenantId: CONTOSO,
    organizerId: USERS.adele.id,
    subject: 'Daily stand-up',
    joinMeetingId: '394817260531',
    passcode: 'Sb7nQ2',
    chatThreadId: '19:meeting_NzY3MDZmNzEtZDM3MC00NTllLWJmYjUtNTkxZjg3OTViNWM4@thread.v2',
    joinWebUrl:
      'https://teams.microsoft.com/l/meetup-join/19%3Ameeting_NzY3MDZmNzEtZDM3MC00NTllLWJmYjUtNTkxZjg3OTViNWM4%40thread.v2/0?context=%7B%22Tid%22%3A%2224be639f-17e8-4f9a-8e2d-be151677740d%22%2C%22Oid%22%3A%22684f9a4c-68ce-447b-a75e-6b49964b3b70%22%7D',
    lobbyBypass: 'organization',
    startDateTime: '2025-01-06T09:00:00Z',
    endDateTime: '2025-01-06T09:15:00Z',
  },
  townHall: {
    id: '8de73fc2-450d-4ffa-9b0d-10dbf53ccdc1',
    tenantId: CONTOSO,
    organizerId: USERS.adele.id,
    subject: 'Quarterly town hall',
    joinMeetingId: '5061938274016',
    passcode: 'Tw4hAL',
    chatThreadId: '19:meeting_NTQyNmRjOTYtMTc4YS00ZjJkLWFlNTAtNjczNzhkMTMxNGNj@thread.v2',
    joinWebUrl:
      'https://teams.microsoft.com/l/meetup-join/19%3Ameeting_NTQyNmRjOTYtMTc4YS00ZjJkLWFlNTAtNjczNzhkMTMxNGNj%40thread.v2/0?context=%7B%22Tid%22%3A%2224be639f-17e8-4f9a-8e2d-be151677740d%22%2C%22Oid%22%3A%22684f9a4c-68ce-447b-a75e-6b49964b3b70%22%7D',
    lobbyBypass: 'everyone',
    startDateTime: '2025-03-27T16:00:00Z',
    endDateTime: '2025-03-27T17:30:00Z',
  },
  partnerSync: {
    id: '9530e0cb-2242-4070-9007-02ce147e0b60',
    tenantId: FABRIKAM,
    organizerId: USERS.pradeep.id,
    subject: 'Fabrikam partner sync',
    joinMeetingId: '827364915042',
    passcode: 'Fp9kR3',
    chatThreadId: '19:meeting_ZTA1OGFiMTYtNWY4YS00ZWYzLWIyZGItZjhlYmViMTY2Zjc5@thread.v2',
    joinWebUrl:
      'https://teams.microsoft.com/l/meetup-join/19%3Ameeting_ZTA1OGFiMTYtNWY4YS00ZWYzLWIyZGItZjhlYmViMTY2Zjc5%40thread.v2/0?context=%7B%22Tid%22%3A%2242c1c96c-9a92-4d33-9d7d-a83f3c24a106%22%2C%22Oid%22%3A%22d9390f75-749c-4fac-9d31-4596854325de%22%7D',
    lobbyBypass: 'organizer',
    startDateTime: '2025-02-12T15:00:00Z',
    endDateTime: '2025-02-12T15:30:00Z',
  },
} as const;

export const DEMO = {
  tenantId: CONTOSO,
  tenantDomain: 'contoso.example',
  tenantName: 'Contoso (demo)',
  fabrikamTenantId: FABRIKAM,
  fabrikamDomain: 'fabrikam.example',
  fabrikamName: 'Fabrikam (demo)',
  /** Consented to every calling permission in Contoso; may remove participants there. */
  appId: 'e30d9466-3fb9-44c1-bdfb-c0751f576358',
  appName: 'Switchboard Demo Bot',
  appSecret: 'switchboard-demo-secret-DO-NOT-USE-IN-PRODUCTION',
  appSecretId: '9743e3a8-4d6c-480a-80a8-9ed073eda7c1',
  appServicePrincipalId: '7b7780ad-94b9-4747-985f-84732d4f4895',
  /** Consented to Calls.Initiate.All only, for 403 paths. */
  limitedAppId: 'a861b726-b6e5-4df9-8e2c-7e9b6813ebbe',
  limitedAppName: 'Switchboard Limited Bot',
  limitedAppSecret: 'switchboard-limited-secret-DO-NOT-USE-IN-PRODUCTION',
  limitedAppSecretId: '78f12c6d-275b-43fd-bbc6-592f5bc80905',
  limitedAppServicePrincipalId: '92815748-75e4-4a4e-894f-43d9d9e9828e',
  users: USERS,
  meetings: MEETINGS,
  /** The user whose compliance recording policy names the demo bot. */
  recordedUserId: USERS.megan.id,
} as const;

const withRecordingPolicy = (entry: (typeof USERS)[keyof typeof USERS]) =>
  entry.id === DEMO.recordedUserId ? { ...entry, complianceRecordingPolicy: { recordingAppIds: [DEMO.appId] } } : entry;

const meetingEntry = ({ joinWebUrl: _derived, ...entry }: (typeof MEETINGS)[keyof typeof MEETINGS]) => entry;

/** Magic values (simulation/magic-values.ts): extra users and meetings that always produce one outcome. */
const MAGIC = magicWorldEntries();

/** The demo world as a world file: seeding it goes through the same validation as any file. */
export const DEMO_WORLD: WorldFileInput = {
  version: 1,
  mode: 'extend',
  tenants: [
    { id: CONTOSO, displayName: DEMO.tenantName, domain: DEMO.tenantDomain, meetingConfiguration: { allowRemoveParticipantAppIds: [DEMO.appId] } },
    { id: FABRIKAM, displayName: DEMO.fabrikamName, domain: DEMO.fabrikamDomain },
  ],
  users: [...Object.values(USERS).map(withRecordingPolicy), ...(MAGIC.users as WorldFileInput['users'] & object)],
  applications: [
    { appId: DEMO.appId, displayName: DEMO.appName, homeTenantId: CONTOSO, secrets: [{ id: DEMO.appSecretId, value: DEMO.appSecret, displayName: 'demo secret' }] },
    { appId: DEMO.limitedAppId, displayName: DEMO.limitedAppName, homeTenantId: CONTOSO, secrets: [{ id: DEMO.limitedAppSecretId, value: DEMO.limitedAppSecret, displayName: 'demo secret' }] },
  ],
  consents: [
    { tenantId: CONTOSO, appId: DEMO.appId, servicePrincipalId: DEMO.appServicePrincipalId, permissions: [...CALLING_PERMISSIONS] },
    { tenantId: CONTOSO, appId: DEMO.limitedAppId, servicePrincipalId: DEMO.limitedAppServicePrincipalId, permissions: ['Calls.Initiate.All'] },
  ],
  meetings: [...Object.values(MEETINGS).map(meetingEntry), ...(MAGIC.meetings as WorldFileInput['meetings'] & object)],
};

export function demoWorldFile(): WorldFile {
  return worldFileSchema.parse(DEMO_WORLD);
}
