import type { AppLocale } from "@/lib/i18n/locales";
import type { ConsentAction, ConsentPurpose } from "./consent-vocabulary";

/**
 * The exact wording shown next to every control that grants or withdraws a consent, per
 * language. Pages render these strings verbatim (not next-intl messages) because the ledger
 * records the SHA-256 of what was shown: a message catalog could drift without anyone noticing.
 *
 * Changing a body REQUIRES bumping its `version` (both languages share one version, so they
 * always say the same thing). The previous wording stays provable: the first time a version is
 * used it is stored in the ConsentText table, which the database keeps append-only, and
 * recordConsentEvent refuses a changed body under an already stored version.
 *
 * Texts are plain text with no placeholders, so the hash is the same in every deployment.
 */

export type ConsentTextEntry = {
  version: number;
  body: Record<AppLocale, string>;
};

export const CONSENT_TEXTS = {
  COMMUNITY_MEMBERSHIP: {
    GRANTED: {
      version: 1,
      body: {
        en: "I want to join the community. Members can ask and answer questions and vote; what I post is public and shown under my display name. Membership is needed to post; reading stays open to everyone. Joining sends me no e-mail and subscribes me to nothing: alerts are separate choices. I can leave at any time from my account page.",
        fr: "Je souhaite rejoindre la communauté. Les membres peuvent poser des questions, y répondre et voter ; ce que je publie est public et affiché sous mon nom d’affichage. Être membre est nécessaire pour publier ; la lecture reste ouverte à tous. Rejoindre ne m’envoie aucun e-mail et ne m’abonne à rien : les alertes sont des choix séparés. Je peux quitter la communauté à tout moment depuis la page de mon compte.",
      },
    },
    // v2: what happens to posts is no longer part of this text, because it differs between
    // leaving (posts stay) and deleting the account (the person chooses); each page says it.
    WITHDRAWN: {
      version: 2,
      body: {
        en: "I want to leave the community. This withdraws my membership and every alert subscription at once. I will no longer be able to post or vote. Leaving sends me no e-mail. I can join again later with a new choice.",
        fr: "Je souhaite quitter la communauté. Cela retire en une fois mon adhésion et tous mes abonnements aux alertes. Je ne pourrai plus publier ni voter. Quitter la communauté ne m’envoie aucun e-mail. Je pourrai la rejoindre plus tard par un nouveau choix.",
      },
    },
  },
  OWNER_BADGE: {
    GRANTED: {
      version: 1,
      body: {
        en: "Show a “verified owner” badge on my posts about products I bought from the shop. This uses my purchases for one thing only: telling readers that I own the product I am writing about. It is off unless I turn it on, it only applies while I am a community member, it sends me no e-mail, and I can turn it off at any time.",
        fr: "Afficher un badge « propriétaire vérifié » sur mes publications à propos des produits que j’ai achetés à la boutique. Mes achats ne servent qu’à cela : indiquer aux lecteurs que je possède le produit dont je parle. Il reste désactivé tant que je ne l’active pas, ne s’applique que si je suis membre de la communauté, ne m’envoie aucun e-mail, et je peux le désactiver à tout moment.",
      },
    },
    WITHDRAWN: {
      version: 1,
      body: {
        en: "Stop showing the “verified owner” badge on my posts. My purchases will no longer be used to mark my posts. I can turn it back on at any time.",
        fr: "Ne plus afficher le badge « propriétaire vérifié » sur mes publications. Mes achats ne serviront plus à signaler mes publications. Je peux le réactiver à tout moment.",
      },
    },
  },
  // Alert texts are shown next to the control that changes the subscription (the Watch menu, the
  // preference center). What exactly was chosen (level, channel) goes on the ledger row's
  // `detail`; the text says what any such choice means.
  PRODUCT_ALERTS: {
    GRANTED: {
      version: 1,
      body: {
        en: "Alert me about this product as I choose here: new threads, or every post. Alerts appear in the app; I receive them by e-mail only if I turn e-mail on for this product. I can lower or stop them at any time, here, in my preferences or from any alert e-mail.",
        fr: "M’alerter sur ce produit comme je le choisis ici : nouveaux sujets, ou chaque message. Les alertes s’affichent dans l’application ; je ne les reçois par e-mail que si j’active l’e-mail pour ce produit. Je peux les réduire ou les arrêter à tout moment, ici, dans mes préférences ou depuis n’importe quel e-mail d’alerte.",
      },
    },
    WITHDRAWN: {
      version: 1,
      body: {
        en: "Send me fewer or no alerts about this product, as I choose here. It takes effect at once, including for alerts already waiting to be sent.",
        fr: "M’envoyer moins d’alertes, ou aucune, sur ce produit, comme je le choisis ici. Cela s’applique immédiatement, y compris aux alertes en attente d’envoi.",
      },
    },
  },
  CATEGORY_ALERTS: {
    GRANTED: {
      version: 1,
      body: {
        en: "Alert me about every product in this category as I choose here: new threads, or every post. Alerts appear in the app; I receive them by e-mail only if I turn e-mail on for this category. I can lower or stop them at any time, here, in my preferences or from any alert e-mail.",
        fr: "M’alerter sur tous les produits de cette catégorie comme je le choisis ici : nouveaux sujets, ou chaque message. Les alertes s’affichent dans l’application ; je ne les reçois par e-mail que si j’active l’e-mail pour cette catégorie. Je peux les réduire ou les arrêter à tout moment, ici, dans mes préférences ou depuis n’importe quel e-mail d’alerte.",
      },
    },
    WITHDRAWN: {
      version: 1,
      body: {
        en: "Send me fewer or no alerts about this category, as I choose here. It takes effect at once, including for alerts already waiting to be sent.",
        fr: "M’envoyer moins d’alertes, ou aucune, sur cette catégorie, comme je le choisis ici. Cela s’applique immédiatement, y compris aux alertes en attente d’envoi.",
      },
    },
  },
  THREAD_ALERTS: {
    GRANTED: {
      version: 1,
      body: {
        en: "Alert me about this thread as I choose here: every reply, or only what concerns me. Alerts appear in the app; I receive them by e-mail only if I turn e-mail on for this thread. I can lower or stop them at any time, here, in my preferences or from any alert e-mail.",
        fr: "M’alerter sur ce sujet comme je le choisis ici : chaque réponse, ou seulement ce qui me concerne. Les alertes s’affichent dans l’application ; je ne les reçois par e-mail que si j’active l’e-mail pour ce sujet. Je peux les réduire ou les arrêter à tout moment, ici, dans mes préférences ou depuis n’importe quel e-mail d’alerte.",
      },
    },
    WITHDRAWN: {
      version: 1,
      body: {
        en: "Send me fewer or no alerts about this thread, as I choose here. It takes effect at once, including for alerts already waiting to be sent.",
        fr: "M’envoyer moins d’alertes, ou aucune, sur ce sujet, comme je le choisis ici. Cela s’applique immédiatement, y compris aux alertes en attente d’envoi.",
      },
    },
  },
  PERSONAL_NOTIFICATIONS: {
    GRANTED: {
      version: 1,
      body: {
        en: "Notify me of this event that concerns me (a reply to my post, a mention, an answer to or on my question, a message from a moderator) through the channel I turn on here. I can turn it off at any time, here or from any alert e-mail.",
        fr: "Me prévenir de cet événement qui me concerne (une réponse à ma publication, une mention, une réponse à ma question ou acceptée dessus, un message d’un modérateur) par le canal que j’active ici. Je peux le désactiver à tout moment, ici ou depuis n’importe quel e-mail d’alerte.",
      },
    },
    WITHDRAWN: {
      version: 1,
      body: {
        en: "Stop notifying me of this event through the channel I turn off here. It takes effect at once, including for notifications already waiting to be sent.",
        fr: "Ne plus me prévenir de cet événement par le canal que je désactive ici. Cela s’applique immédiatement, y compris aux notifications en attente d’envoi.",
      },
    },
  },
  ALERT_EMAIL: {
    GRANTED: {
      version: 1,
      body: {
        en: "Resume alert e-mails: the e-mails I turned on for products, categories, threads and events that concern me are sent again, at the frequency I chose. I can pause them again at any time.",
        fr: "Reprendre les e-mails d’alerte : les e-mails que j’ai activés pour des produits, catégories, sujets et événements qui me concernent sont de nouveau envoyés, à la fréquence choisie. Je peux les suspendre de nouveau à tout moment.",
      },
    },
    WITHDRAWN: {
      version: 1,
      body: {
        en: "Pause all alert e-mails, whatever I chose for each subscription, starting now, including e-mails and digests already waiting to be sent. Sign-in e-mails I ask for still arrive. My subscriptions stay as they are in the app.",
        fr: "Suspendre tous les e-mails d’alerte, quel que soit mon choix pour chaque abonnement, dès maintenant, y compris les e-mails et résumés en attente d’envoi. Les e-mails de connexion que je demande arrivent toujours. Mes abonnements restent inchangés dans l’application.",
      },
    },
  },
} as const satisfies Partial<Record<ConsentPurpose, Record<ConsentAction, ConsentTextEntry>>>;

/** Purposes that have wording, and so can be granted or withdrawn. */
export type ConsentPurposeWithText = keyof typeof CONSENT_TEXTS;

export function hasConsentText(purpose: ConsentPurpose): purpose is ConsentPurposeWithText {
  return Object.hasOwn(CONSENT_TEXTS, purpose);
}

/** The current wording for a purpose and action, in one language, with its version. */
export function getConsentText(
  purpose: ConsentPurposeWithText,
  action: ConsentAction,
  locale: AppLocale,
): { version: number; body: string } {
  const entry: ConsentTextEntry = CONSENT_TEXTS[purpose][action];
  return { version: entry.version, body: entry.body[locale] };
}
