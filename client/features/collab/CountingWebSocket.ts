/**
 * A WebSocket that counts the update-bearing frames it sends (sync step 2 and update), so the
 * client can match them against the server's MESSAGE_SAVED count ("the first `count`
 * update-bearing frames you sent on this socket are committed"). The count starts at 0 for every
 * socket, exactly as the server counts per connection.
 *
 * y-websocket constructs its socket itself (`new WebSocketPolyfill(url, protocols)`), so a
 * listener is bound with `withFrameListener`, which returns a subclass to pass as the polyfill.
 */
import { classifyOutgoingFrame, type UpdateFrame } from "../../../shared/protocol/frames.js";

export interface CountedFrame extends UpdateFrame {
  /** 1-based position of this frame among the update-bearing frames of its socket. */
  index: number;
}

export type FrameListener = (socket: CountingWebSocket, frame: CountedFrame) => void;

export class CountingWebSocket extends WebSocket {
  /** Update-bearing frames sent on this socket so far. */
  updateFrames = 0;
  onUpdateFrame: FrameListener | null = null;

  override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    // A socket that is not open drops (or refuses) the frame; the server never counts it.
    const open = this.readyState === WebSocket.OPEN;
    super.send(data as Parameters<WebSocket["send"]>[0]);
    if (!open) return;
    const frame = classifyOutgoingFrame(data);
    if (!frame) return;
    this.updateFrames++;
    this.onUpdateFrame?.(this, { ...frame, index: this.updateFrames });
  }

  /** A subclass whose every instance reports its update frames to `listener`. */
  static withFrameListener(listener: FrameListener): typeof CountingWebSocket {
    return class BoundCountingWebSocket extends CountingWebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.onUpdateFrame = listener;
      }
    };
  }
}
