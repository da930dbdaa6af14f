import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { getSiteUrl } from "@/server/catalog/get-site-url";

/** Everything public may be crawled; personal and technical areas may not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // At request time, so the sitemap address follows the deployment's APP_URL, not the build's.
  await connection();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/account", "/dev", "/join", "/invitation", "/api"] },
    sitemap: new URL("/sitemap.xml", getSiteUrl()).toString(),
  };
}
