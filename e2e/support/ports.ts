/**
 * Fixed local ports and secrets of the end-to-end environment (loopback only).
 * E2E_PORT_OFFSET shifts every port, so a second copy of the suite (another checkout, a helper's
 * one-off run) can run beside the first without taking its mail sink or server.
 */
const offset = Number.parseInt(process.env.E2E_PORT_OFFSET ?? "0", 10) || 0;

export const E2E = {
  appPort: 4310 + offset,
  devAppPort: 4311 + offset,
  smtpPort: 4325 + offset,
  mailApiPort: 4326 + offset,
  shopWebhookSecret: "e2e-only-shop-webhook-secret-0123456789abcdef",
} as const;
