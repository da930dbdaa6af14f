import "server-only";

/** Seeded demo accounts (prisma/seed.ts) all use this domain; nobody can receive mail there. */
export const DEMO_EMAIL_DOMAIN = "demo.entraide.test";
