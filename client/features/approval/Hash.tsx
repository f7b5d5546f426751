/** A SHA-256 fingerprint: short form in the text, the full value in a disclosure (for comparing). */
import { wf } from "../../i18n/workflow.js";

export function Hash({ value }: { value: string }) {
  return (
    <div className="wf-hash">
      <code className="wf-hash__short" data-hash={value}>
        {wf.common.hashShort(value)}
      </code>
      <details className="wf-hash__details">
        <summary>{wf.common.showFullHash}</summary>
        <code className="wf-hash__full">{value}</code>
      </details>
    </div>
  );
}
