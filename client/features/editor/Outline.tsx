/**
 * The reply's outline: one button per item of the template (Dokumenthoved, Indledning, punkt 1–4,
 * Bilag). Choosing one scrolls to the item and puts the focus on its heading, so a screen reader
 * reads where one is and Tab continues into the item's first field (see tabOrder.ts).
 */
import { TEMPLATE } from "../../../shared/template/definition.js";
import { da } from "../../i18n/da.js";
import { jumpToItem } from "./focus.js";

export function Outline() {
  return (
    <nav className="outline" aria-label={da.outline.label}>
      <ol className="outline__list">
        {TEMPLATE.items.map((item) => (
          <li key={item.id}>
            <button type="button" className="button--link outline__link" onClick={() => jumpToItem(item.id)}>
              {da.outline.items[item.id]}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
