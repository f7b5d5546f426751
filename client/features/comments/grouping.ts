/**
 * Filtering, counting and grouping threads by the template's items (shared/template/definition.ts).
 * Pure functions: the panel, the badge and the completeness panel share them.
 */
import { TEMPLATE, blockIndex, findBlock, progressKeyOfBlock } from "../../../shared/template/definition.js";
import type { ItemId, ProgressKey } from "../../../shared/template/types.js";
import type { ThreadDto } from "../../../shared/validation/comments.js";
import { cm } from "../../i18n/comments.js";

export type ThreadFilter = "open" | "resolved" | "mine" | "all";
export const FILTERS: readonly ThreadFilter[] = ["open", "resolved", "mine", "all"];

export function matchesFilter(thread: ThreadDto, filter: ThreadFilter): boolean {
  switch (filter) {
    case "open":
      return thread.status === "open";
    case "resolved":
      return thread.status === "resolved";
    case "mine":
      return thread.mentionsMe;
    case "all":
      return true;
  }
}

export function filterCounts(threads: readonly ThreadDto[]): Record<ThreadFilter, number> {
  const counts: Record<ThreadFilter, number> = { open: 0, resolved: 0, mine: 0, all: 0 };
  for (const t of threads) for (const f of FILTERS) if (matchesFilter(t, f)) counts[f]++;
  return counts;
}

/** "1.2 Hjemmelsgrundlag", or the heading alone; null for an unknown block. */
export function blockLabel(blockId: string | null): string | null {
  const block = blockId ? findBlock(blockId) : undefined;
  if (!block) return null;
  return block.number ? `${block.number} ${block.heading}` : block.heading;
}

function itemOf(thread: ThreadDto): ItemId | null {
  const block = thread.blockId ? findBlock(thread.blockId) : undefined;
  return block?.itemId ?? null;
}

export interface ThreadGroup {
  /** An item id, or "none" for threads without a known place. */
  key: ItemId | "none";
  label: string;
  threads: ThreadDto[];
}

/** Groups in template order (threads without a place last); in a group by block, then by age. */
export function groupByItem(threads: readonly ThreadDto[]): ThreadGroup[] {
  const sorted = [...threads].sort((a, b) => blockIndex(a.blockId ?? "") - blockIndex(b.blockId ?? "") || a.createdAt.localeCompare(b.createdAt));
  const groups: ThreadGroup[] = [];
  for (const item of TEMPLATE.items) {
    const own = sorted.filter((t) => itemOf(t) === item.id);
    if (own.length > 0) groups.push({ key: item.id, label: cm.items[item.id], threads: own });
  }
  const none = sorted.filter((t) => itemOf(t) === null);
  if (none.length > 0) groups.push({ key: "none", label: cm.noPlace, threads: none });
  return groups;
}

/** Unresolved threads per progress bucket of the completeness panel, and in all (Indledning and Bilag included). */
export function openThreadsByProgressKey(threads: readonly ThreadDto[]): { byKey: Record<ProgressKey, number>; total: number } {
  const byKey: Record<ProgressKey, number> = { hoved: 0, "1": 0, "2": 0, "3": 0, "4": 0 };
  let total = 0;
  for (const t of threads) {
    if (t.status !== "open") continue;
    total++;
    const key = t.blockId ? progressKeyOfBlock(t.blockId) : undefined;
    if (key) byKey[key]++;
  }
  return { byKey, total };
}
