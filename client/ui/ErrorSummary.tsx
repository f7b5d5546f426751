/**
 * The one error summary of a form (GOV.UK pattern): a titled list at the top that takes the focus
 * when a submit fails, each entry a link that moves the focus to its field. Entries without a
 * field (the server's refusal) are plain text.
 */
import { useId, type Ref } from "react";

export interface SummaryEntry {
  /** The id of the field to focus; none for an error of the whole form. */
  fieldId?: string;
  message: string;
}

export function ErrorSummary(props: { title: string; entries: SummaryEntry[]; summaryRef: Ref<HTMLDivElement>; variant: "panel" | "page" }) {
  const { title, entries, summaryRef, variant } = props;
  const headingId = useId();
  if (entries.length === 0) return null;
  const page = variant === "page";
  const Heading = page ? "h2" : "h4";
  return (
    <div
      className={page ? "banner banner--error people-summary--page" : "people-summary"}
      role="alert"
      tabIndex={-1}
      ref={summaryRef}
      aria-labelledby={headingId}
    >
      <Heading className={page ? "banner__title" : "people-summary__title"} id={headingId}>
        {title}
      </Heading>
      <ul className={page ? "banner__text" : undefined}>
        {entries.map((entry) => (
          <li key={`${entry.fieldId ?? ""}:${entry.message}`}>
            {entry.fieldId ? (
              <a
                href={`#${entry.fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(entry.fieldId!)?.focus();
                }}
              >
                {entry.message}
              </a>
            ) : (
              entry.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
