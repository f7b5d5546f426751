/**
 * The signed-in user's own changes that the server refused because the text was frozen (kept on
 * the server, never lost). Refreshed on the `rejected-changes` event for this user and whenever
 * the collaboration connection closes: a refused offline edit typically ends the connection
 * (DOCUMENT_FROZEN) before its event can arrive.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { api, type RejectedChangeDto } from "../../api.js";
import { useServerEvent, useWorkspace } from "../workspace/WorkspaceContext.js";

/** The refused update is stored just after the connection is closed; ask once more a bit later. */
const AFTER_CLOSE_RETRY_MS = 1500;

export function useRejectedChanges(): { changes: RejectedChangeDto[]; limitReached: boolean; refresh: () => void } {
  const { document, me, provider, workflowState } = useWorkspace();
  const [changes, setChanges] = useState<RejectedChangeDto[]>([]);
  const [limitReached, setLimitReached] = useState(false);
  const sequence = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++sequence.current;
    api.getRejectedChanges(document.id).then(
      (response) => {
        if (mine !== sequence.current) return;
        setChanges(response.changes);
        setLimitReached(response.limitReached);
      },
      () => {
        // Not worth an error of its own: the list is a courtesy, and the next event retries.
      },
    );
  }, [document.id]);

  useEffect(() => {
    refresh();
  }, [refresh, workflowState]);

  useServerEvent((event) => {
    if (event.type === "rejected-changes" && event.userId === me.user.id) refresh();
  });

  useEffect(() => {
    if (!provider) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onClose = () => {
      refresh();
      clearTimeout(timer);
      timer = setTimeout(refresh, AFTER_CLOSE_RETRY_MS);
    };
    provider.on("connection-close", onClose);
    return () => {
      clearTimeout(timer);
      provider.off("connection-close", onClose);
    };
  }, [provider, refresh]);

  return { changes, limitReached, refresh };
}
