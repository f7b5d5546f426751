/**
 * Several people type in the SAME paragraph, list item and table cell, in real browsers (issue
 * 14). Each case starts from text everyone has seen, puts the carets where people put them and
 * types with real key presses, taking turns or at the same time with human-like delays. Then each
 * person's words must be contiguous and in order, and every page and the stored document agree.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSuite } from "../helpers/e2e.js";
import { fieldTextblock, openReply, signIn, typedText } from "../helpers/pages.js";
import { storedDoc } from "../reliability/support/stored.js";
import { fieldText } from "../helpers/ydoc.js";

const suite = browserSuite();
const DOC = "svar-nordjylland";
const EDITORS = ["redaktoer.aalborg@regionssvar.dk", "redaktoer.hjoerring@regionssvar.dk", "redaktoer.thisted@regionssvar.dk"];

/** The editable textblock a case types in: a field's first paragraph, list item or table cell. */
type Spot = { field: string; selector: "p" | "li p" | "td p" };

const textblock = (page: Page, spot: Spot) => fieldTextblock(page, spot.field, spot.selector);
const textOf = (page: Page, spot: Spot) => typedText(textblock(page, spot));

/** Clicks into the textblock and moves the caret with the keyboard: to the start, the end, or `n` characters in. */
async function caret(page: Page, spot: Spot, where: "start" | "end" | number): Promise<void> {
  const block = textblock(page, spot);
  const box = await block.boundingBox();
  if (!box) throw new Error(`${spot.field} is not visible`);
  // Click at the block's edge on the side wanted (not on a remote caret's label), then move with the keyboard.
  await block.click({ position: { x: where === "end" ? box.width - 2 : 2, y: box.height / 2 } });
  await page.keyboard.press(where === "end" ? "End" : "Home");
  if (typeof where === "number") for (let i = 0; i < where; i++) await page.keyboard.press("ArrowRight");
}

async function seen(pages: Page[], spot: Spot, text: string): Promise<void> {
  for (const page of pages) await expect.poll(() => textOf(page, spot), { timeout: 20_000 }).toBe(text);
}

async function allSavedAndEqual(pages: Page[], spot: Spot, expected: (text: string) => boolean): Promise<string> {
  for (const page of pages) await page.getByText("Alle ændringer er gemt").waitFor({ timeout: 30_000 });
  const first = await textOf(pages[0]!, spot);
  for (const page of pages) await expect.poll(() => textOf(page, spot), { timeout: 20_000 }).toBe(first);
  expect(expected(first), `unexpected text ${JSON.stringify(first)}`).toBe(true);
  const stored = fieldText(await storedDoc(suite.server.store, DOC), spot.field);
  expect(stored).toContain(first);
  return first;
}

async function openAll(count: number): Promise<{ pages: Page[]; close: () => Promise<void> }> {
  const sessions: Awaited<ReturnType<typeof signIn>>[] = [];
  for (const email of EDITORS.slice(0, count)) {
    const session = await signIn(suite.browser, suite.server.baseUrl, email);
    await openReply(session.page, "Nordjylland");
    sessions.push(session);
  }
  return { pages: sessions.map((s) => s.page), close: async () => void (await Promise.all(sessions.map((s) => s.context.close()))) };
}

/** Types the same-paragraph cases of the issue, each in its own field. */
describe("several people typing in one paragraph", () => {
  it("two editors: the reported cases give each person's text intact", async () => {
    const { pages, close } = await openAll(2);
    const [a, b] = pages as [Page, Page];
    const start = async (field: string) => {
      const spot: Spot = { field, selector: "p" };
      await caret(a, spot, "end");
      await a.keyboard.type("Hello world.");
      await seen([a, b], spot, "Hello world.");
      return spot;
    };

    // B types X at the start, then A types at the end.
    let spot = await start("indledning.tekst");
    await caret(a, spot, "end");
    await caret(b, spot, "start");
    await b.keyboard.type("X");
    await seen([a], spot, "XHello world.");
    await a.keyboard.type("abc");
    await allSavedAndEqual(pages, spot, (t) => t === "XHello world.abc");

    // Taking turns, one character each.
    spot = await start("i1.hjemmel.tekst");
    await caret(a, spot, "end");
    await caret(b, spot, "start");
    let expected = "Hello world.";
    for (let i = 0; i < 4; i++) {
      await a.keyboard.type("abcd"[i]!);
      expected = `${expected}${"abcd"[i]}`;
      await seen([b], spot, expected);
      await b.keyboard.type("1234"[i]!);
      expected = `${"1234".slice(0, i + 1)}Hello world.${"abcd".slice(0, i + 1)}`;
      await seen([a], spot, expected);
    }
    await allSavedAndEqual(pages, spot, (t) => t === "1234Hello world.abcd");

    // Both type eight characters at once: A at the end, then A in the middle.
    spot = await start("i1.tilknytning.sammenhaeng");
    await caret(a, spot, "end");
    await caret(b, spot, "start");
    await Promise.all([a.keyboard.type("abcdefgh", { delay: 40 }), b.keyboard.type("12345678", { delay: 55 })]);
    await allSavedAndEqual(pages, spot, (t) => t === "12345678Hello world.abcdefgh");

    spot = await start("i1.indsats.tekst");
    await caret(a, spot, 6);
    await caret(b, spot, "start");
    await Promise.all([a.keyboard.type("abcdefgh", { delay: 40 }), b.keyboard.type("12345678", { delay: 55 })]);
    await allSavedAndEqual(pages, spot, (t) => t === "12345678Hello abcdefghworld.");

    // Both at the same spot: each sentence stays contiguous, in either order.
    spot = await start("i1.kompetencer.tekst");
    await caret(a, spot, "end");
    await caret(b, spot, "end");
    await Promise.all([a.keyboard.type(" Aalborg skriver.", { delay: 35 }), b.keyboard.type(" Hjørring skriver.", { delay: 45 })]);
    await allSavedAndEqual(
      pages,
      spot,
      (t) => t === "Hello world. Aalborg skriver. Hjørring skriver." || t === "Hello world. Hjørring skriver. Aalborg skriver.",
    );
    await close();
  });

  it("two editors in a bullet-list item and a table cell", async () => {
    const { pages, close } = await openAll(2);
    const [a, b] = pages as [Page, Page];

    const item: Spot = { field: "i1.placering.tilgaengelighed", selector: "li p" };
    await caret(a, { field: item.field, selector: "p" }, "end");
    await a.keyboard.type("- punkt");
    await seen([a, b], item, "punkt");
    await caret(a, item, "end");
    await caret(b, item, "start");
    await Promise.all([a.keyboard.type("abc", { delay: 40 }), b.keyboard.type("123", { delay: 55 })]);
    await allSavedAndEqual(pages, item, (t) => t === "123punktabc");

    const cell: Spot = { field: "i1.vidensmiljoe.tekst", selector: "td p" };
    await caret(a, { field: cell.field, selector: "p" }, "end");
    await a.getByRole("button", { name: "Indsæt tabel" }).click();
    await textblock(a, cell).waitFor();
    await caret(a, cell, "start");
    await a.keyboard.type("celle");
    await seen([a, b], cell, "celle");
    await caret(a, cell, "end");
    await caret(b, cell, "start");
    await Promise.all([a.keyboard.type("abc", { delay: 40 }), b.keyboard.type("123", { delay: 55 })]);
    await allSavedAndEqual(pages, cell, (t) => t === "123celleabc");
    await close();
  });

  it("three editors at the start, the middle and the end of one paragraph at once", async () => {
    const { pages, close } = await openAll(3);
    const [a, b, c] = pages as [Page, Page, Page];
    const spot: Spot = { field: "i2.plan.tekst", selector: "p" };
    await caret(a, spot, "end");
    await a.keyboard.type("Hello world.");
    await seen(pages, spot, "Hello world.");
    await caret(a, spot, "start");
    await caret(b, spot, 6);
    await caret(c, spot, "end");
    await Promise.all([a.keyboard.type("Aalborg ", { delay: 40 }), b.keyboard.type("Hjørring ", { delay: 50 }), c.keyboard.type(" Thisted", { delay: 45 })]);
    await allSavedAndEqual(pages, spot, (t) => t === "Aalborg Hello Hjørring world. Thisted");
    await close();
  });
});
