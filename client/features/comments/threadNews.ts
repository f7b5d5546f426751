/**
 * What others did to the comment threads since the last list, in words for screen readers: new
 * comments, threads resolved or reopened. One's own changes are not announced back.
 */
import type { ThreadDto } from "../../../shared/validation/comments.js";
import { cm } from "../../i18n/comments.js";

const excerpt = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The announcement, or null when nothing happened. `ownStatusChanges` holds the threads whose
 * status this person just changed: their change is not news, and it is forgotten once seen.
 */
export function threadNews(before: ThreadDto[], after: ThreadDto[], meId: string, ownStatusChanges: Set<string>): string | null {
  const old = new Map(before.map((t) => [t.id, t]));
  const fresh: { author: ThreadDto["messages"][number]["author"]; body: string }[] = [];
  const statusNews: string[] = [];
  for (const thread of after) {
    const was = old.get(thread.id);
    const known = new Set(was?.messages.map((m) => m.id) ?? []);
    for (const m of thread.messages) if (!known.has(m.id) && !m.deleted && m.author.id !== meId) fresh.push({ author: m.author, body: m.body });
    if (was && was.status !== thread.status && !ownStatusChanges.has(thread.id)) {
      const quote = excerpt(thread.quote, 40);
      if (thread.status === "resolved" && thread.resolvedBy?.id !== meId) statusNews.push(cm.announce.resolved(thread.resolvedBy?.name ?? "", quote));
      if (thread.status === "open") statusNews.push(cm.announce.reopened(quote));
    }
    if (was && was.status !== thread.status) ownStatusChanges.delete(thread.id);
  }
  const parts: string[] = [];
  if (fresh.length === 1) parts.push(cm.announce.newComment(fresh[0]!.author.name, fresh[0]!.author.organisation, excerpt(fresh[0]!.body)));
  else if (fresh.length > 1) parts.push(cm.announce.newComments(fresh.length));
  parts.push(...statusNews);
  return parts.length > 0 ? parts.join(". ") : null;
}
