/** Completeness findings as buttons that jump to their field: where (item and block) and what. The check panel and the approval panel both list them so. */
import { findBlock } from "../../shared/template/definition.js";
import type { Finding } from "../../shared/template/types.js";
import { da } from "../i18n/da.js";

export function blockTitle(blockId: string): string {
  const block = findBlock(blockId);
  if (!block) return blockId;
  return block.number ? `${block.number} ${block.heading}` : block.heading;
}

/** One finding per rule and field (a rule can fire on several fields). */
export const findingKey = (f: Finding) => `${f.ruleId}:${f.fieldId ?? ""}`;

/** Each finding as a button that jumps to its field. */
export function FindingList({ findings, kind, onJump }: { findings: Finding[]; kind: "fejl" | "advarsel"; onJump: (f: Finding) => void }) {
  return (
    <ul className="findings">
      {findings.map((f) => (
        <li key={findingKey(f)}>
          <button type="button" className={`finding finding--${kind}`} data-rule={f.ruleId} onClick={() => onJump(f)}>
            <span className="finding__where">
              <span className="finding__badge">{da.completeness.status[f.status]}</span> {blockTitle(f.blockId)}
            </span>
            <span className="finding__message">{f.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
