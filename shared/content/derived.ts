/**
 * Values the template shows but nobody types: computed from the region and other fields.
 * One function, so the editor, the preview and the sealed PDF/DOCX always show the same.
 */
import type { ReplyContent } from "../template/types.js";
import { CONFIRMED_FAMILIEAMBULATORIUM, findField } from "../template/definition.js";
import { REGIONS, findRegion, municipalitiesOf } from "../regions.js";
import { formatDate, formatFieldValue } from "../export/format.js";

/** The own region plus the partner regions of a cross-regional solution. */
export function participatingRegions(content: ReplyContent, regionId: string): string[] {
  const partners = content.fields["i1.organisering.omfang"] === "tvaerregional" ? content.fields["i1.organisering.regioner"] : [];
  const ids = new Set([regionId, ...(Array.isArray(partners) ? partners.filter((p): p is string => typeof p === "string") : [])]);
  return REGIONS.regions.map((r) => r.id).filter((id) => ids.has(id));
}

/** A region's familieambulatorium as the letter names it: for the own region, the name the region confirmed, when given. */
export function familieambulatoriumName(content: ReplyContent, id: string, ownRegionId: string): string {
  const confirmed = content.fields[CONFIRMED_FAMILIEAMBULATORIUM];
  if (id === ownRegionId && typeof confirmed === "string" && confirmed.trim() !== "") return confirmed.trim();
  return findRegion(id)?.familieambulatorium.name ?? id;
}

/** The Danish text of a `derived` field; "" for an unknown key. */
export function derivedValue(key: string, content: ReplyContent, regionId: string, dato?: string): string {
  if (key === "hoved.region") return findRegion(regionId)?.name ?? regionId;
  if (key === "hoved.kommuner")
    return municipalitiesOf(regionId)
      .map((m) => m.name)
      .join(", ");
  if (key === "hoved.dato") return dato ? formatDate(dato) : "Sættes ved indsendelse";
  if (key.endsWith(".familieambulatorier")) {
    return participatingRegions(content, regionId)
      .map((id) => familieambulatoriumName(content, id, regionId))
      .join("; ");
  }
  if (key === "i3.form.tilbudsform") {
    const source = findField("i1.tilknytning.form");
    const value = formatFieldValue(source!, content.fields["i1.tilknytning.form"]);
    return value === "" ? "Ikke valgt endnu (vælges under 1.3)" : value;
  }
  return "";
}
