/**
 * A rows field (milestones, staff groups, locations, need per region) as a small table editor.
 * Rows are Y.Maps in a Y.Array (shared/content/fields.ts): adding rows concurrently keeps both,
 * cells are last-writer-wins. A row is addressed by its `id`, never by its position.
 */
import { useEffect, useRef, useState } from "react";
import { addRow, removeRow, setRowCell } from "../../../../shared/content/fields.js";
import type { FieldDef, RowValue } from "../../../../shared/template/types.js";
import { da } from "../../../i18n/da.js";
import { asRows, useFieldValue } from "../fieldStore.js";
import { useParticipatingRegions, useReply } from "../ReplyContext.js";
import { FieldLabelText } from "./FieldLabel.js";
import { ScalarInput, fieldDomId } from "./inputs.js";

/** A row id: 16 random hex characters (works outside secure contexts, unlike randomUUID). */
export function newRowId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `r${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export function RowsField({ def }: { def: FieldDef }) {
  const { ydoc, store, editable } = useReply();
  const regions = useParticipatingRegions();
  const rows = asRows(useFieldValue(store, def.key));
  const columns = def.columns ?? [];
  const disabled = !editable;
  const tableRef = useRef<HTMLTableElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const captionId = fieldDomId(def.key, "caption");

  // Move focus into a row the user just added, once it has rendered.
  useEffect(() => {
    if (focusRow === null) return;
    const row = tableRef.current?.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(focusRow)}"]`);
    const input = row?.querySelector<HTMLElement>("input, select");
    if (input) {
      input.focus();
      setFocusRow(null);
    }
  }, [focusRow, rows]);

  const onAdd = () => {
    const id = newRowId();
    addRow(ydoc, def.key, { id });
    setFocusRow(id);
  };
  const onRemove = (rowId: string) => {
    removeRow(ydoc, def.key, rowId);
    addButtonRef.current?.focus();
  };

  return (
    <div className="field field--rows" data-field={def.key} role="group" aria-labelledby={captionId}>
      <table className="rows-table" ref={tableRef}>
        <caption id={captionId} className="field__label">
          <FieldLabelText def={def} />
        </caption>
        <thead>
          <tr>
            <th scope="col" className="rows-table__num">
              <span className="visually-hidden">Nr.</span>
            </th>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                <FieldLabelText def={c} />
              </th>
            ))}
            {!disabled ? (
              <th scope="col">
                <span className="visually-hidden">{da.fields.actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 2} className="rows-table__empty">
                {da.fields.noRows}
              </td>
            </tr>
          ) : (
            rows.map((row: RowValue, index) => {
              const rowId = typeof row.id === "string" ? row.id : null;
              const n = index + 1;
              return (
                <tr key={rowId ?? `invalid-${index}`} data-row-id={rowId ?? undefined}>
                  <td className="rows-table__num">{n}</td>
                  {columns.map((c) => (
                    <td key={c.key}>
                      <ScalarInput
                        type={c.type}
                        options={c.options}
                        regionOrder={regions}
                        id={fieldDomId(def.key, `${rowId ?? index}-${c.key}`)}
                        value={row[c.key] ?? null}
                        disabled={disabled || rowId === null}
                        ariaLabel={da.fields.rowCell(c.label, n)}
                        onCommit={(v) => rowId && setRowCell(ydoc, def.key, rowId, c.key, v)}
                      />
                    </td>
                  ))}
                  {!disabled ? (
                    <td>
                      {rowId ? (
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          aria-label={da.fields.removeRow(n)}
                          onClick={() => onRemove(rowId)}
                        >
                          {da.fields.remove}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      {!disabled ? (
        <button type="button" className="button button--secondary" ref={addButtonRef} onClick={onAdd}>
          {da.fields.addRow}
          <span className="visually-hidden">: {def.label}</span>
        </button>
      ) : null}
    </div>
  );
}
