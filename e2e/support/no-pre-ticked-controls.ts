import { expect, type Page } from "@playwright/test";

/**
 * Asserts that no choice on the page is made for the person: every checkbox, radio and switch
 * (native or ARIA) is unchecked as rendered. Returns how many controls were inspected, so a test
 * can also prove the page really offered choices. `reflectsSaved` (a CSS selector) exempts
 * controls that show a state the person has rather than propose one — e.g. the in-app switches
 * of the preference center, on by default for everyone; the test must check those separately.
 */
export async function expectNothingPreTicked(page: Page, options: { reflectsSaved?: string } = {}): Promise<number> {
  const { inspected, ticked } = await page.evaluate((reflectsSaved) => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute("type") ? `[type=${el.getAttribute("type")}]` : ""}` +
      `${el.getAttribute("role") ? `[role=${el.getAttribute("role")}]` : ""} name=${el.getAttribute("name") ?? ""} id=${el.id}`;
    const native = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')];
    const aria = [...document.querySelectorAll('[role="switch"], [role="checkbox"], [role="radio"], [role="menuitemcheckbox"], [role="menuitemradio"]')];
    const tickedNative = native.filter((el) => el.checked || el.defaultChecked || el.hasAttribute("checked"));
    const tickedAria = aria.filter((el) => el.getAttribute("aria-checked") === "true");
    const exempt = (el: Element) => reflectsSaved !== null && el.matches(reflectsSaved);
    return { inspected: native.length + aria.length, ticked: [...tickedNative, ...tickedAria].filter((el) => !exempt(el)).map(describe) };
  }, options.reflectsSaved ?? null);
  expect(ticked, `pre-ticked controls on ${page.url()}`).toEqual([]);
  return inspected;
}
