/** axe-core in the page: the serious and critical WCAG 2.1 A/AA violations, readable. */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

export interface AxeScope {
  /** Check only this part of the page (CSS selector), e.g. a panel that is all that changed. */
  include?: string;
  /** Leave these out, each with a reason in the calling test (e.g. a sandboxed iframe axe cannot enter). */
  exclude?: string[];
}

export async function seriousViolations(page: Page, scope: AxeScope = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page: page as never }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (scope.include) builder = builder.include(scope.include);
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}
