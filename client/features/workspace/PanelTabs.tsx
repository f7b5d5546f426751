/**
 * The reply page's side panels as an accessible tab set (WAI-ARIA tabs pattern): arrow keys move
 * between tabs, Home/End jump to the ends, the active panel is labelled by its tab. Panels stay
 * mounted when hidden, so their subscriptions and drafts survive switching tabs. The page holds
 * which panel is in front (`active`), so a panel can bring another to the front through the
 * workspace's `showPanel`.
 */
import { useRef, type KeyboardEvent, type ReactNode } from "react";

export interface PanelDef {
  id: string;
  label: string;
  /** A short count or marker shown on the tab (e.g. unread comments). */
  badge?: ReactNode;
  content: ReactNode;
}

export function PanelTabs({ panels, label, active, onSelect }: { panels: PanelDef[]; label: string; active: string; onSelect: (id: string) => void }) {
  const setActive = onSelect;
  const tabs = useRef<Map<string, HTMLButtonElement>>(new Map());

  const focusTab = (index: number) => {
    const panel = panels[(index + panels.length) % panels.length];
    if (!panel) return;
    setActive(panel.id);
    tabs.current.get(panel.id)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (event.key === "ArrowRight" || event.key === "ArrowDown") focusTab(index + 1);
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") focusTab(index - 1);
    else if (event.key === "Home") focusTab(0);
    else if (event.key === "End") focusTab(panels.length - 1);
    else return;
    event.preventDefault();
  };

  return (
    <div className="panel-tabs">
      <div className="panel-tabs__list" role="tablist" aria-label={label}>
        {panels.map((p, i) => (
          <button
            key={p.id}
            ref={(el) => {
              if (el) tabs.current.set(p.id, el);
            }}
            type="button"
            role="tab"
            id={`tab-${p.id}`}
            aria-selected={active === p.id}
            aria-controls={`panel-${p.id}`}
            tabIndex={active === p.id ? 0 : -1}
            className="panel-tabs__tab"
            onClick={() => setActive(p.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {p.label}
            {p.badge !== undefined && p.badge !== null ? <span className="panel-tabs__badge">{p.badge}</span> : null}
          </button>
        ))}
      </div>
      {panels.map((p) => (
        <div
          key={p.id}
          role="tabpanel"
          id={`panel-${p.id}`}
          aria-labelledby={`tab-${p.id}`}
          hidden={active !== p.id}
          tabIndex={0}
          className="panel-tabs__panel"
        >
          {p.content}
        </div>
      ))}
    </div>
  );
}
