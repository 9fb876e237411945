/**
 * `@switchboard/calling-bot`: a TypeScript SDK for Microsoft Graph calling bots that works the same
 * against Microsoft Graph and against Switchboard. Every export below is documented where it is
 * declared.
 *
 * @packageDocumentation
 */

/** Graph calling types, per version, from Microsoft's own typings. */
export type { Beta, BetaModels, GraphVersion, Model, ModelsByVersion, V1, V1Models } from './graph-types.js';

/** The typed Graph calling client. */
export { CallingClient } from './client/calling-client.js';
export { CallsApi } from './client/calls-api.js';
export { ParticipantsApi } from './client/participants-api.js';
export { AudioRoutingGroupsApi, ContentSharingSessionsApi } from './client/call-resources-api.js';
export { GraphTransport, type GraphRequest, type GraphResponse, type TokenProvider, type TransportOptions } from './client/transport.js';
export { GraphError, type GraphErrorDetails } from './client/graph-error.js';
export { parseRetryAfter, type RetryOptions, type RetryPolicy } from './client/retry-policy.js';
export type {
  AnswerParams,
  BetaRedirectExtras,
  ConfigureMixerParams,
  InviteParams,
  MuteAllParams,
  PlayPromptParams,
  RecordResponseParams,
  RedirectParams,
  RejectParams,
  SendDtmfTonesParams,
  StartHoldMusicParams,
  TransferParams,
  UpdateRecordingStatusParams,
  WithClientContext,
} from './client/action-params.js';

/** Callback verification and notification parsing. */
export {
  CALLBACK_ISSUERS,
  CallbackAuthError,
  CallbackVerifier,
  MICROSOFT_OPENID_METADATA_URL,
  type CallbackRejection,
  type CallbackVerifierOptions,
  type VerifiedCallback,
} from './notifications/callback-verifier.js';
export { NotificationFormatError, parseNotifications } from './notifications/parse-notifications.js';
export { parseResourcePath, type ResourcePath } from './notifications/resource-url.js';
export type {
  CallingEvent,
  CallingEventKind,
  CallStateChangedEvent,
  CallTerminatedEvent,
  ContentSharingUpdatedEvent,
  IncomingCallEvent,
  OperationEvent,
  RawNotification,
  RosterUpdatedEvent,
  ToneReceivedEvent,
  UnrecognizedEvent,
} from './notifications/events.js';

/** Call state and roster tracking. */
export { CallTracker, type CallTrackerOptions, type TrackerEvents } from './tracking/call-tracker.js';
export { TrackedCall } from './tracking/tracked-call.js';
export { Roster, type RosterChange, type RosterEntry } from './tracking/roster.js';
export { isNewerState, phaseOf } from './tracking/state-order.js';

/** Awaitable operations. */
export { OperationWaiter, type CompletedOperation, type OperationKey, type OperationWaiterOptions } from './operations/operation-waiter.js';
export { OperationFailedError, OperationTimeoutError, type ResultInfo } from './operations/operation-errors.js';

/** The bot facade. */
export { Bot, type BotOptions } from './bot/bot.js';
export { CallHandle } from './bot/call-handle.js';
export { ParticipantHandle } from './bot/participant-handle.js';
export type { AwaitOptions } from './bot/awaiter.js';

/** Web framework adapters (no dependency on the frameworks). */
export type { CallbackHandler, CallbackRequest, CallbackResult } from './adapters/callback-handler.js';
export { nodeHttpHandler, type NodeAdapterOptions } from './adapters/node-http.js';
export { expressHandler, type ExpressLikeRequest } from './adapters/express.js';
export { fastifyPlugin, type FastifyLikeInstance, type FastifyLikeReply, type FastifyLikeRequest, type FastifyPluginOptions } from './adapters/fastify.js';
