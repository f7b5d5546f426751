/**
 * The "@" picker of a comment: organisations and people of the region to mention, as a list of
 * buttons the arrow keys move between.
 */
import { useEffect, useId, useRef, useState } from "react";
import type { PeopleResponse } from "../../../shared/validation/people.js";
import { cm } from "../../i18n/comments.js";
import type { ThreadStore } from "./threadStore.js";
import { Mention, Option } from "./MessageForm.js";

export function optionsOf(data: PeopleResponse, meId: string): { organisations: Option[]; people: Option[] } {
  const organisations = [...data.organisations].sort((a, b) => a.name.localeCompare(b.name, "da")).map((o) => ({ id: o.id, name: o.name, label: o.name }));
  const members = data.members.filter((m) => m.userId !== meId).map((m) => ({ id: m.userId, name: m.name, label: `${m.name} (${m.organisation.name})` }));
  return { organisations, people: members };
}

/** "Nævn": a list of the region's organisations and the reply's people; the chosen one goes into the text. */
export function MentionPicker({ store, meId, onAdd, chosen }: { store: ThreadStore; meId: string; onAdd: (m: Mention) => void; chosen: Mention[] }) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<{ organisations: Option[]; people: Option[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [value, setValue] = useState("");
  const select = useRef<HTMLSelectElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open || data) return;
    let live = true;
    store.loadPeople().then(
      (response) => live && setData(optionsOf(response, meId)),
      () => live && setError(cm.mention.loadError),
    );
    return () => {
      live = false;
    };
  }, [open, data, store, meId]);

  useEffect(() => {
    if (open && data) select.current?.focus();
  }, [open, data]);

  const all = data ? [...data.organisations, ...data.people] : [];
  const taken = new Set(chosen.map((m) => m.id));

  const add = () => {
    const option = all.find((o) => o.id === value);
    if (!option) {
      select.current?.focus();
      return;
    }
    onAdd({ id: option.id, name: option.name });
    setValue("");
    setOpen(false);
  };

  return (
    <div className="mention-picker">
      <button
        ref={toggle}
        type="button"
        className="button button--link mention-picker__toggle"
        aria-expanded={open}
        aria-controls={`${id}-box`}
        aria-label={cm.mention.toggleName}
        onClick={() => setOpen((o) => !o)}
      >
        @ {cm.mention.toggle}
      </button>
      {/* The arrow keys move between the buttons inside; the box itself takes no focus. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        id={`${id}-box`}
        className="mention-picker__box"
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
            toggle.current?.focus();
          }
        }}
      >
        {error ? <p className="comment-form__error">{error}</p> : null}
        {!data && !error && open ? <p className="muted">{cm.loading}</p> : null}
        {data ? (
          <>
            <label htmlFor={`${id}-select`} className="comment-form__label">
              {cm.mention.select}
            </label>
            <div className="mention-picker__row">
              <select
                id={`${id}-select`}
                ref={select}
                className="select"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    add();
                  }
                }}
              >
                <option value="">{cm.mention.choose}</option>
                <optgroup label={cm.mention.organisations}>
                  {data.organisations.map((o) => (
                    <option key={o.id} value={o.id} disabled={taken.has(o.id)}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
                {data.people.length > 0 ? (
                  <optgroup label={cm.mention.people}>
                    {data.people.map((o) => (
                      <option key={o.id} value={o.id} disabled={taken.has(o.id)}>
                        {o.label}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
              <button type="button" className="button button--secondary button--small" onClick={add}>
                {cm.mention.add}
              </button>
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
