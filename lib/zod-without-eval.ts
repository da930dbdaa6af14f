// Zod core only: the config is global (shared with the full library wherever a form loads it),
// and importing "zod" itself here would put the whole library in every page's first load.
import { config } from "zod/v4/core";

/**
 * In the browser, Zod compiles object parsers with `Function(...)` after probing whether eval is
 * allowed; our CSP allows no eval, so the probe alone is reported as a CSP violation. Imported
 * once by the root client provider: every form then parses without eval (the cost is nothing
 * for form-sized inputs). The server, which has no CSP, keeps Zod's compiled parsers.
 */
config({ jitless: true });
