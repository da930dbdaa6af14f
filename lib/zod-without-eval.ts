import { z } from "zod";

/**
 * In the browser, Zod compiles object parsers with `Function(...)` after probing whether eval is
 * allowed; our CSP allows no eval, so the probe alone is reported as a CSP violation. Imported
 * once by the root client provider: every form then parses without eval (the cost is nothing
 * for form-sized inputs). The server, which has no CSP, keeps Zod's compiled parsers.
 */
z.config({ jitless: true });
