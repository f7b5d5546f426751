import * as decoding from "lib0/decoding";
import { MESSAGE_SYNC, SYNC_STEP_2, SYNC_UPDATE } from "./messages.js";

/**
 * True if a client→server frame carries a document update (sync step 2 or update): these are
 * the frames the server's MESSAGE_SAVED count refers to. Client and tests count with this.
 */
export function isUpdateBearingFrame(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false;
    const sub = decoding.readVarUint(decoder);
    return sub === SYNC_STEP_2 || sub === SYNC_UPDATE;
  } catch {
    return false;
  }
}
