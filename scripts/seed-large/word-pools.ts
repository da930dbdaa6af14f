/**
 * Vocabulary of the large generated community, in English and French. Posts draw their words
 * with a skewed distribution (the first words of each list are common, the last ones rare), so
 * full-text search sees what a real help forum gives it: a few words in most posts, many words
 * in few posts. Plain words only (no Markdown or HTML characters), so a post's HTML is its text
 * in a paragraph.
 */
export const ENGLISH_WORDS = `
the it my with and not after when but this works does have same problem update firmware driver
fan noise battery screen cable port power boot settings issue still again new old fixed broken
slow fast warm hot cold speed memory disk drive ssd keyboard mouse charger adapter bios reset
wifi bluetooth ethernet router display monitor resolution refresh brightness colour sound speaker
microphone headset webcam camera usb hdmi displayport thunderbolt dock hub cooler thermal paste
voltage overclock benchmark temperature throttling idle load stable crash freeze reboot shutdown
sleep wake standby suspend hibernate install uninstall rollback version release beta patch
warranty return replacement repair support ticket manual guide tutorial tip trick solution workaround
answer question thanks helped recommend compatible incompatible spare screw bracket mount case
chassis airflow dust filter clean replace upgrade downgrade partition format backup restore clone
encrypt password login account license activation serial invoice shipping packaging unboxing
scratch dent crack pixel backlight bleed flicker tearing ghosting latency input lag jitter ping
throughput bandwidth gigabit antenna signal range interference channel mesh repeater firmware2
capacitor coil whine buzz rattle click squeak vibration rubber feet hinge lid bezel stand vesa
calibration profile gamma contrast hdr gsync freesync vrr overdrive nits matte glossy panel ips
oled mini led tkl switches keycaps stabilizers hotswap polling dpi sensor scroll wheel cord
wireless receiver dongle pairing latency battery-life runtime endurance cycles capacity degraded
`.trim().split(/\s+/);

export const FRENCH_WORDS = `
le la les mon ma avec et pas après quand mais ceci fonctionne marche même problème mise jour
micrologiciel pilote ventilateur bruit batterie écran câble port alimentation démarrage réglages
souci encore nouveau ancien réglé cassé lent rapide chaud froid vitesse mémoire disque clavier
souris chargeur adaptateur réinitialisation sans fil réseau routeur affichage moniteur définition
fréquence luminosité couleur son enceinte micro casque webcam caméra station accueil refroidissement
pâte thermique tension surcadençage température bridage repos charge stable plantage gel
redémarrage extinction veille réveil installation désinstallation retour version correctif
garantie remplacement réparation assistance ticket notice guide tutoriel astuce solution
contournement réponse question merci aidé conseille compatible incompatible vis support boîtier
flux poussière filtre nettoyer remplacer améliorer partition formater sauvegarde restaurer cloner
chiffrer motpasse connexion compte licence activation série facture livraison emballage déballage
rayure bosse fissure pixel rétroéclairage fuite scintillement déchirure rémanence latence décalage
débit bande passante antenne signal portée interférence canal maillage répéteur condensateur
sifflement bourdonnement cliquetis grincement vibration patins charnière couvercle cadre pied
étalonnage profil gamma contraste dalle mate brillante interrupteurs touches stabilisateurs
capteur molette cordon récepteur appairage autonomie endurance cycles capacité dégradée
`.trim().split(/\s+/);

/** Title openings per kind of thread, so titles read like questions, tips and discussions. */
export const TITLE_OPENINGS = {
  en: ["How do I fix", "Why does my", "Anyone else with", "Tip:", "Best way to", "Problem with", "Question about", "Is it normal:"],
  fr: ["Comment régler", "Pourquoi mon", "Quelqu’un d’autre avec", "Astuce :", "Meilleure façon de", "Problème de", "Question sur", "Est-ce normal :"],
} as const;
