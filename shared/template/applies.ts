/**
 * Which fields and texts apply to the choices a reply has made (spec §2–§4): the partner regions
 * and their need only to a cross-regional solution, the existing service only to a department of
 * one, the operating kommuner only to a kommunal operator, the operator's name only to a regional
 * or private one. A value left behind by an earlier choice stays in the content (nothing is
 * lost), but a reader never sees it: the preview and the sealed letter leave it out. These are
 * the conditions under which the checks (./rules/) ask for each of them.
 */
import type { ReplyContent } from "./types.js";

type Condition = (fields: ReplyContent["fields"]) => boolean;

const crossRegional: Condition = (f) => f["i1.organisering.omfang"] === "tvaerregional";
const department: Condition = (f) => f["i1.tilknytning.form"] === "afdeling";
const operator =
  (...choices: string[]): Condition =>
  (f) =>
    choices.includes(String(f["i3.driftsansvar.driftsherre"]));

const CONDITIONS: Record<string, Condition> = {
  "i1.organisering.regioner": crossRegional,
  "i1.organisering.behov": crossRegional,
  "i1.tilknytning.tilbud": department,
  "i1.tilknytning.tilbudKommune": department,
  "i3.driftsansvar.driftskommuner": operator("kommunalEn", "kommunalDelt"),
  "i3.driftsansvar.navn": operator("regionalt", "privat"),
  "i3.driftsansvar.deling": operator("kommunalDelt"),
  // The confirmed name is read in the Familieambulatorier line it corrects (content/derived.ts), not on its own.
  "i1.familieambulatorium.bekraeftet": () => false,
};

/** True when a field key or text field id applies to the content's choices (most always do). */
export function applies(id: string, content: ReplyContent): boolean {
  const condition = CONDITIONS[id];
  return condition ? condition(content.fields) : true;
}
