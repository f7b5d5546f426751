/**
 * Who is in the reply and who is typing right now, for the freeze (issue 14). Each editor marks
 * its awareness state with `typingAt` when it changes the text (see collab/tracker.ts); this
 * hook notes, on the receiving side's own clock, when each person's mark last changed, so clocks
 * that disagree between machines do not matter.
 */
import { useEffect, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { peopleFromStates, toPerson, type Person } from "../presence/usePresence.js";

/** Typing within this long counts as "typing now", in ms. */
export const TYPING_NOW_MS = 2500;

export interface TypingNow {
  present: Person[];
  /** People (not oneself) whose last keystroke arrived less than TYPING_NOW_MS ago. */
  typing: () => Person[];
}

export function useTypingNow(awareness: Awareness | null, selfUserId: string): TypingNow {
  const [present, setPresent] = useState<Person[]>([]);
  const lastTyped = useRef(new Map<string, { at: number; mark: unknown }>());
  useEffect(() => {
    if (!awareness) return;
    const refresh = () => {
      setPresent(peopleFromStates(awareness.getStates(), selfUserId));
      for (const state of awareness.getStates().values()) {
        const person = toPerson(state, selfUserId);
        const mark = (state as { typingAt?: unknown }).typingAt;
        if (!person || person.isSelf || mark === undefined) continue;
        const known = lastTyped.current.get(person.userId);
        if (!known || known.mark !== mark) lastTyped.current.set(person.userId, { at: Date.now(), mark });
      }
    };
    refresh();
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [awareness, selfUserId]);
  return {
    present,
    typing: () => present.filter((p) => !p.isSelf && Date.now() - (lastTyped.current.get(p.userId)?.at ?? 0) < TYPING_NOW_MS),
  };
}
