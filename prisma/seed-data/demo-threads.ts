/**
 * Demo discussions of Octet Hardware, in English and French: questions with and without an
 * accepted answer, tips, discussions and nested replies. Authors are demo customers who joined
 * the community (DEMO_THREAD_MEMBERS); the other demo customers stay non-members.
 */

type Author = "alice" | "bruno" | "chloe" | "daniel" | "emma" | "farid" | "grace" | "hugo" | "jack" | "moderator";
export type DemoReply = {
  /** Local name, for `parent` and `accepted`. */
  key: string;
  author: Author;
  body: string;
  /** The reply this one answers; absent = a reply to the thread. */
  parent?: string;
  /** Hours after the thread was opened. */
  afterHours: number;
  /** When not the thread's language (search stems each post in its own language). */
  language?: "en" | "fr";
};
export type DemoThread = {
  sku: string;
  author: Author;
  kind: "QUESTION" | "TIP" | "DISCUSSION";
  language: "en" | "fr";
  title: string;
  body: string;
  openedAt: string;
  replies: DemoReply[];
  accepted?: string;
};

/** Demo customers who join the community (recorded like a join-page grant); `badge` also grants the owner badge. */
export const DEMO_THREAD_MEMBERS: { firstName: Author; badge: boolean }[] = [
  { firstName: "alice", badge: true },
  { firstName: "bruno", badge: true },
  { firstName: "chloe", badge: false },
  { firstName: "daniel", badge: true },
  { firstName: "emma", badge: true },
  { firstName: "farid", badge: false },
  { firstName: "grace", badge: true },
  { firstName: "hugo", badge: true },
  { firstName: "jack", badge: false },
  { firstName: "moderator", badge: false },
];

export const DEMO_THREADS: DemoThread[] = [
  {
    sku: "OCT-LAP-AIR14-R7", author: "alice", kind: "QUESTION", language: "en", openedAt: "2026-09-05T08:30:00Z",
    title: "Battery drains overnight while the lid is closed",
    body: "My Vanta Air 14 loses about **20%** of its battery overnight with the lid closed. Is that normal?\n\nI'm on the latest firmware. Things I tried:\n\n- turning Bluetooth off\n- unplugging the travel mouse receiver",
    accepted: "a1",
    replies: [
      { key: "a1", author: "jack", afterHours: 2, body: "That's Modern Standby keeping Wi-Fi alive. Run `powercfg /a` in a terminal: if only *S0 Low Power Idle* is listed, open **Settings → Power → Lid** and choose **Hibernate**. My loss went from 18% to about 2%." },
      { key: "a2", author: "emma", parent: "a1", afterHours: 3, body: "Hibernate works, but resuming takes ~10 s. Disabling *Wake on LAN* in the BIOS got me most of the way while keeping sleep." },
      { key: "a3", author: "alice", parent: "a2", afterHours: 5, body: "Hibernate it is, I don't mind the 10 seconds. Down to 3% overnight. Thanks both!" },
      { key: "a4", author: "daniel", parent: "a3", afterHours: 9, body: "Worth knowing: a firmware update can reset the lid action, so check it again after updating." },
    ],
  },
  {
    sku: "OCT-LAP-EDU13-N2", author: "chloe", kind: "QUESTION", language: "fr", openedAt: "2026-09-22T17:10:00Z",
    title: "La batterie ne charge plus au-delà de 80 %",
    body: "Bonjour, mon Octet Study 13 ne se charge jamais au-dessus de 80 %, même branché toute la nuit avec le chargeur d'origine. Est-ce une panne de la batterie ?",
    accepted: "b1",
    replies: [
      { key: "b1", author: "hugo", afterHours: 1, body: "Ce n'est pas une panne : c'est la **protection de la batterie**. Dans l'application *Octet Center*, onglet **Alimentation**, désactivez « Limiter la charge à 80 % » si vous avez besoin de l'autonomie complète." },
      { key: "b2", author: "chloe", parent: "b1", afterHours: 2, body: "C'était bien ça, merci ! Je vais quand même la laisser activée quand je travaille sur secteur." },
      { key: "b3", author: "farid", afterHours: 26, body: "Même réglage sur les Vanta. Garder la charge à 80 % prolonge vraiment la durée de vie des batteries lithium-ion." },
    ],
  },
  {
    sku: "OCT-GPU-BLZ-16G", author: "bruno", kind: "QUESTION", language: "fr", openedAt: "2026-09-28T20:05:00Z",
    title: "Écran noir au démarrage avec la Forge Blaze",
    body: "Après avoir installé la Forge Blaze 16 Go, l'écran reste noir au démarrage. Les ventilateurs tournent, les deux câbles 8 broches sont branchés. Mon alimentation fait 650 W.",
    replies: [
      { key: "c1", author: "farid", afterHours: 3, body: "Le câble est-il branché sur la carte graphique et pas sur la carte mère ? Ça arrive plus souvent qu'on ne croit." },
      { key: "c2", author: "bruno", parent: "c1", afterHours: 4, body: "Oui, branché sur la carte graphique, en DisplayPort." },
      { key: "c3", author: "jack", language: "en", parent: "c2", afterHours: 6, body: "Try enabling *Above 4G decoding* and disabling CSM in the BIOS: some boards show nothing until the card boots in UEFI mode." },
      { key: "c4", author: "bruno", parent: "c3", afterHours: 8, body: "Je n'ai pas accès au BIOS sans image… je vais réessayer avec l'ancienne carte pour changer les réglages." },
    ],
  },
  {
    sku: "OCT-MON-27Q-165", author: "bruno", kind: "TIP", language: "fr", openedAt: "2026-10-02T09:00:00Z",
    title: "Astuce : activer vraiment les 165 Hz",
    body: "Par défaut, Windows règle le Vanta 27\" à 60 Hz. Pour profiter des 165 Hz :\n\n1. Utilisez le câble **DisplayPort** fourni (le HDMI est limité à 144 Hz).\n2. *Paramètres → Affichage → Affichage avancé* → choisissez **165 Hz**.\n3. Activez l'*Overdrive* sur « Normal » dans le menu de l'écran : « Extrême » crée des traînées.",
    replies: [
      { key: "d1", author: "farid", afterHours: 5, body: "Merci ! J'étais resté à 60 Hz pendant deux semaines sans m'en rendre compte." },
      { key: "d2", author: "emma", language: "en", afterHours: 30, body: "Same on the 32\" 4K model: USB-C alt mode also caps the refresh rate, so DisplayPort is the way to go." },
    ],
  },
  {
    sku: "OCT-NET-BE7-TRI", author: "daniel", kind: "QUESTION", language: "en", openedAt: "2026-10-06T19:45:00Z",
    title: "Older devices drop off Wi-Fi after enabling Wi-Fi 7 MLO",
    body: "Since I turned on Multi-Link Operation on the BE7, my printer and an older smart plug keep disconnecting. Newer phones are fine. Any setting I'm missing?",
    accepted: "e2",
    replies: [
      { key: "e1", author: "hugo", afterHours: 4, body: "Do they use WPA3? Many older IoT devices only support WPA2." },
      { key: "e2", author: "moderator", afterHours: 6, body: "The usual fix: create a separate **2.4 GHz IoT network** with *WPA2/WPA3 mixed* security and MLO off (Settings → Wireless → Additional networks). Keep MLO on the main network for your newer devices." },
      { key: "e3", author: "daniel", parent: "e2", afterHours: 20, body: "A separate IoT network did it: the printer has stayed connected for a day now." },
      { key: "e4", author: "grace", parent: "e3", afterHours: 22, body: "Good to know, I was about to return mine for the same reason." },
    ],
  },
  {
    sku: "OCT-NET-AX3-MESH2", author: "hugo", kind: "QUESTION", language: "fr", openedAt: "2026-10-09T12:20:00Z",
    title: "Le deuxième module mesh ne se connecte pas",
    body: "Impossible d'appairer le deuxième module du Nimbus AX3000 : la LED reste orange. Il est à environ 15 mètres du premier, à travers deux murs.",
    replies: [
      { key: "f1", author: "chloe", afterHours: 2, body: "Essayez d'abord de l'appairer à côté du premier module, puis déplacez-le : chez moi ça a fonctionné comme ça." },
    ],
  },
  {
    sku: "OCT-SSD-N4-2T", author: "bruno", kind: "QUESTION", language: "fr", openedAt: "2026-10-12T15:00:00Z",
    title: "Faut-il un dissipateur pour le Kestrel N4 ?",
    body: "Ma carte mère a un dissipateur M.2 mais il faut retirer l'autocollant du SSD pour le poser. Est-ce que je perds la garantie ?",
    accepted: "g1",
    replies: [
      { key: "g1", author: "moderator", afterHours: 3, body: "Non : l'étiquette du Kestrel N4 n'est pas un sceau de garantie, vous pouvez poser le dissipateur de la carte mère par-dessus. Ne retirez simplement pas l'étiquette : elle contient une couche de dissipation." },
      { key: "g2", author: "bruno", parent: "g1", afterHours: 4, body: "Parfait, merci pour la réponse rapide." },
    ],
  },
  {
    sku: "OCT-KEY-SPLIT-ERG", author: "grace", kind: "DISCUSSION", language: "en", openedAt: "2026-10-15T07:30:00Z",
    title: "Two weeks with the Halden Split: how long did you take to adapt?",
    body: "I'm two weeks in with the split keyboard and my typing speed is finally back to ~70% of normal. How long did it take you to get used to it? Any tenting angle you'd recommend?",
    replies: [
      { key: "h1", author: "emma", afterHours: 6, body: "About a month for me. The lowest tenting angle felt best at first; I moved to the middle one after three weeks." },
      { key: "h2", author: "jack", parent: "h1", afterHours: 8, body: "Same here. The hardest part was the **B** key: I kept reaching for it with the wrong hand." },
      { key: "h3", author: "grace", parent: "h2", afterHours: 9, body: "The B key, yes! Glad it's not just me." },
      { key: "h4", author: "emma", parent: "h3", afterHours: 12, body: "Pairing it with the vertical mouse helped my wrists even more than the keyboard alone." },
      { key: "h5", author: "daniel", afterHours: 48, body: "Tip: practise with a typing site for 10 minutes a day rather than forcing it during work." },
    ],
  },
  {
    sku: "OCT-MON-34W-OLED", author: "farid", kind: "QUESTION", language: "fr", openedAt: "2026-10-18T21:00:00Z",
    title: "Risque de marquage sur l'écran OLED avec la barre des tâches ?",
    body: "Je travaille huit heures par jour avec la barre des tâches visible sur le Forge 34\" OLED. Est-ce que je risque un marquage permanent ?",
    accepted: "i2",
    replies: [
      { key: "i1", author: "emma", language: "en", afterHours: 2, body: "Hiding the taskbar automatically is the simplest precaution." },
      { key: "i2", author: "moderator", afterHours: 5, body: "L'écran lance un **rafraîchissement des pixels** automatique après 4 heures d'utilisation cumulée, quand il passe en veille. Laissez-le se mettre en veille (ne coupez pas l'alimentation au bouton) et activez le *déplacement des pixels*. La garantie couvre aussi le marquage pendant 3 ans." },
      { key: "i3", author: "farid", parent: "i2", afterHours: 6, body: "Je le coupais à la multiprise tous les soirs… je ne le ferai plus, merci." },
    ],
  },
  {
    sku: "OCT-LAP-G15-4070", author: "jack", kind: "TIP", language: "en", openedAt: "2026-10-21T18:15:00Z",
    title: "Tip: quieter fans on the Forge G15 without losing FPS",
    body: "The *Performance* profile runs the fans at full speed even in light games. What worked for me:\n\n- **Balanced** profile plus a frame-rate cap at 120 in the GPU driver\n- a laptop stand for better airflow\n\nTemperatures stay under 80 °C and it's far quieter. @AliceMorgan you asked about this last week.",
    replies: [
      { key: "j1", author: "alice", afterHours: 3, body: "Thanks @JackThompson, I'll pass this on to my brother, he has the G15." },
    ],
  },
  {
    sku: "OCT-MOU-TRAV-BT", author: "alice", kind: "QUESTION", language: "en", openedAt: "2026-11-02T10:40:00Z",
    title: "Travel mouse cursor stutters on Bluetooth",
    body: "The Nimbus travel mouse stutters every few seconds when connected over Bluetooth to my laptop. Is it interference from the Wi-Fi?",
    replies: [
      { key: "k1", author: "grace", afterHours: 5, body: "Could be the USB 3 port next to the laptop's Bluetooth antenna: unplug any USB 3 drive and see whether it stops." },
      { key: "k2", author: "alice", parent: "k1", afterHours: 7, body: "It gets better without the portable SSD plugged in, but it doesn't stop completely." },
    ],
  },
  {
    sku: "OCT-SSD-S3-1T", author: "hugo", kind: "TIP", language: "fr", openedAt: "2026-11-05T14:00:00Z",
    title: "Cloner son ancien disque vers le Nimbus S3 sans réinstaller",
    body: "Pour passer d'un disque dur au **Nimbus S3** sans tout réinstaller :\n\n1. Branchez le SSD avec un adaptateur USB vers SATA.\n2. Clonez le disque avec l'outil gratuit fourni par Octet.\n3. Remplacez le disque, puis vérifiez dans le BIOS que le démarrage se fait bien sur le SSD.\n\n> Pensez à faire une sauvegarde avant : un clonage n'est pas une sauvegarde.",
    replies: [
      { key: "l1", author: "chloe", afterHours: 10, body: "Très clair, merci. Combien de temps a pris le clonage chez vous ?" },
      { key: "l2", author: "hugo", parent: "l1", afterHours: 12, body: "Environ 40 minutes pour 300 Go." },
    ],
  },
  {
    sku: "OCT-LAP-PRO16-I9", author: "emma", kind: "QUESTION", language: "en", openedAt: "2026-11-10T16:25:00Z",
    title: "Does the Vanta Pro 16 charge over USB-C from the 32\" monitor?",
    body: "The monitor delivers 90 W over USB-C, but the Pro 16 ships with a 240 W charger. Will it charge from the monitor at all, or only slowly?",
    accepted: "m1",
    replies: [
      { key: "m1", author: "daniel", afterHours: 1, body: "It charges, but slowly: 90 W covers office work and keeps the battery level. Under a heavy GPU load the battery still drains, so use the barrel charger for gaming or rendering." },
      { key: "m2", author: "emma", parent: "m1", afterHours: 3, body: "Confirmed: it charges from the monitor while I work, and one cable for everything is great." },
    ],
  },
  {
    sku: "OCT-NET-SW8-25G", author: "daniel", kind: "DISCUSSION", language: "en", openedAt: "2026-11-14T11:00:00Z",
    title: "Is 2.5 GbE worth it for a home network?",
    body: "I added the 8-port 2.5 GbE switch between the BE7 router and my NAS. Backups went from 110 MB/s to 280 MB/s. Curious what others use it for, and whether 10 GbE would have been overkill.",
    replies: [
      { key: "n1", author: "hugo", language: "fr", afterHours: 8, body: "Pour un NAS avec des disques durs, le 2,5 GbE suffit largement : les disques plafonnent vers 250 Mo/s." },
    ],
  },
  {
    sku: "OCT-KEY-FULL-AZ", author: "chloe", kind: "QUESTION", language: "fr", openedAt: "2026-11-20T09:15:00Z",
    title: "Touches accentuées majuscules sur le clavier AZERTY",
    body: "Comment taper un **É** majuscule avec le clavier Octet Basics AZERTY ? La touche Verr. Maj. donne un « 2 ».",
    replies: [],
  },
];
