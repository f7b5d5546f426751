/**
 * What the node views and field widgets of one open reply need, provided above <EditorContent>
 * (Tiptap renders React node views as portals inside it, so context reaches them).
 */
import { createContext, useContext } from "react";
import type * as Y from "yjs";
import type { FieldStore } from "./fieldStore.js";
import type { JumpTarget } from "./focus.js";
import { asString, asStringArray, useFieldValue } from "./fieldStore.js";
import { REGIONS } from "../../../shared/regions.js";

export interface ReplyContextValue {
  ydoc: Y.Doc;
  store: FieldStore;
  /** False for readers, frozen replies and after a terminal close: widgets are disabled. */
  editable: boolean;
  /** The reply's own region (hoved.region). */
  regionId: string;
  jumpTo: (target: JumpTarget) => void;
}

export const ReplyContext = createContext<ReplyContextValue | null>(null);

export function useReply(): ReplyContextValue {
  const value = useContext(ReplyContext);
  if (!value) throw new Error("useReply outside ReplyContext");
  return value;
}

/** Own region first, then (cross-regional solution) the partner regions in regions.json order. */
export function useParticipatingRegions(): string[] {
  const { store, regionId } = useReply();
  const omfang = asString(useFieldValue(store, "i1.organisering.omfang"));
  const partners = asStringArray(useFieldValue(store, "i1.organisering.regioner"));
  if (omfang !== "tvaerregional") return [regionId];
  const chosen = new Set(partners.filter((r) => r !== regionId));
  return [regionId, ...REGIONS.regions.map((r) => r.id).filter((id) => chosen.has(id))];
}
