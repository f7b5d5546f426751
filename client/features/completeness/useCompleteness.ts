/**
 * Runs the pure completeness check (shared/template/completeness.ts) over the live document,
 * debounced on document updates, so the side panel follows typing without running on every key.
 */
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { extractReplyContent } from "../../../shared/content/extract.js";
import { checkCompleteness } from "../../../shared/template/completeness.js";
import type { CompletenessReport } from "../../../shared/template/types.js";
import { REGIONS } from "../../../shared/regions.js";
import { copenhagenToday } from "../../i18n/da.js";

const DEBOUNCE_MS = 400;

export type CompletenessState = { status: "ok"; report: CompletenessReport } | { status: "failed" };

export function runCompleteness(ydoc: Y.Doc, regionId: string, today: string = copenhagenToday()): CompletenessState {
  try {
    return { status: "ok", report: checkCompleteness(extractReplyContent(ydoc), { regionId, regions: REGIONS, today }) };
  } catch (error) {
    console.error("completeness check failed", error);
    return { status: "failed" };
  }
}

export function useCompleteness(ydoc: Y.Doc, regionId: string): CompletenessState {
  const [state, setState] = useState<CompletenessState>(() => runCompleteness(ydoc, regionId));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setState(runCompleteness(ydoc, regionId)), DEBOUNCE_MS);
    };
    setState(runCompleteness(ydoc, regionId));
    ydoc.on("update", schedule);
    return () => {
      clearTimeout(timer);
      ydoc.off("update", schedule);
    };
  }, [ydoc, regionId]);
  return state;
}
