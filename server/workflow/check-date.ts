/**
 * The date a reply's completeness is judged at. A draft is judged today; a frozen reply (sent for
 * approval, approved or submitted) at the day it was frozen, so a reply that was complete and on
 * time then does not grow date errors ("driftsstart skal ligge efter svarets dato") as the
 * calendar moves on. The seal records the same date (`checkedAsOf`).
 */
import { copenhagenDate, copenhagenToday } from "../../shared/danish.js";
import { isFrozen } from "../../shared/policy.js";
import type { DocumentRow, Store } from "../storage/types.js";

/** YYYY-MM-DD in Copenhagen; `now` for tests. */
export async function checkDateOf(store: Store, document: DocumentRow, now: Date = new Date()): Promise<string> {
  if (!isFrozen(document.state)) return copenhagenToday(now);
  const workflow = await store.getWorkflow(document.id);
  const frozen = workflow.frozenVersionId ? await store.getVersion(workflow.frozenVersionId) : undefined;
  if (frozen) return copenhagenDate(frozen.createdAt);
  const seal = await store.getSeal(document.id);
  return seal ? copenhagenDate(seal.sealedAt) : copenhagenToday(now);
}
