/**
 * Demo people of Octet Hardware. Customers are plain accounts with purchases, exactly like a
 * real sign-up; the discussions step then has some of them join the community the way the join
 * page does (see seed-data/demo-threads.ts), ledger row included, and leaves the others out.
 */

export const DEMO_EMAIL_DOMAIN = "demo.entraide.test";

type Role = "MEMBER" | "MODERATOR" | "ADMIN";
type Locale = "en" | "fr";
type DemoPurchase = { orderId: string; sku: string; quantity: number; purchasedAt: string };
export type DemoAccount = { firstName: string; displayName: string; locale: Locale; role: Role; purchases: DemoPurchase[] };

const order = (orderId: string, purchasedAt: string, ...skus: string[]): DemoPurchase[] =>
  skus.map((sku) => ({ orderId, sku, quantity: 1, purchasedAt }));

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { firstName: "alice", displayName: "Alice Morgan", locale: "en", role: "MEMBER", purchases: [...order("OCT-100231", "2026-03-14T10:12:00Z", "OCT-LAP-AIR14-R7", "OCT-MOU-TRAV-BT"), ...order("OCT-100877", "2026-09-02T18:40:00Z", "OCT-SSD-P2-2T")] },
  { firstName: "bruno", displayName: "Bruno Lefèvre", locale: "fr", role: "MEMBER", purchases: [...order("OCT-100245", "2026-03-21T09:05:00Z", "OCT-GPU-BLZ-16G", "OCT-SSD-N4-2T", "OCT-MON-27Q-165")] },
  { firstName: "chloe", displayName: "Chloé Bernard", locale: "fr", role: "MEMBER", purchases: [...order("OCT-100302", "2026-04-08T14:30:00Z", "OCT-LAP-EDU13-N2"), ...order("OCT-100911", "2026-09-19T11:00:00Z", "OCT-KEY-FULL-AZ", "OCT-MOU-BASIC-USB")] },
  { firstName: "daniel", displayName: "Daniel Okafor", locale: "en", role: "MEMBER", purchases: [...order("OCT-100355", "2026-04-22T20:15:00Z", "OCT-NET-BE7-TRI", "OCT-NET-SW8-25G")] },
  { firstName: "emma", displayName: "Emma Schulz", locale: "en", role: "MEMBER", purchases: [...order("OCT-100412", "2026-05-06T08:45:00Z", "OCT-LAP-PRO16-I9", "OCT-MON-32U-4K", "OCT-KEY-75-WL")] },
  { firstName: "farid", displayName: "Farid Haddad", locale: "fr", role: "MEMBER", purchases: [...order("OCT-100498", "2026-05-29T16:20:00Z", "OCT-GPU-VLT-12G"), ...order("OCT-101004", "2026-10-11T13:10:00Z", "OCT-MON-34W-OLED", "OCT-MOU-PRO-WL")] },
  { firstName: "grace", displayName: "Grace Liu", locale: "en", role: "MEMBER", purchases: [...order("OCT-100533", "2026-06-10T12:00:00Z", "OCT-KEY-SPLIT-ERG", "OCT-MOU-VERT-ERG")] },
  { firstName: "hugo", displayName: "Hugo Martin", locale: "fr", role: "MEMBER", purchases: [...order("OCT-100590", "2026-06-27T19:35:00Z", "OCT-NET-AX3-MESH2"), ...order("OCT-101120", "2026-11-03T10:25:00Z", "OCT-SSD-S3-1T")] },
  { firstName: "ines", displayName: "Inès Garcia", locale: "fr", role: "MEMBER", purchases: [...order("OCT-100644", "2026-07-12T15:50:00Z", "OCT-LAP-2IN1-12", "OCT-MON-16P-PORT")] },
  { firstName: "jack", displayName: "Jack Thompson", locale: "en", role: "MEMBER", purchases: [...order("OCT-100702", "2026-07-30T21:05:00Z", "OCT-LAP-G15-4070", "OCT-KEY-TKL-RED", "OCT-MOU-PRO-WL")] },
  { firstName: "karima", displayName: "Karima Benali", locale: "fr", role: "MEMBER", purchases: [...order("OCT-100756", "2026-08-14T09:40:00Z", "OCT-NET-5G-CPE"), ...order("OCT-101188", "2026-11-15T17:55:00Z", "OCT-SSD-N3-500")] },
  { firstName: "liam", displayName: "Liam O'Brien", locale: "en", role: "MEMBER", purchases: [...order("OCT-100803", "2026-08-25T13:15:00Z", "OCT-GPU-WS-24G", "OCT-MON-27-5K", "OCT-SSD-N5-4T")] },
  { firstName: "moderator", displayName: "Maya (Octet moderator)", locale: "en", role: "MODERATOR", purchases: [] },
  { firstName: "admin", displayName: "Octet admin", locale: "fr", role: "ADMIN", purchases: [] },
];

export const demoEmail = (account: Pick<DemoAccount, "firstName">) => `${account.firstName}@${DEMO_EMAIL_DOMAIN}`;
