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

/** `checkDate`: the day a frozen reply is judged at (server/workflow/check-date.ts); null judges a draft today. */
export function useCompleteness(ydoc: Y.Doc, regionId: string, checkDate: string | null = null): CompletenessState {
  const [state, setState] = useState<CompletenessState>(() => runCompleteness(ydoc, regionId, checkDate ?? copenhagenToday()));
  useEffect(() => {
    const run = () => runCompleteness(ydoc, regionId, checkDate ?? copenhagenToday());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setState(run()), DEBOUNCE_MS);
    };
    setState(run());
    ydoc.on("update", schedule);
    return () => {
      clearTimeout(timer);
      ydoc.off("update", schedule);
    };
  }, [ydoc, regionId, checkDate]);
  return state;
}
