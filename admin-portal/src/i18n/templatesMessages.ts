/**
 * Messages of the e-mail template screens (« Modèles »), French first;
 * merged into the catalogue by `messages.ts`.
 */
export const templatesFr = {
  'templates.nav': 'Modèles',
  'templates.title': 'Modèles d’e-mail',
  'templates.intro':
    'Des messages prêts à envoyer depuis Outlook, avec des champs remplis pour ' +
    'chaque destinataire ({{prenom}}, {{societe}}…). Vos modèles restent ' +
    'personnels tant que vous ne les partagez pas.',
  'templates.search': 'Rechercher un modèle par son nom',
  'templates.new': 'Nouveau modèle',
  'templates.list': 'Modèles',
  'templates.found': '{count} modèles',
  'templates.found.one': '1 modèle',
  'templates.empty': 'Aucun modèle',
  'templates.emptyHint':
    'Créez un modèle : il apparaîtra dans Outlook, au moment d’écrire un e-mail.',
  'templates.shared': 'Partagé',
  'templates.private': 'Personnel',
  'templates.by': 'Par {name}',
  'templates.updatedOn': 'modifié le {date}',
  'templates.fieldCount': '{count|champ|champs} de fusion',
  'templates.back': 'Retour aux modèles',

  'templates.editor.newTitle': 'Nouveau modèle',
  'templates.editor.about': 'Le modèle',
  'templates.editor.name': 'Nom',
  'templates.editor.description': 'Description',
  'templates.editor.language': 'Langue du message',
  'templates.editor.languageHint':
    'Décide des civilités et formules d’appel : « Madame » ou « Dear Madam ».',
  'templates.editor.language.fr': 'Français',
  'templates.editor.language.en': 'Anglais',
  'templates.editor.shared': 'Partager avec toute l’équipe',
  'templates.editor.sharedHint':
    'Partagé, tout le monde peut l’employer ; seuls vous et les administrateurs ' +
    'peuvent le modifier.',
  'templates.editor.content': 'Le message',
  'templates.editor.subject': 'Objet',
  'templates.editor.html': 'Corps du message (HTML)',
  'templates.editor.htmlHint':
    'Le HTML est nettoyé à l’enregistrement : ni script, ni formulaire, ni ' +
    'image ou lien qui n’est pas en https, mailto ou tel.',
  'templates.editor.text': 'Version texte (facultative)',
  'templates.editor.textHint':
    'Laissée vide, elle est tirée du HTML pour les messageries qui n’affichent ' +
    'que le texte.',
  'templates.editor.readOnly':
    'Modèle partagé par {name} : vous pouvez l’employer, pas le modifier.',
  'templates.editor.save': 'Enregistrer',
  'templates.editor.saved': 'Modèle enregistré.',
  'templates.editor.created': 'Modèle créé.',
  'templates.editor.conflict':
    'Ce modèle a été modifié entre-temps. Rechargez-le : vos changements non ' +
    'enregistrés seront perdus.',
  'templates.editor.reload': 'Recharger',
  'templates.editor.updated': 'Modifié le {date} par {name}.',

  'templates.fields.label': 'Champ de fusion',
  'templates.fields.option': '{label} — {field}',
  'templates.fields.insert': 'Insérer le champ',
  'templates.fields.hint':
    'Inséré là où se trouve le curseur, dans l’objet, le HTML ou le texte. ' +
    'Écrivez {{prenom|cher ami}} pour ce qui remplace un champ que les ' +
    'destinataires ne partagent pas.',
  'templates.fields.inserted': 'Champ {field} inséré dans : {where}.',

  'templates.toolbar': 'Mise en forme',
  'templates.toolbar.bold': 'Gras',
  'templates.toolbar.italic': 'Italique',
  'templates.toolbar.underline': 'Souligné',
  'templates.toolbar.paragraph': 'Paragraphe',
  'templates.toolbar.list': 'Liste à puces',
  'templates.toolbar.link': 'Lien',
  'templates.toolbar.linkAddress': 'Adresse du lien (https, mailto ou tel)',
  'templates.toolbar.linkInsert': 'Insérer le lien',
  'templates.toolbar.linkCancel': 'Annuler',

  'templates.preview.title': 'Aperçu',
  'templates.preview.contact': 'Contact pour l’aperçu',
  'templates.preview.contactHint':
    'Sans contact, chaque champ montre un exemple.',
  'templates.preview.examples': 'Aperçu avec des exemples.',
  'templates.preview.subject': 'Objet : {subject}',
  'templates.preview.frame': 'Aperçu du message',
  'templates.preview.loading': 'Aperçu en cours…',
  'templates.preview.fallbacks': 'Remplacés faute de valeur : {fields}.',
  'templates.preview.removed': 'Retiré au nettoyage du HTML : {items}.',
  'templates.preview.text': 'Version texte',

  'templates.delete.open': 'Supprimer le modèle',
  'templates.delete.title': 'Supprimer le modèle « {name} » ?',
  'templates.delete.body':
    'Il ne sera plus proposé dans Outlook. L’historique garde sa trace.',
  'templates.delete.confirm': 'Supprimer',
  'templates.delete.cancel': 'Annuler',
};

export const templatesEn: Record<keyof typeof templatesFr, string> = {
  'templates.nav': 'Templates',
  'templates.title': 'E-mail templates',
  'templates.intro':
    'Messages ready to send from Outlook, with fields filled for each ' +
    'recipient ({{prenom}}, {{societe}}…). Your templates stay personal until ' +
    'you share them.',
  'templates.search': 'Find a template by its name',
  'templates.new': 'New template',
  'templates.list': 'Templates',
  'templates.found': '{count} templates',
  'templates.found.one': '1 template',
  'templates.empty': 'No template',
  'templates.emptyHint':
    'Create a template: Outlook will offer it when you write an e-mail.',
  'templates.shared': 'Shared',
  'templates.private': 'Personal',
  'templates.by': 'By {name}',
  'templates.updatedOn': 'changed on {date}',
  'templates.fieldCount': '{count|merge field|merge fields}',
  'templates.back': 'Back to the templates',

  'templates.editor.newTitle': 'New template',
  'templates.editor.about': 'The template',
  'templates.editor.name': 'Name',
  'templates.editor.description': 'Description',
  'templates.editor.language': 'Language of the message',
  'templates.editor.languageHint':
    'Decides civilities and salutations: « Madame » or « Dear Madam ».',
  'templates.editor.language.fr': 'French',
  'templates.editor.language.en': 'English',
  'templates.editor.shared': 'Share with the whole team',
  'templates.editor.sharedHint':
    'Shared, everyone may use it; only you and the administrators may change it.',
  'templates.editor.content': 'The message',
  'templates.editor.subject': 'Subject',
  'templates.editor.html': 'Message body (HTML)',
  'templates.editor.htmlHint':
    'The HTML is cleaned when saved: no script, no form, no image or link ' +
    'other than https, mailto or tel.',
  'templates.editor.text': 'Text version (optional)',
  'templates.editor.textHint':
    'Left empty, it is taken from the HTML for mail clients that show text only.',
  'templates.editor.readOnly':
    'Template shared by {name}: you may use it, not change it.',
  'templates.editor.save': 'Save',
  'templates.editor.saved': 'Template saved.',
  'templates.editor.created': 'Template created.',
  'templates.editor.conflict':
    'This template was changed meanwhile. Reload it: your unsaved changes ' +
    'will be lost.',
  'templates.editor.reload': 'Reload',
  'templates.editor.updated': 'Changed on {date} by {name}.',

  'templates.fields.label': 'Merge field',
  'templates.fields.option': '{label} — {field}',
  'templates.fields.insert': 'Insert the field',
  'templates.fields.hint':
    'Inserted at the cursor, in the subject, the HTML or the text. Write ' +
    '{{prenom|dear friend}} for what replaces a field the recipients do not share.',
  'templates.fields.inserted': 'Field {field} inserted in: {where}.',

  'templates.toolbar': 'Formatting',
  'templates.toolbar.bold': 'Bold',
  'templates.toolbar.italic': 'Italic',
  'templates.toolbar.underline': 'Underline',
  'templates.toolbar.paragraph': 'Paragraph',
  'templates.toolbar.list': 'Bulleted list',
  'templates.toolbar.link': 'Link',
  'templates.toolbar.linkAddress': 'Link address (https, mailto or tel)',
  'templates.toolbar.linkInsert': 'Insert the link',
  'templates.toolbar.linkCancel': 'Cancel',

  'templates.preview.title': 'Preview',
  'templates.preview.contact': 'Contact for the preview',
  'templates.preview.contactHint':
    'Without a contact, each field shows an example.',
  'templates.preview.examples': 'Preview with examples.',
  'templates.preview.subject': 'Subject: {subject}',
  'templates.preview.frame': 'Preview of the message',
  'templates.preview.loading': 'Preview on its way…',
  'templates.preview.fallbacks': 'Replaced for want of a value: {fields}.',
  'templates.preview.removed': 'Taken out when cleaning the HTML: {items}.',
  'templates.preview.text': 'Text version',

  'templates.delete.open': 'Delete the template',
  'templates.delete.title': 'Delete the template “{name}”?',
  'templates.delete.body':
    'Outlook will no longer offer it. The history keeps a trace of it.',
  'templates.delete.confirm': 'Delete',
  'templates.delete.cancel': 'Cancel',
};
