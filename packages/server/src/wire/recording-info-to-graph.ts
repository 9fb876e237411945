import type { RecordingInfo } from '../domain/calls/types.js';
import { identitySet, type GraphObject } from './identity-set.js';

/**
 * A participant's `recordingInfo` (resources/recordinginfo): who records (`initiator`, an
 * identitySet) and the status they reported with updateRecordingStatus.
 */
export function recordingInfoToGraph(info: RecordingInfo): GraphObject {
  return { '@odata.type': '#microsoft.graph.recordingInfo', initiator: identitySet(info.initiator), recordingStatus: info.status };
}
