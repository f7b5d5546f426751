/** Who is in the document now: a colour swatch plus name, organisation and role in text. */
import type { Awareness } from "y-protocols/awareness";
import { da, formatNumber } from "../../i18n/da.js";
import { usePresence } from "./usePresence.js";

export function PresenceList({ awareness, selfUserId }: { awareness: Awareness; selfUserId: string }) {
  const people = usePresence(awareness, selfUserId);
  const others = people.filter((p) => !p.isSelf).length;
  return (
    <section className="panel presence" aria-labelledby="presence-heading">
      <h2 className="panel__heading" id="presence-heading">
        {da.presence.title} <span className="count">({formatNumber(people.length)})</span>
      </h2>
      <ul className="presence__list">
        {people.map((person) => (
          <li key={person.userId} className="presence__person">
            <span className="swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
            <span className="presence__text">
              <span className="presence__name">
                {person.name}
                {person.isSelf ? <span className="muted"> {da.presence.you}</span> : null}
              </span>
              <span className="presence__meta">
                {person.organisation} · {da.roles[person.role]}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {others === 0 ? <p className="muted presence__empty">{da.presence.nobody}</p> : null}
    </section>
  );
}
