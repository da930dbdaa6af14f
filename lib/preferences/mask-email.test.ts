import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask-email";

describe("maskEmail", () => {
  it("keeps the first and last letter of the name, the first of each domain label, and the suffix", () => {
    expect(maskEmail("alice@domain.test")).toBe("a•••e@d•••.test");
    expect(maskEmail("jean.dupont@mail.example.fr")).toBe("j•••t@m•••.e•••.fr");
  });

  it("never shows a short name in full", () => {
    expect(maskEmail("al@x.io")).toBe("a•••@x•••.io");
    expect(maskEmail("a@b.c")).toBe("a•••@b•••.c");
  });

  it("handles non-ASCII letters as one character each", () => {
    expect(maskEmail("éloïse@exemple.fr")).toBe("é•••e@e•••.fr");
  });
});
