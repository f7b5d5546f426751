/**
 * The national capacity against the need of 80–100 women a year: what the submitted replies
 * offer, and apart from it what the drafts say so far. A unit that two regions share (a
 * cross-regional solution that each of their replies names) is one unit and counts once.
 */
import type { WorkflowState } from "./vocabulary.js";

/** The national need the agency compares the offered capacity with: women per year. */
export const NATIONAL_NEED: { readonly min: number; readonly max: number } = { min: 80, max: 100 };

export interface CapacityReply {
  regionId: string;
  state: WorkflowState;
  /** i1.organisering.kapacitet: women per year; null when not stated. */
  capacity: number | null;
  /** i1.organisering.omfang === "tvaerregional". */
  crossRegional: boolean;
  /** i1.organisering.regioner: the other regions of a cross-regional solution. */
  partners: readonly string[];
}

export interface NationalCapacity {
  /** Women per year offered by units whose reply (or one of whose replies) is submitted. */
  submitted: number;
  /** Women per year in units no submitted reply offers yet. */
  drafts: number;
}

/** Reply indexes grouped into units: two cross-regional replies that name each other are one unit. */
export function capacityUnits(replies: readonly CapacityReply[]): number[][] {
  const unitOf = replies.map((_, i) => i);
  const find = (i: number): number => (unitOf[i] === i ? i : (unitOf[i] = find(unitOf[i]!)));
  replies.forEach((a, i) =>
    replies.forEach((b, j) => {
      if (i < j && a.crossRegional && b.crossRegional && a.partners.includes(b.regionId) && b.partners.includes(a.regionId)) unitOf[find(j)] = find(i);
    }),
  );
  const units = new Map<number, number[]>();
  replies.forEach((_, i) => units.set(find(i), [...(units.get(find(i)) ?? []), i]));
  return [...units.values()];
}

export function nationalCapacity(replies: readonly CapacityReply[]): NationalCapacity {
  const total = { submitted: 0, drafts: 0 };
  for (const unit of capacityUnits(replies)) {
    const members = unit.map((i) => replies[i]!);
    const submitted = members.filter((r) => r.state === "indsendt");
    // The shared unit's capacity as its submitted replies state it (else as the drafts do); the largest if they differ.
    const stated = (submitted.length > 0 ? submitted : members).map((r) => r.capacity ?? 0);
    total[submitted.length > 0 ? "submitted" : "drafts"] += Math.max(0, ...stated);
  }
  return total;
}
