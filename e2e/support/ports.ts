/** Fixed local ports and secrets of the end-to-end environment (loopback only). */
export const E2E = {
  appPort: 4310,
  devAppPort: 4311,
  smtpPort: 4325,
  mailApiPort: 4326,
  shopWebhookSecret: "e2e-only-shop-webhook-secret-0123456789abcdef",
} as const;
