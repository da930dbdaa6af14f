/** Sizes of the generated community: the reference size of issue 8, scaled or overridden. */
export type LargeSeedSizes = {
  products: number;
  members: number;
  threads: number;
  /** Every Post row: the opening post of each thread and all replies. */
  posts: number;
  /** Members watching the one big product (the fan-out benchmark's audience). */
  watchers: number;
};

export const REFERENCE_SIZES: LargeSeedSizes = { products: 1_000, members: 100_000, threads: 50_000, posts: 1_000_000, watchers: 100_000 };

/** Replies of the one big thread the thread-page benchmark reads. */
export const BIG_THREAD_REPLIES = 1_000;

/**
 * The reference sizes times `scale`, with floors that keep every feature present (two products,
 * so the big one is not the only one; enough posts for the big thread and a few others), then any
 * size given explicitly. Watchers never exceed members.
 */
export function resolveSizes(scale = 1, overrides: Partial<LargeSeedSizes> = {}): LargeSeedSizes {
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${scale}`);
  const scaled = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const sizes = {
    products: scaled(REFERENCE_SIZES.products, 2),
    members: scaled(REFERENCE_SIZES.members, 10),
    threads: scaled(REFERENCE_SIZES.threads, 2),
    posts: scaled(REFERENCE_SIZES.posts, 10),
    watchers: scaled(REFERENCE_SIZES.watchers, 1),
    ...overrides,
  };
  for (const [name, value] of Object.entries(sizes)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
  }
  if (sizes.products < 2) throw new Error("--products must be at least 2 (the big product and another)");
  if (sizes.posts < sizes.threads) throw new Error("--posts counts every post, opening posts included: it must be at least --threads");
  return { ...sizes, watchers: Math.min(sizes.watchers, sizes.members) };
}

/** `--products 10 --scale 0.01 …` (also `--name=value`). Unknown flags are an error, not ignored. */
export function parseSeedArgs(argv: readonly string[]): { scale: number; overrides: Partial<LargeSeedSizes> } {
  const overrides: Partial<LargeSeedSizes> = {};
  let scale = 1;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument "${arg}"`);
    const [flag, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    const raw = inline ?? argv[++index];
    const value = Number(raw);
    if (raw === undefined || !Number.isFinite(value)) throw new Error(`--${flag} needs a number`);
    if (flag === "scale") scale = value;
    else if (flag in REFERENCE_SIZES) overrides[flag as keyof LargeSeedSizes] = value;
    else throw new Error(`Unknown option --${flag} (known: --scale, ${Object.keys(REFERENCE_SIZES).map((name) => `--${name}`).join(", ")})`);
  }
  return { scale, overrides };
}
