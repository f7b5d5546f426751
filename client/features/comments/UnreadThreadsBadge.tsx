/**
 * The unread-thread count on the "Kommentarer" tab (PanelTabs' `badge`). Renders nothing when
 * there is nothing unread (the empty badge is hidden by styles.css, .panel-tabs__badge:empty). The number is shown; the
 * tab's accessible name gets ", 2 ulæste tråde".
 */
import { cm } from "../../i18n/comments.js";
import { useThreads } from "./threadHooks.js";
import "./comments.css";

/** Threads with activity the signed-in person has not seen (0 while loading). */
export function useUnreadThreadCount(): number {
  return useThreads().threads.filter((t) => t.unread).length;
}

export function UnreadThreadsBadge() {
  const unread = useUnreadThreadCount();
  if (unread === 0) return null;
  return (
    <>
      <span aria-hidden="true">{unread}</span>
      <span className="visually-hidden">, {cm.badge(unread)}</span>
    </>
  );
}
