/** Every completeness rule, in template order (the order findings are reported in). */
import type { Rule } from "./rule.js";
import { blockIndex } from "../definition.js";
import { HOVED_RULES } from "./hoved.js";
import { I1_MODEL_RULES } from "./i1-model.js";
import { I1_ELEMENT_RULES } from "./i1-elements.js";
import { I1_PRACTICE_RULES } from "./i1-practice.js";
import { I2_RULES } from "./i2.js";
import { I3_RULES } from "./i3.js";
import { I4_RULES } from "./i4.js";
import { ADVICE_RULES } from "./advice.js";

// In template order: each item's rules, then the case worker's advarsler (advice.ts) placed with
// their block by a stable sort, so within a block the item's own rules come first.
export const RULES: readonly Rule[] = [
  ...HOVED_RULES,
  ...I1_MODEL_RULES,
  ...I1_ELEMENT_RULES,
  ...I1_PRACTICE_RULES,
  ...I2_RULES,
  ...I3_RULES,
  ...I4_RULES,
  ...ADVICE_RULES,
].sort((a, b) => blockIndex(a.blockId) - blockIndex(b.blockId));
