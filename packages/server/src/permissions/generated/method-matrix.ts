// GENERATED FILE - DO NOT EDIT. Written by packages/server/scripts/derive-permissions.ts from the shared
// graph-reference methods.json (one entry per Graph method page and version) and the permission page of
// Calls.JoinGroupCall.All. Regenerate: cd packages/server && node --import tsx scripts/derive-permissions.ts
/* eslint-disable max-lines -- generated data: one entry per Graph method page */
import type { OperationEntry } from '../types.js';

export const operationNames = [
  "audioRoutingGroup.create",
  "audioRoutingGroup.delete",
  "audioRoutingGroup.get",
  "audioRoutingGroup.list",
  "audioRoutingGroup.update",
  "call.addLargeGalleryView",
  "call.answer",
  "call.cancelMediaProcessing",
  "call.changeScreenSharingRole",
  "call.create",
  "call.delete",
  "call.get",
  "call.keepAlive",
  "call.logTeleconferenceDeviceQuality",
  "call.mute",
  "call.playPrompt",
  "call.recordResponse",
  "call.redirect",
  "call.reject",
  "call.sendDtmfTones",
  "call.subscribeToTone",
  "call.transfer",
  "call.unmute",
  "call.updateRecordingStatus",
  "commsOperation.get",
  "contentSharingSession.get",
  "contentSharingSession.list",
  "participant.configureMixer",
  "participant.delete",
  "participant.get",
  "participant.invite",
  "participant.list",
  "participant.mute",
  "participant.muteAll",
  "participant.startHoldMusic",
  "participant.stopHoldMusic",
] as const;

export type OperationName = (typeof operationNames)[number];

export const methodMatrix: readonly OperationEntry[] = [
  {
    operation: "audioRoutingGroup.create",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/audioRoutingGroups", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/audioRoutingGroups", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-post-audioroutinggroups.md@082d7a8f9f358ea2f67ec90b4428522f41a5c45c",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/audioRoutingGroups", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/audioRoutingGroups", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-post-audioroutinggroups.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "audioRoutingGroup.delete",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "DELETE", path: "/app/calls/{id}/audioRoutingGroups/{id}", prefix: "/app" },
          { method: "DELETE", path: "/communications/calls/{id}/audioRoutingGroups/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/audioroutinggroup-delete.md@082d7a8f9f358ea2f67ec90b4428522f41a5c45c",
      },
      "beta": {
        routes: [
          { method: "DELETE", path: "/app/calls/{id}/audioRoutingGroups/{id}", prefix: "/app" },
          { method: "DELETE", path: "/communications/calls/{id}/audioRoutingGroups/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/audioroutinggroup-delete.md@a16b765507093d892022603d521c0ae8043de432",
      },
    },
  },
  {
    operation: "audioRoutingGroup.get",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "GET", path: "/app/calls/{id}/audioRoutingGroups/{id}", prefix: "/app" },
          { method: "GET", path: "/communications/calls/{id}/audioRoutingGroups/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/audioroutinggroup-get.md@073a3963b21637213e5f1e568a46929928f02ddf",
      },
      "beta": {
        routes: [
          { method: "GET", path: "/app/calls/{id}/audioRoutingGroups/{id}", prefix: "/app" },
          { method: "GET", path: "/communications/calls/{id}/audioRoutingGroups/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/audioroutinggroup-get.md@a16b765507093d892022603d521c0ae8043de432",
      },
    },
  },
  {
    operation: "audioRoutingGroup.list",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "GET", path: "/app/calls/{id}/audioRoutingGroups", prefix: "/app" },
          { method: "GET", path: "/communications/calls/{id}/audioRoutingGroups", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-list-audioroutinggroups.md@073a3963b21637213e5f1e568a46929928f02ddf",
      },
      "beta": {
        routes: [
          { method: "GET", path: "/app/calls/{id}/audioRoutingGroups", prefix: "/app" },
          { method: "GET", path: "/communications/calls/{id}/audioRoutingGroups", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-list-audioroutinggroups.md@1e8ba243e77ca344e267f16dfeb321fb5a7463e8",
      },
    },
  },
  {
    operation: "audioRoutingGroup.update",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "PATCH", path: "/app/calls/{id}/audioRoutingGroups/{id}", prefix: "/app" },
          { method: "PATCH", path: "/communications/calls/{id}/audioRoutingGroups/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/audioroutinggroup-update.md@082d7a8f9f358ea2f67ec90b4428522f41a5c45c",
      },
      "beta": {
        routes: [
          { method: "PATCH", path: "/app/calls/{id}/audioRoutingGroups/{id}", prefix: "/app" },
          { method: "PATCH", path: "/communications/calls/{id}/audioRoutingGroups/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/audioroutinggroup-update.md@a16b765507093d892022603d521c0ae8043de432",
      },
    },
  },
  {
    operation: "call.addLargeGalleryView",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/addLargeGalleryView", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/addLargeGalleryView", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-addlargegalleryview.md@073a3963b21637213e5f1e568a46929928f02ddf",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/addLargeGalleryView", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/addLargeGalleryView", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-addlargegalleryview.md@4f5a5aef6cfe2fab2ae39ff7eccaf65f44b7aea1",
      },
    },
  },
  {
    operation: "call.answer",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/answer", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.JoinGroupCallAsGuest.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-answer.md@06196f75d44b6c5e4c5e3ff68c1a70dd4620e8b6",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/answer", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/answer", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.JoinGroupCallAsGuest.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-answer.md@9bbcce5784a89768ece55a66e3651080d56e1e92",
      },
    },
  },
  {
    operation: "call.cancelMediaProcessing",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/cancelMediaProcessing", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-cancelmediaprocessing.md@06473d2fa2a68f08dfeda8b4ea4a1c46f60afe9b",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/cancelMediaProcessing", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/cancelMediaProcessing", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-cancelmediaprocessing.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.changeScreenSharingRole",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/changeScreenSharingRole", prefix: "/communications" },
        ],
        permissions: ["Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-changescreensharingrole.md@082d7a8f9f358ea2f67ec90b4428522f41a5c45c",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/changeScreenSharingRole", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/changeScreenSharingRole", prefix: "/communications" },
        ],
        permissions: ["Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-changescreensharingrole.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.create",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCalls.Chat", "Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/application-post-calls.md@02ecaf40c076240bc84bd78ba4ab87064d9b5868",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls", prefix: "/app" },
          { method: "POST", path: "/communications/calls", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCalls.Chat", "Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/application-post-calls.md@7c1f2df6599638963e28dc89491eafb4b81f4e8e",
      },
    },
  },
  {
    operation: "call.delete",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "DELETE", path: "/communications/calls/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-delete.md@02b4cba04d0426b41fe35819922b100050c5c441",
      },
      "beta": {
        routes: [
          { method: "DELETE", path: "/app/calls/{id}", prefix: "/app" },
          { method: "DELETE", path: "/communications/calls/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-delete.md@0076eb6abb89be3dca3575631924a74a5202be30",
      },
    },
  },
  {
    operation: "call.get",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "GET", path: "/communications/calls/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-get.md@0627511fd6bca22848145f6a208534e2b85c6300",
      },
      "beta": {
        routes: [
          { method: "GET", path: "/app/calls/{id}", prefix: "/app" },
          { method: "GET", path: "/communications/calls/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-get.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.keepAlive",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/keepAlive", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-keepalive.md@082d7a8f9f358ea2f67ec90b4428522f41a5c45c",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/keepAlive", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-keepalive.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.logTeleconferenceDeviceQuality",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/logTeleconferenceDeviceQuality", prefix: "/communications" },
        ],
        permissions: ["Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-logteleconferencedevicequality.md@03e88f0a15038ae5d280389c654d7d329056dd03",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/communications/calls/logTeleconferenceDeviceQuality", prefix: "/communications" },
        ],
        permissions: ["Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-logteleconferencedevicequality.md@25acfa7d0153336c9a35d30a1dd422aeadc1342c",
      },
    },
  },
  {
    operation: "call.mute",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/mute", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-mute.md@082d7a8f9f358ea2f67ec90b4428522f41a5c45c",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/mute", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/mute", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-mute.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.playPrompt",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/playPrompt", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-playprompt.md@04094bda1a5d2bd0e67ebddca646d7de4e70b24f",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/playPrompt", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/playPrompt", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-playprompt.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.recordResponse",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/recordResponse", prefix: "/communications" },
        ],
        permissions: ["Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-record.md@06473d2fa2a68f08dfeda8b4ea4a1c46f60afe9b",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/recordResponse", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/recordResponse", prefix: "/communications" },
        ],
        permissions: ["Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-record.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.redirect",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/redirect", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-redirect.md@02b4cba04d0426b41fe35819922b100050c5c441",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/redirect", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/redirect", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-redirect.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.reject",
    authorization: "callGrant",
    authorizationWhy: "The method page lists no application permission: the call already belongs to the app, which was authorised when the call was created, joined or answered.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/reject", prefix: "/communications" },
        ],
        permissions: [],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-reject.md@082d7a8f9f358ea2f67ec90b4428522f41a5c45c",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/reject", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/reject", prefix: "/communications" },
        ],
        permissions: [],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-reject.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.sendDtmfTones",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/sendDtmfTones", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/sendDtmfTones", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-senddtmftones.md@1b1d83e60955143574786e5b875e83f8cb2f1e1b",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/sendDtmfTones", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/sendDtmfTones", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-senddtmftones.md@06bbaefe594d46812ec453cf60b882be4b541fc3",
      },
    },
  },
  {
    operation: "call.subscribeToTone",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/subscribeToTone", prefix: "/communications" },
        ],
        permissions: ["Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-subscribetotone.md@082d7a8f9f358ea2f67ec90b4428522f41a5c45c",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/subscribeToTone", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/subscribeToTone", prefix: "/communications" },
        ],
        permissions: ["Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-subscribetotone.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.transfer",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/transfer", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-transfer.md@1e274b660a2e0ca49febb5f6dbe49cc1aa2358a9",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/transfer", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/transfer", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-transfer.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.unmute",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/unmute", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-unmute.md@0713c450496046d1f357f9afae7a914ac6ab4277",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/unmute", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/unmute", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-unmute.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "call.updateRecordingStatus",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/updateRecordingStatus", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-updaterecordingstatus.md@00c2034baffe490e705f8228dbdc31c88fc0ba3d",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/updateRecordingStatus", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/updateRecordingStatus", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCall.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-updaterecordingstatus.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "commsOperation.get",
    authorization: "callGrant",
    authorizationWhy: "The method page lists no application permission: the call already belongs to the app, which was authorised when the call was created, joined or answered.",
    versions: {
      "v1.0": {
        routes: [
          { method: "GET", path: "/app/calls/{callId}/operations/{id}", prefix: "/app" },
          { method: "GET", path: "/communications/calls/{callId}/operations/{id}", prefix: "/communications" },
        ],
        permissions: [],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/addlargegalleryviewoperation-get.md@09a024454e4f07a488bfd4e3d7f96696598ca10f",
      },
      "beta": {
        routes: [
          { method: "GET", path: "/app/calls/{callId}/operations/{id}", prefix: "/app" },
          { method: "GET", path: "/communications/calls/{callId}/operations/{id}", prefix: "/communications" },
        ],
        permissions: [],
        alsoListedBy: [],
        doc: "api-reference/beta/api/addlargegalleryviewoperation-get.md@4f5a5aef6cfe2fab2ae39ff7eccaf65f44b7aea1",
      },
    },
  },
  {
    operation: "contentSharingSession.get",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "GET", path: "/communications/calls/{id}/contentSharingSessions/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/contentsharingsession-get.md@181510bc448267261ab9a0496f79bf3c6b50934b",
      },
      "beta": {
        routes: [
          { method: "GET", path: "/communications/calls/{id}/contentSharingSessions/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/contentsharingsession-get.md@4f5a5aef6cfe2fab2ae39ff7eccaf65f44b7aea1",
      },
    },
  },
  {
    operation: "contentSharingSession.list",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "GET", path: "/communications/calls/{id}/contentSharingSessions", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All", "Calls.JoinGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-list-contentsharingsessions.md@0713c450496046d1f357f9afae7a914ac6ab4277",
      },
      "beta": {
        routes: [
          { method: "GET", path: "/communications/calls/{id}/contentSharingSessions", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-list-contentsharingsessions.md@4f5a5aef6cfe2fab2ae39ff7eccaf65f44b7aea1",
      },
    },
  },
  {
    operation: "participant.configureMixer",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/participants/configureMixer", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/participants/configureMixer", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/participant-configuremixer.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "participant.delete",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    tenantPrerequisite: "Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds @{Add=\"app_id\"}",
    versions: {
      "v1.0": {
        routes: [
          { method: "DELETE", path: "/communications/calls/{id}/participants/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/participant-delete.md@0273c463ba400fd1c477eb6800edb2eee57b1773",
      },
      "beta": {
        routes: [
          { method: "DELETE", path: "/app/calls/{id}/participants/{id}", prefix: "/app" },
          { method: "DELETE", path: "/communications/calls/{id}/participants/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/participant-delete.md@4b852b92535fba8af9b2bbd6f55dc16aced9ef7e",
      },
    },
  },
  {
    operation: "participant.get",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "GET", path: "/communications/calls/{id}/participants/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/participant-get.md@028b8e354879f1054adbd96bfa8d16fff4330811",
      },
      "beta": {
        routes: [
          { method: "GET", path: "/app/calls/{id}/participants/{id}", prefix: "/app" },
          { method: "GET", path: "/communications/calls/{id}/participants/{id}", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/participant-get.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "participant.invite",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/participants/invite", prefix: "/communications" },
        ],
        permissions: ["Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/participant-invite.md@7c973558bb5664f6b5e454963e7071e3f8b405d5",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/participants/invite", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/participants/invite", prefix: "/communications" },
        ],
        permissions: ["Calls.InitiateGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/participant-invite.md@4b852b92535fba8af9b2bbd6f55dc16aced9ef7e",
      },
    },
  },
  {
    operation: "participant.list",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "GET", path: "/communications/calls/{id}/participants", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/call-list-participants.md@0273c463ba400fd1c477eb6800edb2eee57b1773",
      },
      "beta": {
        routes: [
          { method: "GET", path: "/app/calls/{id}/participants", prefix: "/app" },
          { method: "GET", path: "/communications/calls/{id}/participants", prefix: "/communications" },
        ],
        permissions: ["Calls.Initiate.All", "Calls.AccessMedia.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/call-list-participants.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "participant.mute",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/participants/{id}/mute", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/v1.0/api/participant-mute.md@0713c450496046d1f357f9afae7a914ac6ab4277",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/participants/{id}/mute", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/participants/{id}/mute", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/participant-mute.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "participant.muteAll",
    authorization: "method",
    authorizationWhy: "The permissions listed on the method page are checked on the action itself.",
    versions: {
      "beta": {
        routes: [
          { method: "POST", path: "/app/calls/{id}/participants/muteAll", prefix: "/app" },
          { method: "POST", path: "/communications/calls/{id}/participants/muteAll", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/participant-muteall.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "participant.startHoldMusic",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/participants/{id}/startHoldMusic", prefix: "/communications" },
        ],
        permissions: [],
        alsoListedBy: ["Calls.JoinGroupCall.All"],
        doc: "api-reference/v1.0/api/participant-startholdmusic.md@018b5aa0c87a910a12e55ddd8a7097ae797f03f4",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/participants/{id}/startHoldMusic", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/participant-startholdmusic.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
  {
    operation: "participant.stopHoldMusic",
    authorization: "callGrant",
    authorizationWhy: "The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.",
    versions: {
      "v1.0": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/participants/{id}/stopHoldMusic", prefix: "/communications" },
        ],
        permissions: [],
        alsoListedBy: ["Calls.JoinGroupCall.All"],
        doc: "api-reference/v1.0/api/participant-stopholdmusic.md@018b5aa0c87a910a12e55ddd8a7097ae797f03f4",
      },
      "beta": {
        routes: [
          { method: "POST", path: "/communications/calls/{id}/participants/{id}/stopHoldMusic", prefix: "/communications" },
        ],
        permissions: ["Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCall.All"],
        alsoListedBy: [],
        doc: "api-reference/beta/api/participant-stopholdmusic.md@10719607271380ea56076ccff5a3b774d0005773",
      },
    },
  },
];
