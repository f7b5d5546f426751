/**
 * The people in the document, from the awareness states of the provider. The server stamps
 * `user` (AwarenessUser) into every state it relays, so names cannot be forged; the shape is
 * still checked before use. One entry per person, even with several tabs open.
 */
import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { AwarenessUser } from "../../../shared/validation/api.js";
import { DocumentRole } from "../../../shared/vocabulary.js";

export interface Person {
  userId: string;
  name: string;
  organisation: string;
  role: AwarenessUser["role"];
  color: string;
  isSelf: boolean;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

export function toPerson(state: unknown, selfUserId: string): Person | null {
  if (typeof state !== "object" || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== "object" || user === null) return null;
  const u = user as Record<string, unknown>;
  if (typeof u.userId !== "string" || typeof u.name !== "string" || typeof u.organisation !== "string") return null;
  if (!DocumentRole.safeParse(u.role).success) return null;
  return {
    userId: u.userId,
    name: u.name,
    organisation: u.organisation,
    role: u.role as Person["role"],
    color: typeof u.color === "string" && HEX_COLOUR.test(u.color) ? u.color : "#444444",
    isSelf: u.userId === selfUserId,
  };
}

/** Self first, then by name (Danish collation). */
export function peopleFromStates(states: Map<number, unknown>, selfUserId: string): Person[] {
  const byUser = new Map<string, Person>();
  for (const state of states.values()) {
    const person = toPerson(state, selfUserId);
    if (person && !byUser.has(person.userId)) byUser.set(person.userId, person);
  }
  const collator = new Intl.Collator("da-DK");
  return [...byUser.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || collator.compare(a.name, b.name));
}

export function usePresence(awareness: Awareness, selfUserId: string): Person[] {
  const [people, setPeople] = useState<Person[]>(() => peopleFromStates(awareness.getStates(), selfUserId));
  useEffect(() => {
    const refresh = () => setPeople(peopleFromStates(awareness.getStates(), selfUserId));
    refresh();
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [awareness, selfUserId]);
  return people;
}
