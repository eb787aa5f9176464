/** The two languages of every manifest: French first, English beside it. */
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Language tags as Microsoft 365 reads them, per manifest kind. */
export const languageTags: Record<Locale, { json: string; xml: string }> = {
  fr: { json: 'fr-fr', xml: 'fr-FR' },
  en: { json: 'en-us', xml: 'en-US' },
};

/** Every string the manifests show to people, in both languages. */
export type Texts = {
  shortName: string;
  fullName: string;
  shortDescription: string;
  fullDescription: string;
  groupLabel: string;
  readButton: string;
  readTip: string;
  composeButton: string;
  composeTip: string;
  actionName: string;
  personalTab: string;
  /** The change-request notification in the activity feed. */
  activityDescription: string;
  /** Its line; Teams fills `{proposer}`, `{count}` and `{list}`. */
  activityTemplate: string;
};

export const texts: Record<Locale, Texts> = {
  fr: {
    shortName: 'Relais',
    fullName: 'Relais : contacts presse et relations publiques',
    shortDescription:
      'Vos contacts presse et relations publiques dans Outlook et Teams.',
    fullDescription:
      "Dans Outlook, Relais reconnaît l'expéditeur et les destinataires " +
      "d'un message, affiche la fiche des personnes connues et enregistre " +
      'une nouvelle personne en un clic, signature comprise, après ' +
      'vérification des doublons. En rédaction, il insère un modèle ' +
      "enregistré et propose les adresses d'expédition autorisées. Dans " +
      "Teams, l'équipe construit ses listes ensemble : les membres proposent " +
      'des ajouts et des retraits, le propriétaire les accepte ou les refuse.',
    groupLabel: 'Relais',
    readButton: 'Ouvrir Relais',
    readTip:
      "Voir si l'expéditeur et les destinataires sont dans la base, " +
      'enregistrer une personne ou la placer dans une liste.',
    composeButton: 'Modèles Relais',
    composeTip:
      "Insérer un modèle enregistré et choisir l'adresse d'expédition.",
    actionName: 'Afficher Relais',
    personalTab: 'Mes listes',
    activityDescription: 'Demande de modification d’une de vos listes',
    activityTemplate:
      '{proposer} propose {count} modification(s) de la liste {list}',
  },
  en: {
    shortName: 'Relais',
    fullName: 'Relais: press and public-relations contacts',
    shortDescription:
      'Your press and public-relations contacts in Outlook and Teams.',
    fullDescription:
      'In Outlook, Relais recognises the sender and recipients of a ' +
      'message, shows the card of people already known and captures a new ' +
      'person in one click, signature included, after a duplicate check. ' +
      'When writing, it inserts a saved template and offers the sender ' +
      'addresses you may use. In Teams, the team builds its lists together: ' +
      'members propose additions and removals, the owner approves or ' +
      'rejects them.',
    groupLabel: 'Relais',
    readButton: 'Open Relais',
    readTip:
      'See whether the sender and recipients are in the base, capture a ' +
      'person or add them to a list.',
    composeButton: 'Relais templates',
    composeTip: 'Insert a saved template and choose the sender address.',
    actionName: 'Show Relais',
    personalTab: 'My lists',
    activityDescription: 'Change request on one of your lists',
    activityTemplate:
      '{proposer} proposes {count} change(s) to the list {list}',
  },
};
