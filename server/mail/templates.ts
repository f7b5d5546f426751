/**
 * The mails' texts, in Danish: plain text plus simple HTML with the same words. A mail holds no
 * reply text, only what happened and a link (replies are internal until they are submitted, and
 * mail leaves the system's control).
 */
import { copenhagenDate, formatDate, formatDateTime } from "../../shared/danish.js";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export type MailFacts =
  | { kind: "invitation"; inviterName: string; organisationName: string; documentTitle: string; roleLabel: string; link: string; expiresAt: string }
  | { kind: "password_reset"; link: string; expiresAt: string }
  | { kind: "approval_requested"; documentTitle: string; link: string; deadline: string | null }
  | { kind: "reminder"; documentTitle: string; link: string; coordinatorName: string; note: string | null }
  | { kind: "mention"; documentTitle: string; link: string; authorName: string }
  | { kind: "deadline"; documentTitle: string; link: string; deadline: string; daysLeft: number }
  | { kind: "approved_by_all"; documentTitle: string; link: string }
  | { kind: "submitted"; documentTitle: string; link: string };

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A calendar date or an instant as its Danish date ("31. maj 2025"); instants by their Copenhagen day. */
const danishDate = (iso: string) => formatDate(iso.length === 10 ? iso : copenhagenDate(iso));

const FOOTER = "Du får denne mail fra Regionssvar. Under Min profil kan du slå de enkelte slags mails fra (ikke invitationer).";

/** Paragraphs and one link, rendered as both text and HTML. */
function mail(subject: string, paragraphs: string[], link: { label: string; href: string }): MailContent {
  const text = [...paragraphs, `${link.label}: ${link.href}`, FOOTER].join("\n\n");
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
    `<p style="color:#555;font-size:90%">${escapeHtml(FOOTER)}</p>`,
  ].join("\n");
  return { subject, text, html: `<!doctype html><html lang="da"><body>${html}</body></html>` };
}

export function composeMail(facts: MailFacts): MailContent {
  const open = { label: "Åbn svaret", href: facts.link };
  switch (facts.kind) {
    case "invitation":
      return mail(
        `Invitation til at arbejde på "${facts.documentTitle}"`,
        [
          `${facts.inviterName} har inviteret dig til at deltage i "${facts.documentTitle}" i Regionssvar som ${facts.roleLabel} for ${facts.organisationName}.`,
          `Linket er personligt og kan bruges én gang. Det udløber ${danishDate(facts.expiresAt)}. Har du ikke ventet denne invitation, kan du se bort fra den.`,
        ],
        { label: "Tag imod invitationen", href: facts.link },
      );
    case "password_reset":
      return mail(
        "Nulstil din adgangskode til Regionssvar",
        [
          "Nogen (forhåbentlig dig) har bedt om at nulstille adgangskoden til din konto i Regionssvar.",
          `Linket kan bruges én gang og udløber ${formatDateTime(facts.expiresAt)}. Har du ikke bedt om det, kan du se bort fra mailen: din adgangskode er uændret.`,
        ],
        { label: "Vælg en ny adgangskode", href: facts.link },
      );
    case "approval_requested":
      return mail(
        `Til godkendelse: "${facts.documentTitle}"`,
        [
          `Svaret "${facts.documentTitle}" er sendt til godkendelse. Teksten er låst, så alle kommuner godkender den samme tekst.`,
          facts.deadline ? `Den interne frist er ${danishDate(facts.deadline)}.` : "Koordinatoren har ikke sat en intern frist.",
        ],
        open,
      );
    case "reminder":
      return mail(
        `Påmindelse: "${facts.documentTitle}" venter på jeres godkendelse`,
        [
          `${facts.coordinatorName} minder om, at jeres kommune endnu ikke har godkendt svaret "${facts.documentTitle}".`,
          ...(facts.note ? [`Besked fra koordinatoren: ${facts.note}`] : []),
        ],
        open,
      );
    case "mention":
      return mail(
        `${facts.authorName} nævnte dig i "${facts.documentTitle}"`,
        [`${facts.authorName} har nævnt dig i en kommentar til svaret "${facts.documentTitle}".`],
        open,
      );
    case "deadline":
      return mail(
        `Intern frist om ${facts.daysLeft} dage: "${facts.documentTitle}"`,
        [`Den interne frist for svaret "${facts.documentTitle}" er ${danishDate(facts.deadline)}, om ${facts.daysLeft} dage.`],
        open,
      );
    case "approved_by_all":
      return mail(
        `Godkendt af alle kommuner: "${facts.documentTitle}"`,
        [`Alle kommuner i regionen har godkendt svaret "${facts.documentTitle}". Koordinatoren kan nu indsende det.`],
        open,
      );
    case "submitted":
      return mail(
        `Indsendt: "${facts.documentTitle}"`,
        [`Svaret "${facts.documentTitle}" er indsendt til Social- og Boligstyrelsen og forseglet. Det forseglede svar kan hentes som PDF og DOCX.`],
        open,
      );
  }
}
