<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>A new person who may sign in to this computer&apos;s case files.</source>
        <translation>Une nouvelle personne autorisée à se connecter aux dossiers de cet ordinateur.</translation>
    </message>
    <message>
        <source>No supervisor</source>
        <translation>Aucun superviseur</translation>
    </message>
    <message>
        <source>Used to sign in: letters, digits, dots, dashes or underscores.</source>
        <translation>Sert à se connecter : lettres, chiffres, points, tirets ou tirets bas.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Nom complet</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>T&amp;eam</source>
        <translation>É&amp;quipe</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Superviseur</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Ajouter l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Type a username of at least 2 characters.</source>
        <translation>Saisissez un nom d&apos;utilisateur d&apos;au moins 2 caractères.</translation>
    </message>
    <message>
        <source>Tick at least one role.</source>
        <translation>Cochez au moins un rôle.</translation>
    </message>
    <message>
        <source>{name} was added. They must choose their own password when they first sign in.</source>
        <translation>Compte créé pour {name}. Cette personne devra choisir son propre mot de passe lors de sa première connexion.</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Utilisateurs</translation>
    </message>
    <message>
        <source>A&amp;gency</source>
        <translation>&amp;Organisme</translation>
    </message>
    <message>
        <source>&amp;Partners and backups</source>
        <translation>&amp;Partenaires et sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Facilities</source>
        <translation>É&amp;tablissements</translation>
    </message>
    <message>
        <source>Indica&amp;tors</source>
        <translation>In&amp;dicateurs</translation>
    </message>
    <message>
        <source>The agency settings were changed but not saved. Save them now?</source>
        <translation>Les paramètres de l&apos;organisme ont été modifiés mais pas enregistrés. Les enregistrer maintenant ?</translation>
    </message>
</context>
<context>
    <name>AdministrationFlow</name>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Offline case management for child protection social workers.</source>
        <translation>Gestion hors ligne des dossiers de protection de l&apos;enfance.</translation>
    </message>
</context>
<context>
    <name>AgencyPage</name>
    <message>
        <source>C&amp;hoose logo…</source>
        <translation>&amp;Choisir un logo…</translation>
    </message>
    <message>
        <source>&amp;Remove logo</source>
        <translation>&amp;Retirer le logo</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Co&amp;de</source>
        <translation>Co&amp;de</translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation>&amp;Pays</translation>
    </message>
    <message>
        <source>D&amp;istrict</source>
        <translation>D&amp;istrict</translation>
    </message>
    <message>
        <source>Default &amp;language</source>
        <translation>&amp;Langue par défaut</translation>
    </message>
    <message>
        <source>Logo for printouts</source>
        <translation>Logo des documents imprimés</translation>
    </message>
    <message>
        <source>Screen lock</source>
        <translation>Verrouillage de l&apos;écran</translation>
    </message>
    <message>
        <source>Lock the screen after (idle &amp;minutes)</source>
        <translation>Verrouiller l&apos;écran après (&amp;minutes d&apos;inactivité)</translation>
    </message>
    <message>
        <source>Protects the children&apos;s information when someone leaves the desk.</source>
        <translation>Protège les informations des enfants quand quelqu&apos;un quitte son poste.</translation>
    </message>
    <message>
        <source>Deadlines and approvals</source>
        <translation>Délais et approbations</translation>
    </message>
    <message>
        <source>Supervisor decides on a request within (days)</source>
        <translation>Le superviseur décide d&apos;une demande sous (jours)</translation>
    </message>
    <message>
        <source>A task shows as due soon (days before)</source>
        <translation>Une tâche est signalée comme proche (jours avant)</translation>
    </message>
    <message>
        <source>Changing a deadline updates the due dates of every case on saving.</source>
        <translation>Modifier un délai met à jour les échéances de tous les cas lors de l&apos;enregistrement.</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter (US)</source>
        <translation>Letter (États-Unis)</translation>
    </message>
    <message>
        <source>&amp;Paper for printouts</source>
        <translation>&amp;Papier des impressions</translation>
    </message>
    <message>
        <source>Consent asked again after (months)</source>
        <translation>Consentement redemandé après (mois)</translation>
    </message>
    <message>
        <source>A supervisor may approve their own requests</source>
        <translation>Un superviseur peut approuver ses propres demandes</translation>
    </message>
    <message>
        <source>A best interests determination needs the supervisor&apos;s approval</source>
        <translation>Une détermination de l&apos;intérêt supérieur doit être approuvée par le superviseur</translation>
    </message>
    <message>
        <source>Case conferences</source>
        <translation>Conférences de cas</translation>
    </message>
    <message>
        <source>A&amp;genda, one item per line</source>
        <translation>Ordre du &amp;jour, un point par ligne</translation>
    </message>
    <message>
        <source>Empty: the standard agenda shown in grey, in each reader&apos;s language. The item whose title says “summary” is filled in with the case summary and the plan&apos;s overdue actions.</source>
        <translation>Vide : l&apos;ordre du jour standard affiché en gris, dans la langue de chaque lecteur. Le point dont le titre contient « résumé » est prérempli avec le résumé du dossier et les actions en retard du plan.</translation>
    </message>
    <message>
        <source>The case number only</source>
        <translation>Le numéro de cas seulement</translation>
    </message>
    <message>
        <source>The case number and the child&apos;s initials</source>
        <translation>Le numéro de cas et les initiales de l&apos;enfant</translation>
    </message>
    <message>
        <source>The case number and the child&apos;s name</source>
        <translation>Le numéro de cas et le nom de l&apos;enfant</translation>
    </message>
    <message>
        <source>Printed &amp;minutes name the child by</source>
        <translation>Les procès-verbaux &amp;imprimés désignent l&apos;enfant par</translation>
    </message>
    <message>
        <source>Minutes go to other organisations: name the child no more than needed.</source>
        <translation>Les procès-verbaux vont à d&apos;autres organismes : ne désignez l&apos;enfant que dans la mesure nécessaire.</translation>
    </message>
    <message>
        <source>Initial assessment within (hours after registration)</source>
        <translation>Évaluation initiale dans un délai de (heures après l&apos;enregistrement)</translation>
    </message>
    <message>
        <source>Initial assessment at the latest (hours)</source>
        <translation>Évaluation initiale au plus tard (heures)</translation>
    </message>
    <message>
        <source>Full assessment within (days after registration)</source>
        <translation>Évaluation complète dans un délai de (jours après l&apos;enregistrement)</translation>
    </message>
    <message>
        <source>Case plan within (days after the assessment)</source>
        <translation>Plan de prise en charge dans un délai de (jours après l&apos;évaluation)</translation>
    </message>
    <message>
        <source>Plan review every (months)</source>
        <translation>Révision du plan tous les (mois)</translation>
    </message>
    <message>
        <source>Plan review for high-risk cases every (months)</source>
        <translation>Révision du plan des cas à risque élevé tous les (mois)</translation>
    </message>
    <message>
        <source>Visit after closure within (months)</source>
        <translation>Visite après clôture dans un délai de (mois)</translation>
    </message>
    <message>
        <source>Placement review every (months)</source>
        <translation>Réexamen du placement tous les (mois)</translation>
    </message>
    <message>
        <source>Best interests determination within (days after the assessment asks for it)</source>
        <translation>Détermination de l&apos;intérêt supérieur dans un délai de (jours après l&apos;évaluation qui la demande)</translation>
    </message>
    <message>
        <source>Urgent referral&apos;s outcome checked within (days)</source>
        <translation>Résultat d&apos;une orientation urgente vérifié dans un délai de (jours)</translation>
    </message>
    <message>
        <source>Home visit for high-risk cases every (days)</source>
        <translation>Visite à domicile des cas à risque élevé tous les (jours)</translation>
    </message>
    <message>
        <source>Home visit for medium-risk cases every (days)</source>
        <translation>Visite à domicile des cas à risque moyen tous les (jours)</translation>
    </message>
    <message>
        <source>Home visit for low-risk cases every (days)</source>
        <translation>Visite à domicile des cas à risque faible tous les (jours)</translation>
    </message>
    <message>
        <source>2 to 10 letters or digits. New case numbers begin with it, e.g. {example}; numbers already given stay as they are.</source>
        <translation>2 à 10 lettres ou chiffres. Les nouveaux numéros de cas commencent par ce code, p. ex. {example} ; les numéros déjà attribués ne changent pas.</translation>
    </message>
    <message>
        <source>Choose the logo for printouts</source>
        <translation>Choisir le logo des documents imprimés</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>This file cannot be read.</source>
        <translation>Ce fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <source>Choose a PNG or JPEG picture.</source>
        <translation>Choisissez une image PNG ou JPEG.</translation>
    </message>
    <message>
        <source>This picture is too large (at most {kb} KB). Save a smaller copy and choose it again.</source>
        <translation>Cette image est trop grande ({kb} Ko au maximum). Enregistrez-en une copie plus petite et choisissez-la à nouveau.</translation>
    </message>
    <message>
        <source>This picture cannot be read. Choose another file.</source>
        <translation>Cette image ne peut pas être lue. Choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Aucun logo</translation>
    </message>
    <message>
        <source>The latest time for the initial assessment cannot be shorter than the usual time.</source>
        <translation>Le délai maximal de l&apos;évaluation initiale ne peut pas être plus court que le délai habituel.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Saving… due dates are updated if a deadline changed.</source>
        <translation>Enregistrement… les échéances sont mises à jour si un délai a changé.</translation>
    </message>
</context>
<context>
    <name>Agreement</name>
    <message>
        <source>Reintegration agreement</source>
        <translation>Accord de réintégration</translation>
    </message>
    <message>
        <source>The child&apos;s return to a family, agreed by all, for signature</source>
        <translation>Le retour de l&apos;enfant dans une famille, convenu par tous, à signer</translation>
    </message>
    <message>
        <source>The placement decision</source>
        <translation>La décision de placement</translation>
    </message>
    <message>
        <source>Where the child will live</source>
        <translation>Où l&apos;enfant vivra</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Avec qui</translation>
    </message>
    <message>
        <source>Relationship to the child</source>
        <translation>Lien avec l&apos;enfant</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Local leader or volunteer</source>
        <translation>Responsable local ou volontaire</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Décidé le</translation>
    </message>
    <message>
        <source>Approved by the supervisor</source>
        <translation>Approuvé par le superviseur</translation>
    </message>
    <message>
        <source>{who}, on {date}</source>
        <translation>{who}, le {date}</translation>
    </message>
    <message>
        <source>Planned placement date</source>
        <translation>Date de placement prévue</translation>
    </message>
    <message>
        <source>The child moved on</source>
        <translation>L&apos;enfant est parti le</translation>
    </message>
    <message>
        <source>Agreement of both sides</source>
        <translation>Accord des deux parties</translation>
    </message>
    <message>
        <source>The child agrees</source>
        <translation>L&apos;enfant est d&apos;accord</translation>
    </message>
    <message>
        <source>The family agrees</source>
        <translation>La famille est d&apos;accord</translation>
    </message>
    <message>
        <source>Preparation sessions held</source>
        <translation>Séances de préparation tenues</translation>
    </message>
    <message>
        <source>{count} (the last on {date})</source>
        <translation>{count} (la dernière le {date})</translation>
    </message>
    <message>
        <source>What the child said, in their words</source>
        <translation>Ce que l&apos;enfant a dit, avec ses mots</translation>
    </message>
    <message>
        <source>Worries still to settle</source>
        <translation>Inquiétudes encore à lever</translation>
    </message>
    <message>
        <source>Support and follow-up</source>
        <translation>Soutien et suivi</translation>
    </message>
    <message>
        <source>Services in the community</source>
        <translation>Services de la communauté</translation>
    </message>
    <message>
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <source>First follow-up visit</source>
        <translation>Première visite de suivi</translation>
    </message>
    <message>
        <source>Not set yet</source>
        <translation>Pas encore fixée</translation>
    </message>
    <message>
        <source>What each of us undertakes</source>
        <translation>Ce à quoi chacun s&apos;engage</translation>
    </message>
    <message>
        <source>The family cares for the child, keeps the child safe and in school, lets the caseworker and the community volunteer visit and see the child alone, and tells the caseworker at once of any difficulty.</source>
        <translation>La famille prend soin de l&apos;enfant, le garde en sécurité et à l&apos;école, laisse le gestionnaire de cas et le volontaire communautaire lui rendre visite et voir l&apos;enfant seul à seul, et informe aussitôt le gestionnaire de cas de toute difficulté.</translation>
    </message>
    <message>
        <source>The agency follows up the child and the family after the move, gives the support agreed, and links them to the services they need. The child may speak to the caseworker at any time.</source>
        <translation>L&apos;organisme suit l&apos;enfant et la famille après le départ, apporte le soutien convenu et les relie aux services dont ils ont besoin. L&apos;enfant peut parler au gestionnaire de cas à tout moment.</translation>
    </message>
    <message>
        <source>This agreement was read and explained to the child and the family in a language they understand.</source>
        <translation>Cet accord a été lu et expliqué à l&apos;enfant et à la famille dans une langue qu&apos;ils comprennent.</translation>
    </message>
    <message>
        <source>For the family</source>
        <translation>Pour la famille</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach a document to the case</source>
        <translation>Joindre un document au dossier</translation>
    </message>
    <message>
        <source>The scan, photo or PDF to attach</source>
        <translation>Le scan, la photo ou le PDF à joindre</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>&amp;Kind of document:</source>
        <translation>&amp;Type de document :</translation>
    </message>
    <message>
        <source>Leave it empty if the document&apos;s date is not known.</source>
        <translation>Laissez-la vide si la date du document n&apos;est pas connue.</translation>
    </message>
    <message>
        <source>&amp;Dated:</source>
        <translation>&amp;Daté du :</translation>
    </message>
    <message>
        <source>e.g. issued by the district hospital</source>
        <translation>p. ex. délivré par l&apos;hôpital de district</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription :</translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG, at most {n} MB. The document is kept encrypted in the store; the file you choose is not changed or deleted.</source>
        <translation>PDF, JPEG ou PNG, {n} Mo au plus. Le document est conservé chiffré dans la base ; le fichier choisi n&apos;est ni modifié ni supprimé.</translation>
    </message>
    <message>
        <source>This agency does not keep photos of children in case files (an administrator can allow them).</source>
        <translation>Cet organisme ne conserve pas de photos d&apos;enfants dans les dossiers (un administrateur peut les autoriser).</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Joindre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Choose the file to attach.</source>
        <translation>Choisissez le fichier à joindre.</translation>
    </message>
    <message>
        <source>The date is not one Ulinzi can read: type it as dd/mm/yyyy, choose it on the calendar, or leave it empty if it is not known.</source>
        <translation>Ulinzi ne peut pas lire cette date : tapez-la sous la forme jj/mm/aaaa, choisissez-la sur le calendrier, ou laissez-la vide si elle n&apos;est pas connue.</translation>
    </message>
    <message>
        <source>The document&apos;s date cannot be in the future.</source>
        <translation>La date du document ne peut pas être dans le futur.</translation>
    </message>
</context>
<context>
    <name>AttachmentFlow</name>
    <message>
        <source>Opening the document…</source>
        <translation>Ouverture du document…</translation>
    </message>
    <message>
        <source>Remove the attached document</source>
        <translation>Retirer le document joint</translation>
    </message>
    <message>
        <source>The document will be deleted from the store; who removed it, when and why stay in the case file. Why is it removed?</source>
        <translation>Le document sera supprimé de la base ; qui l&apos;a retiré, quand et pourquoi restent dans le dossier. Pourquoi le retirer ?</translation>
    </message>
</context>
<context>
    <name>AttachmentRulesBox</name>
    <message>
        <source>Attached documents</source>
        <translation>Documents joints</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>Photos of children may be attached to case files</source>
        <translation>Des photos d&apos;enfants peuvent être jointes aux dossiers</translation>
    </message>
    <message>
        <source>A photo identifies a child at a glance, on a screen or a printout: allow it only if the agency&apos;s policy asks for it.</source>
        <translation>Une photo identifie un enfant d&apos;un coup d&apos;œil, à l&apos;écran ou sur papier : ne l&apos;autorisez que si la politique de l&apos;organisme le demande.</translation>
    </message>
    <message>
        <source>Largest &amp;file</source>
        <translation>&amp;Fichier le plus grand</translation>
    </message>
    <message>
        <source>At most {n} MB: a package to another agency carries files up to that size.</source>
        <translation>{n} Mo au plus : un paquet vers un autre organisme transporte des fichiers jusqu&apos;à cette taille.</translation>
    </message>
</context>
<context>
    <name>AttachmentView</name>
    <message>
        <source>This file cannot be shown: it may be damaged.</source>
        <translation>Ce fichier ne peut pas être affiché&#xa0;: il est peut-être endommagé.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, then try again.</source>
        <translation>L&apos;imprimante n&apos;a pas pu démarrer. Vérifiez qu&apos;elle est allumée et branchée, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>Birth certificate</source>
        <translation>Acte de naissance</translation>
    </message>
    <message>
        <source>Court order</source>
        <translation>Décision de justice</translation>
    </message>
    <message>
        <source>Medical report</source>
        <translation>Rapport médical</translation>
    </message>
    <message>
        <source>School report</source>
        <translation>Bulletin scolaire</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Pièce d&apos;identité</translation>
    </message>
    <message>
        <source>Police report</source>
        <translation>Rapport de police</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>Photo of the child</source>
        <translation>Photo de l&apos;enfant</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Autre document</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>Daté du</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Documents attached to the case</source>
        <translation>Documents joints au dossier</translation>
    </message>
    <message>
        <source>No document is attached to this case yet. Attach a birth certificate, a court order, a medical or school report… from a scan or a phone photo.</source>
        <translation>Aucun document n&apos;est encore joint à ce dossier. Joignez un acte de naissance, une décision de justice, un rapport médical ou un bulletin scolaire… à partir d&apos;un scan ou d&apos;une photo prise au téléphone.</translation>
    </message>
    <message>
        <source>Attach a doc&amp;ument…</source>
        <translation>Joindre un doc&amp;ument…</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <source>Print the do&amp;cument…</source>
        <translation>Imprimer le do&amp;cument…</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>Reti&amp;rer…</translation>
    </message>
    <message>
        <source>removed by {who}, {when}: {why}</source>
        <translation>retiré par {who}, {when} : {why}</translation>
    </message>
    <message>
        <source>{who}, {when}</source>
        <translation>{who}, {when}</translation>
    </message>
    <message>
        <source>received from another agency, {when}</source>
        <translation>reçu dreçu d&apos;une autre structureapos;un autre organisme, {when}</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG, at most {n} MB. Kept encrypted in the store, never as a file.</source>
        <translation>PDF, JPEG ou PNG, {n} Mo au plus. Conservé chiffré dans la base, jamais comme fichier.</translation>
    </message>
</context>
<context>
    <name>BackupBanner</name>
    <message>
        <source>Back &amp;up now…</source>
        <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
        <source>This store has never been backed up.</source>
        <translation>Ces données n&apos;ont jamais été sauvegardées.</translation>
    </message>
    <message>
        <source>The last backup was on {date}, more than {days} days ago.</source>
        <translation>La dernière sauvegarde date du {date}, il y a plus de {days} jours.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the store</source>
        <translation>Sauvegarder les données</translation>
    </message>
    <message>
        <source>A backup holds every case, encrypted. Keep it away from this computer: on a USB drive in a locked drawer. It is restored into a new folder, never over this store.</source>
        <translation>Une sauvegarde contient tous les dossiers, chiffrés. Gardez-la loin de cet ordinateur : sur une clé USB dans un tiroir fermé à clé. Elle se restaure dans un nouveau dossier, jamais par-dessus ces données.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <source>USB drives found: {drives}</source>
        <translation>Clés USB trouvées : {drives}</translation>
    </message>
    <message>
        <source>No USB drive found: plug one in, then press Choose…</source>
        <translation>Aucune clé USB trouvée : branchez-en une, puis appuyez sur Choisir…</translation>
    </message>
    <message>
        <source>Lock it with the store&apos;s &amp;recovery key:</source>
        <translation>La verrouiller avec la clé de &amp;récupération :</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Lock it with a pass&amp;phrase:</source>
        <translation>La verrouiller avec une &amp;phrase secrète :</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Type the passphrase &amp;again:</source>
        <translation>Saisissez la phrase secrète une &amp;nouvelle fois :</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Sauvegarder</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Dossier de sauvegarde</translation>
    </message>
    <message>
        <source>The two passphrases are not the same: type it again.</source>
        <translation>Les deux phrases secrètes ne sont pas identiques : saisissez-la à nouveau.</translation>
    </message>
</context>
<context>
    <name>CaseDocuments</name>
    <message>
        <source>Closure form</source>
        <translation>Formulaire de clôture</translation>
    </message>
    <message>
        <source>Transfer form</source>
        <translation>Formulaire de transfert</translation>
    </message>
    <message>
        <source>Plan for the child</source>
        <translation>Plan pour l&apos;enfant</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Résumé du dossier</translation>
    </message>
    <message>
        <source>Conference minutes</source>
        <translation>Procès-verbal de conférence</translation>
    </message>
    <message>
        <source>Registration and consent</source>
        <translation>Enregistrement et consentement</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Évaluations</translation>
    </message>
    <message>
        <source>Case plan</source>
        <translation>Plan de prise en charge</translation>
    </message>
    <message>
        <source>Services and referrals</source>
        <translation>Services et orientations</translation>
    </message>
    <message>
        <source>Follow-up visits and reviews</source>
        <translation>Visites de suivi et révisions</translation>
    </message>
    <message>
        <source>Decisions and stage changes</source>
        <translation>Décisions et changements d&apos;étape</translation>
    </message>
    <message>
        <source>Closure and transfer</source>
        <translation>Clôture et transfert</translation>
    </message>
    <message>
        <source>Other forms</source>
        <translation>Autres formulaires</translation>
    </message>
    <message>
        <source>Attached documents</source>
        <translation>Documents joints</translation>
    </message>
    <message>
        <source>Reintegration agreement</source>
        <translation>Accord de réintégration</translation>
    </message>
    <message>
        <source>Contact notes</source>
        <translation>Notes de contact</translation>
    </message>
    <message>
        <source>Print the &amp;closure form…</source>
        <translation>Imprimer le formulaire de &amp;clôture…</translation>
    </message>
    <message>
        <source>Print the &amp;transfer form…</source>
        <translation>Imprimer le formulaire de &amp;transfert…</translation>
    </message>
    <message>
        <source>Print the &amp;plan for the child…</source>
        <translation>Imprimer le &amp;plan pour l&apos;enfant…</translation>
    </message>
    <message>
        <source>Print a case &amp;summary…</source>
        <translation>Imprimer un &amp;résumé du dossier…</translation>
    </message>
    <message>
        <source>Print the &amp;reintegration agreement…</source>
        <translation>Imprimer l&apos;accord de &amp;réintégration…</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} Mo</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} Ko</translation>
    </message>
</context>
<context>
    <name>CaseFileWidget</name>
    <message>
        <source>Risk: {level}</source>
        <translation>Risque : {level}</translation>
    </message>
    <message>
        <source>Risk: not assessed yet</source>
        <translation>Risque : pas encore évalué</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>N° de cas</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <source>Next: {action}, due {date}</source>
        <translation>Prochaine action : {action}, à faire d&apos;ici le {date}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>&amp;Forms</source>
        <translation>&amp;Formulaires</translation>
    </message>
    <message>
        <source>Reintegration</source>
        <translation>Réintégration</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>Chronolo&amp;gie</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>Co&amp;nferences</source>
        <translation>Co&amp;nférences</translation>
    </message>
    <message>
        <source>From other a&amp;gencies</source>
        <translation>D&apos;a&amp;utres organismes</translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation>Not&amp;es</translation>
    </message>
    <message>
        <source>P&amp;lacements</source>
        <translation>P&amp;lacements</translation>
    </message>
    <message>
        <source>Attach&amp;ments</source>
        <translation>Pièces &amp;jointes</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <source>&amp;Return with a comment…</source>
        <translation>Ren&amp;voyer avec un commentaire…</translation>
    </message>
    <message>
        <source>Move &amp;back…</source>
        <translation>Ra&amp;mener en arrière…</translation>
    </message>
    <message>
        <source>Move the reintegration bac&amp;k…</source>
        <translation>Ramener la réin&amp;tégration en arrière…</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>R&amp;ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Send to the new agency…</source>
        <translation>&amp;Envoyer au nouvel organisme…</translation>
    </message>
    <message>
        <source>Re&amp;ferral package…</source>
        <translation>Pa&amp;quet d&apos;orientation…</translation>
    </message>
    <message>
        <source>Pr&amp;int</source>
        <translation>&amp;Imprimer</translation>
    </message>
    <message>
        <source>Waiting for the supervisor&apos;s approval of {what} (asked by {who}, {when}).</source>
        <translation>En attente de l&apos;approbation du superviseur pour {what} (demandée par {who}, le {when}).</translation>
    </message>
    <message>
        <source>{who} returned {what}: “{comment}”</source>
        <translation>{who} a renvoyé {what} : « {comment} »</translation>
    </message>
    <message>
        <source>The closure form is printed once the closure is authorised.</source>
        <translation>Le formulaire de clôture s&apos;imprime une fois la clôture autorisée.</translation>
    </message>
    <message>
        <source>The transfer form is printed once the supervisor approves the transfer.</source>
        <translation>Le formulaire de transfert s&apos;imprime une fois le transfert approuvé par le superviseur.</translation>
    </message>
    <message>
        <source>The case has no case plan yet.</source>
        <translation>Le dossier n&apos;a pas encore de plan de prise en charge.</translation>
    </message>
    <message>
        <source>The reintegration agreement is printed once the supervisor approves the placement decision.</source>
        <translation>L&apos;accord de réintégration s&apos;imprime une fois la décision de placement approuvée par le superviseur.</translation>
    </message>
    <message>
        <source>{stage} (waiting for the supervisor)</source>
        <translation>{stage} (en attente du superviseur)</translation>
    </message>
    <message>
        <source>{stage} (returned)</source>
        <translation>{stage} (renvoyée)</translation>
    </message>
    <message>
        <source>{stage} (approved)</source>
        <translation>{stage} (approuvée)</translation>
    </message>
    <message>
        <source>{stage} (family not found)</source>
        <translation>{stage} (famille non retrouvée)</translation>
    </message>
    <message>
        <source>{stage} (placement {state})</source>
        <translation>{stage} (placement {state})</translation>
    </message>
    <message>
        <source>fragile</source>
        <translation>fragile</translation>
    </message>
    <message>
        <source>broken down</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>Move the case back</source>
        <translation>Ramener le cas à une étape antérieure</translation>
    </message>
    <message>
        <source>Why does the case go back? The reason is kept in its timeline.</source>
        <translation>Pourquoi le cas revient-il en arrière ? Le motif est conservé dans sa chronologie.</translation>
    </message>
    <message>
        <source>Return {what}</source>
        <translation>Renvoyer {what}</translation>
    </message>
    <message>
        <source>What needs to change? The caseworker reads your comment.</source>
        <translation>Que faut-il modifier ? Le gestionnaire de cas lira votre commentaire.</translation>
    </message>
    <message>
        <source>Move the reintegration back</source>
        <translation>Ramener la réintégration à une étape antérieure</translation>
    </message>
    <message>
        <source>Why does the reintegration go back? The reason is kept in the timeline; the step is done again from there.</source>
        <translation>Pourquoi la réintégration revient-elle en arrière ? Le motif est conservé dans la chronologie ; l&apos;étape est refaite à partir de là.</translation>
    </message>
    <message>
        <source>Reopen the case</source>
        <translation>Rouvrir le cas</translation>
    </message>
    <message>
        <source>Why is the case reopened? Its history is kept; the reason is added to it.</source>
        <translation>Pourquoi rouvrir le cas ? Son historique est conservé ; le motif y est ajouté.</translation>
    </message>
    <message>
        <source>Version of the form shown</source>
        <translation>Version du formulaire affichée</translation>
    </message>
    <message>
        <source>none recorded yet</source>
        <translation>aucune fiche pour l&apos;instant</translation>
    </message>
    <message>
        <source>version {n}, {date}</source>
        <translation>version {n}, {date}</translation>
    </message>
    <message>
        <source>not filled in yet</source>
        <translation>pas encore rempli</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>Version {n}: {date}, {who}</source>
        <translation>Version {n} : {date}, {who}</translation>
    </message>
    <message>
        <source>&amp;Continue the new one</source>
        <translation>&amp;Continuer la nouvelle fiche</translation>
    </message>
    <message>
        <source>&amp;Add a new one</source>
        <translation>A&amp;jouter une nouvelle fiche</translation>
    </message>
    <message>
        <source>Draft kept {when}</source>
        <translation>Brouillon conservé le {when}</translation>
    </message>
    <message>
        <source>&amp;Continue the draft</source>
        <translation>&amp;Continuer le brouillon</translation>
    </message>
    <message>
        <source>&amp;New version</source>
        <translation>&amp;Nouvelle version</translation>
    </message>
    <message>
        <source>&amp;Fill in</source>
        <translation>&amp;Remplir</translation>
    </message>
    <message>
        <source>This form has not been filled in for this case yet.</source>
        <translation>Ce formulaire n&apos;a pas encore été rempli pour ce cas.</translation>
    </message>
    <message>
        <source>Changed in this version (highlighted): {fields}</source>
        <translation>Questions modifiées dans cette version (surlignées) : {fields}</translation>
    </message>
    <message>
        <source>The work on the case: stages, forms saved, risk levels, decisions and plan actions. Who opened or printed the file is under History.</source>
        <translation>Le travail sur le cas : étapes, formulaires enregistrés, niveaux de risque, décisions et actions du plan. Qui a ouvert ou imprimé le dossier figure sous Historique.</translation>
    </message>
    <message>
        <source>Saved {form} (version {n})</source>
        <translation>A enregistré « {form} » (version {n})</translation>
    </message>
    <message>
        <source>Saved {form}</source>
        <translation>A enregistré « {form} »</translation>
    </message>
    <message>
        <source>Risk level {before} → {after} ({form})</source>
        <translation>Niveau de risque {before} → {after} ({form})</translation>
    </message>
    <message>
        <source>Risk level {after} ({form})</source>
        <translation>Niveau de risque {after} ({form})</translation>
    </message>
    <message>
        <source>Moved the reintegration back to {step}: “{text}”</source>
        <translation>A ramené la réintégration à l&apos;étape « {step} » : « {text} »</translation>
    </message>
    <message>
        <source>Asked the supervisor to approve {what}</source>
        <translation>A demandé au superviseur d&apos;approuver {what}</translation>
    </message>
    <message>
        <source>Approved {what}</source>
        <translation>A approuvé {what}</translation>
    </message>
    <message>
        <source>Returned {what}: “{text}”</source>
        <translation>A renvoyé {what} : « {text} »</translation>
    </message>
    <message>
        <source>The case moved on to: {stage}</source>
        <translation>Le cas est passé à l&apos;étape : {stage}</translation>
    </message>
    <message>
        <source>The case went back to: {stage}</source>
        <translation>Le cas est revenu à l&apos;étape : {stage}</translation>
    </message>
    <message>
        <source>Moved the case back to {stage}: “{text}”</source>
        <translation>A ramené le cas à l&apos;étape {stage} : « {text} »</translation>
    </message>
    <message>
        <source>Reopened the case: “{text}”</source>
        <translation>A rouvert le cas : « {text} »</translation>
    </message>
    <message>
        <source>Transferred the case</source>
        <translation>A transféré le cas</translation>
    </message>
    <message>
        <source>Marked a plan action “{status}”: {text}</source>
        <translation>A mis le statut d&apos;une action du plan à « {status} » : {text}</translation>
    </message>
    <message>
        <source>Gave the case to {to}: “{text}”</source>
        <translation>A confié le dossier à {to} : « {text} »</translation>
    </message>
    <message>
        <source>Gave the case of {previous} to {to}: “{text}”</source>
        <translation>A confié le dossier de {previous} à {to} : « {text} »</translation>
    </message>
    <message>
        <source>Everything done with this file, as the audit log keeps it: who viewed, changed, printed or sent it, and when. The work itself is under Timeline.</source>
        <translation>Tout ce qui a été fait avec ce dossier, tel que le journal d&apos;audit le conserve : qui l&apos;a consulté, modifié, imprimé ou envoyé, et quand. Le travail lui-même figure sous Chronologie.</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>1 recorded</source>
        <translation>1 fiche enregistrée</translation>
    </message>
    <message>
        <source>{n} recorded</source>
        <translation>{n} fiches enregistrées</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>How we know it is done</source>
        <translation>Comment nous saurons que c&apos;est fait</translation>
    </message>
    <message>
        <source>&amp;Set the status</source>
        <translation>Changer le &amp;statut</translation>
    </message>
    <message>
        <source>Selected action:</source>
        <translation>Action sélectionnée :</translation>
    </message>
    <message>
        <source>&amp;New version of the plan</source>
        <translation>&amp;Nouvelle version du plan</translation>
    </message>
    <message>
        <source>&amp;Make the case plan</source>
        <translation>É&amp;laborer le plan de prise en charge</translation>
    </message>
    <message>
        <source>There is no case plan yet. It is made with the child and family, within two weeks of the assessment.</source>
        <translation>Il n&apos;y a pas encore de plan de prise en charge. Il s&apos;établit avec l&apos;enfant et la famille, dans les deux semaines qui suivent l&apos;évaluation.</translation>
    </message>
    <message>
        <source>Case plan, version {n}</source>
        <translation>Plan de prise en charge, version {n}</translation>
    </message>
    <message>
        <source>Permanency goal:</source>
        <translation>Objectif de permanence :</translation>
    </message>
    <message>
        <source>Next review by:</source>
        <translation>Prochaine révision au plus tard le :</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
</context>
<context>
    <name>CaseFlow</name>
    <message>
        <source>Approved: {what} of case {number} ({child}).</source>
        <translation>Approuvé : {what} du cas {number} ({child}).</translation>
    </message>
    <message>
        <source>Returned to the caseworker: {what} of case {number} ({child}).</source>
        <translation>Renvoyé au gestionnaire de cas : {what} du cas {number} ({child}).</translation>
    </message>
    <message>
        <source>Saving your decision…</source>
        <translation>Enregistrement de votre décision…</translation>
    </message>
    <message>
        <source>{n} cases are now held by {name}.</source>
        <translation>{n} dossiers sont maintenant suivis par {name}.</translation>
    </message>
    <message>
        <source>1 case is now held by {name}.</source>
        <translation>1 dossier est maintenant suivi par {name}.</translation>
    </message>
    <message>
        <source>Reassigning…</source>
        <translation>Réattribution…</translation>
    </message>
    <message>
        <source>New case: register a child</source>
        <translation>Nouveau cas : enregistrer un enfant</translation>
    </message>
    <message>
        <source>&amp;Register the child</source>
        <translation>&amp;Enregistrer l&apos;enfant</translation>
    </message>
    <message>
        <source>{form}: {child}</source>
        <translation>{form} : {child}</translation>
    </message>
    <message>
        <source>new version</source>
        <translation>nouvelle version</translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <source>Search by name, case number or place – just type</source>
        <translation>Recherche par nom, numéro de cas ou lieu – tapez simplement</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>Mes cas</translation>
    </message>
    <message>
        <source>My team&apos;s cases</source>
        <translation>Cas de mon équipe</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Tous les cas</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Toutes les étapes</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Tout niveau de risque</translation>
    </message>
    <message>
        <source>Any placement</source>
        <translation>Tout placement</translation>
    </message>
    <message>
        <source>At {facility}</source>
        <translation>À {facility}</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>&amp;En retard uniquement</translation>
    </message>
    <message>
        <source>&amp;Reassign…</source>
        <translation>&amp;Réattribuer…</translation>
    </message>
    <message>
        <source>Give the selected cases to another worker (choose several with Shift or Ctrl)</source>
        <translation>Confier les dossiers choisis à un autre travailleur (plusieurs avec Maj ou Ctrl)</translation>
    </message>
    <message>
        <source>Search the cases</source>
        <translation>Rechercher dans les cas</translation>
    </message>
    <message>
        <source>Whose cases</source>
        <translation>Cas de qui</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>Administrators manage accounts and settings; they do not read case files. Sign in as a caseworker, supervisor or manager to see cases.</source>
        <translation>Les administrateurs gèrent les comptes et les paramètres ; ils ne consultent pas les dossiers. Connectez-vous en tant que gestionnaire de cas, superviseur ou responsable pour voir les cas.</translation>
    </message>
    <message>
        <source>No case matches. Check the spelling, or clear the filters.</source>
        <translation>Aucun cas ne correspond. Vérifiez l&apos;orthographe ou retirez les filtres.</translation>
    </message>
    <message>
        <source>No cases yet. Register a child with “New case”.</source>
        <translation>Aucun cas pour l&apos;instant. Enregistrez un enfant avec « Nouveau cas ».</translation>
    </message>
    <message>
        <source>1 case shown</source>
        <translation>1 cas affiché</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>{n} cases shown</source>
        <translation>{n} cas affichés</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case number</source>
        <translation>N° de cas</translation>
    </message>
    <message>
        <source>Child&apos;s name</source>
        <translation>Nom de l&apos;enfant</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Prochaine action</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Non évalué</translation>
    </message>
    <message>
        <source>{action} – overdue since {date}</source>
        <translation>{action} – en retard depuis le {date}</translation>
    </message>
    <message>
        <source>{action} by {date}</source>
        <translation>{action} d&apos;ici le {date}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose your own password</source>
        <translation>Choisissez votre propre mot de passe</translation>
    </message>
    <message>
        <source>Your administrator gave you a temporary password. Choose your own now: at least 10 characters; a short sentence is easy to remember and hard to guess.</source>
        <translation>Votre administrateur vous a donné un mot de passe temporaire. Choisissez maintenant le vôtre : au moins 10 caractères ; une courte phrase est facile à retenir et difficile à deviner.</translation>
    </message>
    <message>
        <source>&amp;Temporary password</source>
        <translation>Mot de passe &amp;temporaire</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Robustesse</translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation>&amp;Retapez le nouveau mot de passe</translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation>&amp;Enregistrer le mot de passe</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Les deux nouveaux mots de passe sont différents.</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
</context>
<context>
    <name>ConferenceFlow</name>
    <message>
        <source>Cancel the case conference</source>
        <translation>Annuler la conférence de cas</translation>
    </message>
    <message>
        <source>Why is the conference cancelled? The reason is kept with it.</source>
        <translation>Pourquoi la conférence est-elle annulée ? Le motif est conservé avec elle.</translation>
    </message>
    <message>
        <source>Correct the minutes</source>
        <translation>Corriger le procès-verbal</translation>
    </message>
    <message>
        <source>What is corrected, and why? The minutes stay as they were finalised; the correction is a new version that keeps your reason.</source>
        <translation>Que corrigez-vous, et pourquoi ? Le procès-verbal finalisé est conservé tel quel ; la correction est une nouvelle version qui garde votre motif.</translation>
    </message>
    <message>
        <source>Minutes of case conference {number}: {child}</source>
        <translation>Procès-verbal de la conférence de cas {number} : {child}</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>correction</translation>
    </message>
    <message>
        <source>&amp;Finalise the minutes</source>
        <translation>&amp;Finaliser le procès-verbal</translation>
    </message>
</context>
<context>
    <name>Conferences</name>
    <message>
        <source>Introductions and confidentiality reminder</source>
        <translation>Présentations et rappel de la confidentialité</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Résumé du dossier</translation>
    </message>
    <message>
        <source>The child&apos;s views</source>
        <translation>L&apos;avis de l&apos;enfant</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Action points</source>
        <translation>Actions à mener</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Prochaine réunion</translation>
    </message>
    <message>
        <source>Case {number}, registered on {date}. Stage: {stage}. Risk: {risk}.</source>
        <translation>Cas {number}, enregistré le {date}. Étape : {stage}. Risque : {risk}.</translation>
    </message>
    <message>
        <source>not assessed yet</source>
        <translation>pas encore évalué</translation>
    </message>
    <message>
        <source>Goals of the plan:</source>
        <translation>Objectifs du plan :</translation>
    </message>
    <message>
        <source>Overdue actions of the plan:</source>
        <translation>Actions du plan en retard :</translation>
    </message>
    <message>
        <source>{action} (due {date}, {status})</source>
        <translation>{action} (échéance le {date}, {status})</translation>
    </message>
    <message>
        <source>No action of the plan is overdue.</source>
        <translation>Aucune action du plan n&apos;est en retard.</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <source>Agreed at the case conference of {date}</source>
        <translation>Décidé à la conférence de cas du {date}</translation>
    </message>
</context>
<context>
    <name>ConferencesTab</name>
    <message>
        <source>A case conference brings together the people working with the child to build or review the plan, or to take a best interests decision. Its minutes are printed, signed and filed.</source>
        <translation>Une conférence de cas réunit les personnes qui travaillent avec l&apos;enfant pour établir ou réviser le plan, ou pour prendre une décision dans son intérêt supérieur. Son procès-verbal est imprimé, signé et classé.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Chaired by</source>
        <translation>Présidée par</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Procès-verbal</translation>
    </message>
    <message>
        <source>&amp;Schedule a conference…</source>
        <translation>&amp;Programmer une conférence…</translation>
    </message>
    <message>
        <source>&amp;Write the minutes…</source>
        <translation>&amp;Rédiger le procès-verbal…</translation>
    </message>
    <message>
        <source>Print the &amp;minutes…</source>
        <translation>Imprimer le procès-&amp;verbal…</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Déplacer…</translation>
    </message>
    <message>
        <source>&amp;Cancel the conference…</source>
        <translation>&amp;Annuler la conférence…</translation>
    </message>
    <message>
        <source>Action points agreed at the conferences</source>
        <translation>Actions convenues lors des conférences</translation>
    </message>
    <message>
        <source>Conf.</source>
        <translation>Conf.</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>Ce qui sera fait</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Pour le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>Marquer &amp;réalisée</translation>
    </message>
    <message>
        <source>Mark dro&amp;pped</source>
        <translation>Marquer a&amp;bandonnée</translation>
    </message>
    <message>
        <source>Corrected: {reason}</source>
        <translation>Corrigé : {reason}</translation>
    </message>
    <message>
        <source>In the case plan</source>
        <translation>Dans le plan de prise en charge</translation>
    </message>
    <message>
        <source>Our agency</source>
        <translation>Notre organisme</translation>
    </message>
    <message>
        <source>Cancelled: {reason}</source>
        <translation>Annulée : {reason}</translation>
    </message>
    <message>
        <source>To write</source>
        <translation>À rédiger</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <source>Finalised, version {version}, by {who} on {date}</source>
        <translation>Finalisé, version {version}, par {who} le {date}</translation>
    </message>
    <message>
        <source>&amp;Correct the minutes…</source>
        <translation>&amp;Corriger le procès-verbal…</translation>
    </message>
    <message>
        <source>The minutes are printed once they are finalised.</source>
        <translation>Le procès-verbal s&apos;imprime une fois finalisé.</translation>
    </message>
    <message>
        <source>Our action points are followed in the case plan (Plan tab).</source>
        <translation>Nos actions sont suivies dans le plan de prise en charge (onglet Plan).</translation>
    </message>
</context>
<context>
    <name>ConsentCheck</name>
    <message>
        <source>a referral to a service provider</source>
        <translation>une orientation vers un prestataire</translation>
    </message>
    <message>
        <source>a case conference</source>
        <translation>une conférence de cas</translation>
    </message>
    <message>
        <source>a transfer to another agency</source>
        <translation>un transfert vers un autre organisme</translation>
    </message>
    <message>
        <source>sending a package to another agency</source>
        <translation>l&apos;envoi d&apos;un paquet à un autre organisme</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>d&apos;accord</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>pas sollicité</translation>
    </message>
</context>
<context>
    <name>ConsentCheckDialog</name>
    <message>
        <source>Check the consent first</source>
        <translation>Vérifier d&apos;abord le consentement</translation>
    </message>
    <message>
        <source>This step shares information about the child: {step}. Check with the child and family that their consent still stands.</source>
        <translation>Cette étape partage des informations sur l&apos;enfant : {step}. Vérifiez avec l&apos;enfant et la famille que leur consentement tient toujours.</translation>
    </message>
    <message>
        <source>&amp;Record it again…</source>
        <translation>&amp;Le recueillir à nouveau…</translation>
    </message>
    <message>
        <source>It is &amp;still valid: go on</source>
        <translation>Il est &amp;toujours valable : continuer</translation>
    </message>
    <message>
        <source>No consent form has been recorded for this case.</source>
        <translation>Aucun formulaire de consentement n&apos;a été enregistré pour ce dossier.</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Donné le</translation>
    </message>
    <message>
        <source>Caregiver, to sharing</source>
        <translation>Parent ou tuteur, au partage</translation>
    </message>
    <message>
        <source>Child, to sharing</source>
        <translation>Enfant, au partage</translation>
    </message>
    <message>
        <source>Organisations named</source>
        <translation>Organismes nommés</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>{who}, version {n}</source>
        <translation>{who}, version {n}</translation>
    </message>
    <message>
        <source>This consent is more than {months} months old (the agency&apos;s rule): record it again with the family before going on.</source>
        <translation>Ce consentement a plus de {months} mois (la règle de l&apos;organisme) : recueillez-le à nouveau avec la famille avant de continuer.</translation>
    </message>
    <message>
        <source>The child turned 18 on {date}, after this consent was given: as an adult they now decide. Record their consent before going on.</source>
        <translation>L&apos;enfant a eu 18 ans le {date}, après ce consentement : majeur, il décide désormais lui-même. Recueillez son consentement avant de continuer.</translation>
    </message>
    <message>
        <source>Record the consent before information is shared.</source>
        <translation>Recueillez le consentement avant de partager des informations.</translation>
    </message>
</context>
<context>
    <name>ConsentField</name>
    <message>
        <source>Name of the person</source>
        <translation>Nom de la personne</translation>
    </message>
    <message>
        <source>Spoken</source>
        <translation>Oralement</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Par signature</translation>
    </message>
    <message>
        <source>Thumbprint</source>
        <translation>Par empreinte digitale</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>ContactNotes</name>
    <message>
        <source>Phone call</source>
        <translation>Appel téléphonique</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Visite à domicile</translation>
    </message>
    <message>
        <source>Visit to the office</source>
        <translation>Visite au bureau</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Message or letter</source>
        <translation>Message ou lettre</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Preparing the demo store with made-up children…</source>
        <translation>Préparation du coffre de démonstration avec des enfants fictifs…</translation>
    </message>
</context>
<context>
    <name>DashboardFlow</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>Which month, quarter or year</source>
        <translation>Quel mois, trimestre ou année</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Période</translation>
    </message>
    <message>
        <source>&amp;Whose cases</source>
        <translation>&amp;Quels dossiers</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>&amp;Monthly return…</source>
        <translation>Rapport &amp;mensuel…</translation>
    </message>
    <message>
        <source>E&amp;xport for M&amp;&amp;E…</source>
        <translation>E&amp;xport pour le S&amp;&amp;E…</translation>
    </message>
    <message>
        <source>Overdue work by kind</source>
        <translation>Travail en retard, par type</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>{period}; the lines show the last 12 periods.</source>
        <translation>{period} ; les courbes montrent les 12 dernières périodes.</translation>
    </message>
    <message>
        <source>Caseload per caseworker, weighted by risk (high {high}, medium {medium}, low {low}); the band is 15 to 30</source>
        <translation>Charge de travail par gestionnaire de cas, pondérée par le risque (élevé {high}, moyen {medium}, faible {low}) ; la fourchette est de 15 à 30</translation>
    </message>
    <message>
        <source>The monthly return is saved: {path}</source>
        <translation>Le rapport mensuel est enregistré : {path}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Estimated, from the age in years:</source>
        <translation>Date estimée d&apos;après l&apos;âge en années :</translation>
    </message>
    <message>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <source>Age in years</source>
        <translation>Âge en années</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Choose on a calendar</source>
        <translation>Choisir dans un calendrier</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>décembre</translation>
    </message>
    <message>
        <source>1 {month} {year}</source>
        <translation>1er {month} {year}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} {month} {year}</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <source>Deactivate account</source>
        <translation>Désactiver le compte</translation>
    </message>
    <message>
        <source>{person} still holds {n} cases. Choose who takes them: their open tasks go with them. Then the account is deactivated: the password stops working at once, the name stays in the case history.</source>
        <translation>{person} suit encore {n} dossiers. Choisissez qui les reprend : leurs tâches ouvertes suivent. Ensuite le compte est désactivé : le mot de passe cesse aussitôt de fonctionner, le nom reste dans l&apos;historique des dossiers.</translation>
    </message>
    <message>
        <source>e.g. Cara left the agency in March</source>
        <translation>p. ex. Cara a quitté l&apos;organisme en mars</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>&amp;Pourquoi</translation>
    </message>
    <message>
        <source>Hand over and &amp;deactivate</source>
        <translation>Confier et &amp;désactiver</translation>
    </message>
    <message>
        <source>Say why the cases change hands: the reason is kept in their history.</source>
        <translation>Dites pourquoi les dossiers changent de mains : la raison est gardée dans leur historique.</translation>
    </message>
    <message>
        <source>{name} can no longer sign in; their {n} cases have new caseworkers.</source>
        <translation>{name} ne peut plus se connecter ; ses {n} dossiers ont de nouveaux travailleurs sociaux.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve {what}?</source>
        <translation>Approuver {what} ?</translation>
    </message>
    <message>
        <source>Return {what}?</source>
        <translation>Renvoyer {what} ?</translation>
    </message>
    <message>
        <source>Case {number}: {child}</source>
        <translation>Cas {number} : {child}</translation>
    </message>
    <message>
        <source>To decide: {what}, asked by {who} on {when}.</source>
        <translation>À décider : {what}, demandé par {who} le {when}.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <source>The caseworker sees your approval, and the case moves on.</source>
        <translation>Le gestionnaire de cas voit votre approbation, et le cas avance.</translation>
    </message>
    <message>
        <source>&amp;Return to the caseworker</source>
        <translation>&amp;Renvoyer au gestionnaire de cas</translation>
    </message>
    <message>
        <source>What needs to change? The caseworker reads your comment (Ctrl+Enter returns the request).</source>
        <translation>Que faut-il modifier ? Le gestionnaire de cas lira votre commentaire (Ctrl+Entrée renvoie la demande).</translation>
    </message>
</context>
<context>
    <name>DeidentifiedExportDialog</name>
    <message>
        <source>De-identified case list for M&amp;E</source>
        <translation>Liste des dossiers anonymisée pour le S&amp;E</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>Ce que contient le fichier</translation>
    </message>
    <message>
        <source>What it never holds</source>
        <translation>Ce qu’il ne contient jamais</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>&amp;Suppress small cells: a value fewer than {k} cases share</source>
        <translation>&amp;Masquer les petits effectifs : une valeur partagée par moins de {k} dossiers</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, for any program (.csv)</source>
        <translation>CSV, pour tout logiciel (.csv)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Save the de-identified case list</source>
        <translation>Enregistrer la liste des dossiers anonymisée</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Fichier CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Écriture du fichier…</translation>
    </message>
    <message>
        <source>Saved {file}: {n} rows, one per case. The file is not encrypted: keep it only as long as the work needs it.</source>
        <translation>{file} enregistré : {n} lignes, une par dossier. Le fichier n’est pas chiffré : ne le gardez que le temps du travail.</translation>
    </message>
</context>
<context>
    <name>DocumentFlow</name>
    <message>
        <source>Transfer form from the other agency</source>
        <translation>Fiche de transfert de l&apos;autre organisme</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>A saved PDF is not encrypted: keep it only on a computer or USB stick that nobody else uses, and delete it once it is printed.</source>
        <translation>Un PDF enregistré n&apos;est pas chiffré&#xa0;: gardez-le seulement sur un ordinateur ou une clé USB que personne d&apos;autre n&apos;utilise, et supprimez-le une fois imprimé.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>No printer is installed on this computer. Ask for one to be installed, or use Save as PDF (the file is not encrypted) and print it from a USB stick.</source>
        <translation>Aucune imprimante n&apos;est installée sur cet ordinateur. Demandez qu&apos;on en installe une, ou utilisez Enregistrer en PDF (le fichier n&apos;est pas chiffré) et imprimez-le depuis une clé USB.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, then try again.</source>
        <translation>L&apos;imprimante n&apos;a pas pu démarrer. Vérifiez qu&apos;elle est allumée et branchée, puis réessayez.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>The saved PDF will NOT be encrypted: anyone who gets the file can read it.

Save it anyway?</source>
        <translation>Le PDF enregistré ne sera PAS chiffré&#xa0;: toute personne qui obtient le fichier peut le lire.

L&apos;enregistrer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The disk is full: the PDF was not saved. Free some space or choose another place.</source>
        <translation>Le disque est plein&#xa0;: le PDF n&apos;a pas été enregistré. Libérez de la place ou choisissez un autre endroit.</translation>
    </message>
    <message>
        <source>Ulinzi may not write in that folder: choose another place.</source>
        <translation>Ulinzi ne peut pas écrire dans ce dossier&#xa0;: choisissez un autre endroit.</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {reason}</source>
        <translation>Le PDF n&apos;a pas pu être enregistré&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>{kind}: approval asked</source>
        <translation>{kind} : accord demandé</translation>
    </message>
    <message>
        <source>{kind}: approved</source>
        <translation>{kind} : approuvé</translation>
    </message>
    <message>
        <source>{kind}: returned – {comment}</source>
        <translation>{kind} : renvoyé – {comment}</translation>
    </message>
    <message>
        <source>Moved back to “{stage}” – {reason}</source>
        <translation>Revenu à l&apos;étape « {stage} » – {reason}</translation>
    </message>
    <message>
        <source>Reopened – {reason}</source>
        <translation>Rouvert – {reason}</translation>
    </message>
    <message>
        <source>{who}, {how}, on {date}</source>
        <translation>{who}, {how}, le {date}</translation>
    </message>
    <message>
        <source>spoken</source>
        <translation>oral</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signé</translation>
    </message>
    <message>
        <source>thumbprint</source>
        <translation>empreinte</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Printed on {date}</source>
        <translation>Imprimé le {date}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
    <message>
        <source>CONFIDENTIAL</source>
        <translation>CONFIDENTIEL</translation>
    </message>
    <message>
        <source>Keep locked away. Do not copy or send.</source>
        <translation>À garder sous clé. Ne pas copier ni envoyer.</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Code de vérification</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DÉMO</translation>
    </message>
    <message>
        <source>Demo store with made-up children: this is not a real document.</source>
        <translation>Base de démonstration aux enfants inventés&#xa0;: ce n&apos;est pas un vrai document.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>:</source>
        <translation>&#xa0;:</translation>
    </message>
    <message>
        <source>Thumbprint</source>
        <translation>Empreinte du pouce</translation>
    </message>
    <message>
        <source>{date} (estimated)</source>
        <translation>{date} (estimée)</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>The child</source>
        <translation>L&apos;enfant</translation>
    </message>
    <message>
        <source>Parent or caregiver</source>
        <translation>Parent ou tuteur</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Travailleur social</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>The child and the case</source>
        <translation>L&apos;enfant et le dossier</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Numéro du dossier</translation>
    </message>
    <message>
        <source>Child&apos;s name</source>
        <translation>Nom de l&apos;enfant</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Lives in</source>
        <translation>Vit à</translation>
    </message>
    <message>
        <source>Parents or caregivers</source>
        <translation>Parents ou personnes qui s&apos;occupent de l&apos;enfant</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Enregistré le</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Case closure form</source>
        <translation>Formulaire de clôture du dossier</translation>
    </message>
    <message>
        <source>Placement decision</source>
        <translation>Décision de placement</translation>
    </message>
    <message>
        <source>Case conference minutes</source>
        <translation>Procès-verbal de conférence de cas</translation>
    </message>
    <message>
        <source>Record of the decision to close the case, for signature</source>
        <translation>Trace de la décision de clôturer le dossier, à signer</translation>
    </message>
    <message>
        <source>The closure</source>
        <translation>La clôture</translation>
    </message>
    <message>
        <source>Closure requested on</source>
        <translation>Clôture demandée le</translation>
    </message>
    <message>
        <source>Case closed on</source>
        <translation>Dossier clôturé le</translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation>Motif de la clôture</translation>
    </message>
    <message>
        <source>About the reason</source>
        <translation>À propos du motif</translation>
    </message>
    <message>
        <source>Plan for after 18</source>
        <translation>Plan pour après 18 ans</translation>
    </message>
    <message>
        <source>Goals and outcomes</source>
        <translation>Objectifs et résultats</translation>
    </message>
    <message>
        <source>Summary of the goals and outcomes</source>
        <translation>Résumé des objectifs et des résultats</translation>
    </message>
    <message>
        <source>Goals of the plan met</source>
        <translation>Objectifs du plan atteints</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Actions done</source>
        <translation>Actions réalisées</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <source>The case had no case plan.</source>
        <translation>Le dossier n&apos;avait pas de plan de prise en charge.</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <source>Risk at registration (initial assessment)</source>
        <translation>Risque à l&apos;enregistrement (évaluation initiale)</translation>
    </message>
    <message>
        <source>Risk at closure</source>
        <translation>Risque à la clôture</translation>
    </message>
    <message>
        <source>The child&apos;s and the family&apos;s views</source>
        <translation>L&apos;avis de l&apos;enfant et de la famille</translation>
    </message>
    <message>
        <source>Closure decided with the child and the family</source>
        <translation>Clôture décidée avec l&apos;enfant et la famille</translation>
    </message>
    <message>
        <source>The child&apos;s views, in their words</source>
        <translation>L&apos;avis de l&apos;enfant, avec ses mots</translation>
    </message>
    <message>
        <source>The family&apos;s views</source>
        <translation>L&apos;avis de la famille</translation>
    </message>
    <message>
        <source>After closure</source>
        <translation>Après la clôture</translation>
    </message>
    <message>
        <source>Visit after closure planned on</source>
        <translation>Visite après la clôture prévue le</translation>
    </message>
    <message>
        <source>A caseworker visits within three months of the closure to check that the child is still safe. The case can be reopened at any time if the child needs help again.</source>
        <translation>Un travailleur social rend visite dans les trois mois suivant la clôture pour vérifier que l&apos;enfant est toujours en sécurité. Le dossier peut être rouvert à tout moment si l&apos;enfant a de nouveau besoin d&apos;aide.</translation>
    </message>
    <message>
        <source>Supervisor&apos;s authorisation</source>
        <translation>Autorisation du superviseur</translation>
    </message>
    <message>
        <source>Closure authorised by</source>
        <translation>Clôture autorisée par</translation>
    </message>
    <message>
        <source>Authorised on</source>
        <translation>Autorisée le</translation>
    </message>
    <message>
        <source>Not authorised yet</source>
        <translation>Pas encore autorisée</translation>
    </message>
    <message>
        <source>Case transfer form</source>
        <translation>Formulaire de transfert du dossier</translation>
    </message>
    <message>
        <source>Responsibility for the case moves to another agency</source>
        <translation>La responsabilité du dossier passe à un autre organisme</translation>
    </message>
    <message>
        <source>From and to</source>
        <translation>De et vers</translation>
    </message>
    <message>
        <source>Agency transferring the case</source>
        <translation>Organisme qui transfère le dossier</translation>
    </message>
    <message>
        <source>Agency receiving the case</source>
        <translation>Organisme qui reprend le dossier</translation>
    </message>
    <message>
        <source>Contact at the receiving agency</source>
        <translation>Contact dans l&apos;organisme qui reprend le dossier</translation>
    </message>
    <message>
        <source>Reason for the transfer</source>
        <translation>Motif du transfert</translation>
    </message>
    <message>
        <source>Why the transfer is necessary</source>
        <translation>Pourquoi le transfert est nécessaire</translation>
    </message>
    <message>
        <source>Case reviewed before the request</source>
        <translation>Dossier réexaminé avant la demande</translation>
    </message>
    <message>
        <source>Consent to share information</source>
        <translation>Consentement au partage d&apos;informations</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Sharing information</source>
        <translation>Partage d&apos;informations</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Organisations named in the consent</source>
        <translation>Organismes nommés dans le consentement</translation>
    </message>
    <message>
        <source>The consent covers the receiving agency</source>
        <translation>Le consentement couvre l&apos;organisme qui reprend le dossier</translation>
    </message>
    <message>
        <source>No consent form was recorded.</source>
        <translation>Aucun formulaire de consentement n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Summary of the case</source>
        <translation>Résumé du dossier</translation>
    </message>
    <message>
        <source>Protection concerns</source>
        <translation>Préoccupations de protection</translation>
    </message>
    <message>
        <source>Current care arrangement</source>
        <translation>Prise en charge actuelle</translation>
    </message>
    <message>
        <source>Current risk level</source>
        <translation>Niveau de risque actuel</translation>
    </message>
    <message>
        <source>The current case plan</source>
        <translation>Le plan de prise en charge actuel</translation>
    </message>
    <message>
        <source>Permanency goal</source>
        <translation>Objectif de permanence</translation>
    </message>
    <message>
        <source>Open actions of the plan</source>
        <translation>Actions du plan en cours</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Pour le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>No open action.</source>
        <translation>Aucune action en cours.</translation>
    </message>
    <message>
        <source>Services and referrals</source>
        <translation>Services et orientations</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Orienté le</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>No referral.</source>
        <translation>Aucune orientation.</translation>
    </message>
    <message>
        <source>Risks and safety concerns</source>
        <translation>Risques et préoccupations de sécurité</translation>
    </message>
    <message>
        <source>Documents sent with this form</source>
        <translation>Documents envoyés avec ce formulaire</translation>
    </message>
    <message>
        <source>None listed.</source>
        <translation>Aucun document indiqué.</translation>
    </message>
    <message>
        <source>The child was told about the transfer</source>
        <translation>L&apos;enfant a été informé du transfert</translation>
    </message>
    <message>
        <source>The family was told about the transfer</source>
        <translation>La famille a été informée du transfert</translation>
    </message>
    <message>
        <source>Supervisor&apos;s approval</source>
        <translation>Accord du superviseur</translation>
    </message>
    <message>
        <source>Transfer approved by</source>
        <translation>Transfert approuvé par</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Approuvé le</translation>
    </message>
    <message>
        <source>Receipt by the receiving agency</source>
        <translation>Accusé de réception par l&apos;organisme qui reprend le dossier</translation>
    </message>
    <message>
        <source>To be filled in by the receiving agency, and a copy returned to the sending agency.</source>
        <translation>À remplir par l&apos;organisme qui reprend le dossier, et une copie à renvoyer à l&apos;organisme qui l&apos;a transféré.</translation>
    </message>
    <message>
        <source>Received by (name and role)</source>
        <translation>Reçu par (nom et fonction)</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Date de réception</translation>
    </message>
    <message>
        <source>All the documents listed above were received</source>
        <translation>Tous les documents indiqués ci-dessus ont été reçus</translation>
    </message>
    <message>
        <source>For the receiving agency</source>
        <translation>Pour l&apos;organisme qui reprend le dossier</translation>
    </message>
    <message>
        <source>☐ Yes    ☐ No</source>
        <translation>☐ Oui    ☐ Non</translation>
    </message>
    <message>
        <source>My plan</source>
        <translation>Mon plan</translation>
    </message>
    <message>
        <source>This is your plan, {name}. We made it together on {date}.</source>
        <translation>Voici ton plan, {name}. Nous l&apos;avons fait ensemble le {date}.</translation>
    </message>
    <message>
        <source>This is your plan, {name}. We made it together.</source>
        <translation>Voici ton plan, {name}. Nous l&apos;avons fait ensemble.</translation>
    </message>
    <message>
        <source>What we want for you</source>
        <translation>Ce que nous voulons pour toi</translation>
    </message>
    <message>
        <source>What you will do</source>
        <translation>Ce que tu vas faire</translation>
    </message>
    <message>
        <source>Nothing for you to do for now: the grown-ups do their part.</source>
        <translation>Rien à faire pour toi pour le moment&#xa0;: les adultes font leur part.</translation>
    </message>
    <message>
        <source>What others will do to help you</source>
        <translation>Ce que les autres vont faire pour t&apos;aider</translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation>avant le {date}</translation>
    </message>
    <message>
        <source>When we will talk about it again</source>
        <translation>Quand nous en reparlerons</translation>
    </message>
    <message>
        <source>We will look at your plan together again on {date}.</source>
        <translation>Nous regarderons ton plan ensemble à nouveau le {date}.</translation>
    </message>
    <message>
        <source>Who you can talk to</source>
        <translation>À qui tu peux parler</translation>
    </message>
    <message>
        <source>{caseworker} at {agency}. You can ask to talk at any time, and you can say if something in the plan is not right for you.</source>
        <translation>{caseworker}, à {agency}. Tu peux demander à parler à tout moment, et tu peux dire si quelque chose dans le plan ne te convient pas.</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Résumé du dossier</translation>
    </message>
    <message>
        <source>Prepared for {purpose}</source>
        <translation>Préparé pour {purpose}</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Decisions and stage changes</source>
        <translation>Décisions et changements d&apos;étape</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>version {n}</translation>
    </message>
    <message>
        <source>{version}, saved by {who} on {date}</source>
        <translation>{version}, enregistrée par {who} le {date}</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Rien n&apos;est encore enregistré.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>Daté du</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Code de vérification</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Imprimé</translation>
    </message>
    <message>
        <source>{document}, version {n}</source>
        <translation>{document}, version {n}</translation>
    </message>
    <message>
        <source>No signed copy filed yet</source>
        <translation>Aucune copie signée classée pour le moment</translation>
    </message>
    <message>
        <source>Signed copy: {file} ({size})</source>
        <translation>Copie signée&#xa0;: {file} ({size})</translation>
    </message>
    <message>
        <source>filed by {who}, {when}</source>
        <translation>classée par {who}, {when}</translation>
    </message>
    <message>
        <source>Nothing has been printed from this case yet. Print a document from the Print menu above; once it is signed, scan or photograph it and file it here.</source>
        <translation>Rien n&apos;a encore été imprimé pour ce dossier. Imprimez un document depuis le menu Imprimer ci-dessus&#xa0;; une fois signé, scannez-le ou photographiez-le et classez-le ici.</translation>
    </message>
    <message>
        <source>&amp;Attach the signed copy…</source>
        <translation>&amp;Joindre la copie signée…</translation>
    </message>
    <message>
        <source>S&amp;how the signed copy</source>
        <translation>&amp;Afficher la copie signée</translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG, at most 20 MB. The copy is kept encrypted in the store.</source>
        <translation>PDF, JPEG ou PNG, 20 Mo au plus. La copie est conservée chiffrée dans la base.</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when} par {who}</translation>
    </message>
    <message>
        <source>({n} times)</source>
        <translation>({n} fois)</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <source>End the placement</source>
        <translation>Mettre fin au placement</translation>
    </message>
    <message>
        <source>A move to another placement is a new placement decision: it ends this one by itself once approved. End a placement here only when the child leaves it with no new placement (came of age, left on their own…).</source>
        <translation>Un changement de placement est une nouvelle décision de placement : une fois approuvée, elle met fin à celui-ci d&apos;elle-même. Ne mettez fin à un placement ici que si l&apos;enfant le quitte sans nouveau placement (majorité atteinte, départ de lui-même…).</translation>
    </message>
    <message>
        <source>Ended &amp;on:</source>
        <translation>Fin &amp;le :</translation>
    </message>
    <message>
        <source>&amp;Why it ends:</source>
        <translation>&amp;Pourquoi il prend fin :</translation>
    </message>
    <message>
        <source>&amp;End the placement</source>
        <translation>&amp;Mettre fin au placement</translation>
    </message>
    <message>
        <source>Say why the placement ends: it is kept in its history.</source>
        <translation>Dites pourquoi le placement prend fin : c&apos;est gardé dans son historique.</translation>
    </message>
    <message>
        <source>A placement ends between the day it started and today.</source>
        <translation>Un placement prend fin entre le jour où il a commencé et aujourd&apos;hui.</translation>
    </message>
</context>
<context>
    <name>EntryField</name>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>{number}. {text}</source>
        <translation>{number}. {text}</translation>
    </message>
</context>
<context>
    <name>ExchangeFlow</name>
    <message>
        <source>Send a referral package</source>
        <translation>Envoyer un paquet d&apos;orientation</translation>
    </message>
    <message>
        <source>A referral package goes to a partner agency in the address book, and there is none yet. An administrator adds the provider&apos;s agency in Administration → Partners and backups.</source>
        <translation>Un paquet d&apos;orientation va à un organisme partenaire du carnet d&apos;adresses, et il n&apos;y en a encore aucun. Un administrateur ajoute l&apos;organisme du prestataire dans Administration → Partenaires et sauvegardes.</translation>
    </message>
    <message>
        <source>referral</source>
        <translation>orientation</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>transfert</translation>
    </message>
    <message>
        <source>Save the package</source>
        <translation>Enregistrer le paquet</translation>
    </message>
    <message>
        <source>Case packages (*.ulz)</source>
        <translation>Paquets de dossier (*.ulz)</translation>
    </message>
    <message>
        <source>The package was written to {path}.

Its SHA-256, kept in the case&apos;s history: {sha}</source>
        <translation>Le paquet a été écrit dans {path}.

Son SHA-256, conservé dans l&apos;historique du dossier : {sha}</translation>
    </message>
    <message>
        <source>Send the passphrase by another way than the package (a phone call, an SMS), never with it.</source>
        <translation>Transmettez la phrase secrète par un autre moyen que le paquet (un appel, un SMS), jamais avec lui.</translation>
    </message>
    <message>
        <source>Package sent</source>
        <translation>Paquet envoyé</translation>
    </message>
    <message>
        <source>Making the package of case {number}…</source>
        <translation>Préparation du paquet du dossier {number}…</translation>
    </message>
    <message>
        <source>Import a case package</source>
        <translation>Importer un paquet de dossier</translation>
    </message>
    <message>
        <source>Case packages (*.ulz);;All files (*)</source>
        <translation>Paquets de dossier (*.ulz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Opening the package and checking its signature…</source>
        <translation>Ouverture du paquet et vérification de sa signature…</translation>
    </message>
    <message>
        <source>Importing the case…</source>
        <translation>Importation du dossier…</translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>Déjà importé</translation>
    </message>
    <message>
        <source>This package was already imported (case {number}): nothing was changed.</source>
        <translation>Ce paquet a déjà été importé (dossier {number}) : rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Receipt recorded</source>
        <translation>Accusé de réception enregistré</translation>
    </message>
    <message>
        <source>Case {number} arrived at the other agency: it is in its history.</source>
        <translation>Le dossier {number} est arrivé à l&apos;autre organisme : c&apos;est noté dans son historique.</translation>
    </message>
    <message>
        <source>Attachments left out</source>
        <translation>Pièces jointes laissées de côté</translation>
    </message>
    <message>
        <source>This agency&apos;s rules keep these attachments out of case {number} (a photo of the child where photos are not kept, or a file above the size limit): {files}. The sending agency still holds them.</source>
        <translation>Les règles de cet organisme excluent ces pièces jointes du dossier {number} (une photo de l&apos;enfant alors que les photos ne sont pas conservées, ou un fichier au-delà de la taille permise) : {files}. L&apos;organisme qui a envoyé le dossier les garde.</translation>
    </message>
    <message>
        <source>Save the receipt for the sending agency</source>
        <translation>Enregistrer l&apos;accusé de réception pour l&apos;organisme expéditeur</translation>
    </message>
    <message>
        <source>Case imported</source>
        <translation>Dossier importé</translation>
    </message>
    <message>
        <source>The case is {number}. Send the receipt {path} back to the sending agency: it records that the case arrived.</source>
        <translation>Le dossier porte le numéro {number}. Renvoyez l&apos;accusé de réception {path} à l&apos;organisme expéditeur : il enregistre l&apos;arrivée du dossier.</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>Sauvegarde écrite</translation>
    </message>
    <message>
        <source>{cases} cases were backed up to {path} ({size} MB).</source>
        <translation>{cases} dossiers ont été sauvegardés dans {path} ({size} Mo).</translation>
    </message>
    <message>
        <source>Backing up the store to {path}…</source>
        <translation>Sauvegarde de la base vers {path}…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Send a referral package</source>
        <translation>Envoyer un paquet d&apos;orientation</translation>
    </message>
    <message>
        <source>Send the case</source>
        <translation>Envoyer le dossier</translation>
    </message>
    <message>
        <source>Only the forms you tick go to the provider: what they need to know for the service. The case stays with us.</source>
        <translation>Seuls les formulaires cochés vont au prestataire : ce qu&apos;il doit savoir pour le service. Le dossier reste chez nous.</translation>
    </message>
    <message>
        <source>The whole case file goes to the receiving agency, encrypted so that only they can open it. Afterwards the case is read only here.</source>
        <translation>Tout le dossier part vers l&apos;organisme d&apos;accueil, chiffré pour que lui seul puisse l&apos;ouvrir. Ensuite, le dossier est en lecture seule ici.</translation>
    </message>
    <message>
        <source>To a &amp;partner agency:</source>
        <translation>À un organisme &amp;partenaire :</translation>
    </message>
    <message>
        <source>(fingerprint not checked)</source>
        <translation>(empreinte non vérifiée)</translation>
    </message>
    <message>
        <source>Locked with a pass&amp;phrase</source>
        <translation>Verrouillé par une &amp;phrase secrète</translation>
    </message>
    <message>
        <source>Send the passphrase by another way than the package (a phone call, an SMS), never with it.</source>
        <translation>Transmettez la phrase secrète par un autre moyen que le paquet (un appel, un SMS), jamais avec lui.</translation>
    </message>
    <message>
        <source>Forms to send</source>
        <translation>Formulaires à envoyer</translation>
    </message>
    <message>
        <source>Attached documents to send</source>
        <translation>Documents joints à envoyer</translation>
    </message>
    <message>
        <source>&amp;Why it is sent:</source>
        <translation>&amp;Motif de l&apos;envoi :</translation>
    </message>
    <message>
        <source>Only if the consent form does not name this agency: why send it anyway</source>
        <translation>Seulement si le formulaire de consentement ne nomme pas cet organisme : pourquoi l&apos;envoyer malgré tout</translation>
    </message>
    <message>
        <source>Supervisor&apos;s &amp;reason:</source>
        <translation>&amp;Motif du superviseur :</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>&amp;Envoyer…</translation>
    </message>
</context>
<context>
    <name>FacilitiesPage</name>
    <message>
        <source>The residential care facilities children are placed in. Facility staff accounts (the role “Facility staff” in Users) work at one facility and see only the children placed there now: who is here, and the daily log.</source>
        <translation>Les établissements de prise en charge résidentielle où des enfants sont placés. Les comptes du personnel d&apos;établissement (le rôle « Personnel d&apos;établissement » dans Utilisateurs) travaillent dans un établissement et ne voient que les enfants qui y sont placés aujourd&apos;hui : qui est ici, et le cahier journalier.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Children now</source>
        <translation>Enfants présents</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>&amp;Add a facility…</source>
        <translation>A&amp;jouter un établissement…</translation>
    </message>
    <message>
        <source>Facility staff a&amp;ccount:</source>
        <translation>&amp;Compte du personnel d&apos;établissement :</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Save where they work</source>
        <translation>&amp;Enregistrer le lieu de travail</translation>
    </message>
    <message>
        <source>&amp;works at:</source>
        <translation>tra&amp;vaille à :</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>No facility</source>
        <translation>Aucun établissement</translation>
    </message>
    <message>
        <source>Saved: {name}.</source>
        <translation>Enregistré : {name}.</translation>
    </message>
    <message>
        <source>{name} now works at {facility}.</source>
        <translation>{name} travaille maintenant à {facility}.</translation>
    </message>
</context>
<context>
    <name>FacilityDialog</name>
    <message>
        <source>Change the facility</source>
        <translation>Modifier l&apos;établissement</translation>
    </message>
    <message>
        <source>Add a facility</source>
        <translation>Ajouter un établissement</translation>
    </message>
    <message>
        <source>In &amp;use (children can be placed there)</source>
        <translation>En &amp;service (des enfants peuvent y être placés)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Places (capacity):</source>
        <translation>&amp;Places (capacité) :</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>A facility needs a name.</source>
        <translation>Un établissement doit avoir un nom.</translation>
    </message>
</context>
<context>
    <name>FacilityFlow</name>
    <message>
        <source>Who is here</source>
        <translation>Qui est ici</translation>
    </message>
    <message>
        <source>&amp;Who is here</source>
        <translation>Qui est &amp;ici</translation>
    </message>
</context>
<context>
    <name>FacilityWidget</name>
    <message>
        <source>Facility</source>
        <translation>Établissement</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Here since</source>
        <translation>Ici depuis</translation>
    </message>
    <message>
        <source>Key worker</source>
        <translation>Référent</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Prochain réexamen</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Admissions and departures (90 days)</source>
        <translation>Arrivées et départs (90 jours)</translation>
    </message>
    <message>
        <source>Daily log (last 31 days)</source>
        <translation>Cahier journalier (31 derniers jours)</translation>
    </message>
    <message>
        <source>&amp;New log entry…</source>
        <translation>&amp;Nouvelle entrée au cahier…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Écrit par</translation>
    </message>
    <message>
        <source>No residential care facility is set up yet.</source>
        <translation>Aucun établissement de prise en charge résidentielle n&apos;est encore enregistré.</translation>
    </message>
    <message>
        <source>{name}: {n} children here, {capacity} places</source>
        <translation>{name} : {n} enfants présents, {capacity} places</translation>
    </message>
    <message>
        <source>{date}: {name} arrived</source>
        <translation>{date} : arrivée de {name}</translation>
    </message>
    <message>
        <source>{date}: {name} left</source>
        <translation>{date} : départ de {name}</translation>
    </message>
    <message>
        <source>The house</source>
        <translation>La maison</translation>
    </message>
    <message>
        <source>Written in the daily log.</source>
        <translation>Écrit dans le cahier journalier.</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Welcome to Ulinzi</source>
        <translation>Bienvenue dans Ulinzi</translation>
    </message>
    <message>
        <source>Ulinzi keeps your agency&apos;s child protection case files on this computer, locked with encryption. To begin, choose one of these:</source>
        <translation>Ulinzi conserve les dossiers de protection de l&apos;enfance de votre organisme sur cet ordinateur, protégés par chiffrement. Pour commencer, choisissez l&apos;une de ces options :</translation>
    </message>
    <message>
        <source>Set up my agency</source>
        <translation>Configurer mon organisme</translation>
    </message>
    <message>
        <source>Create the encrypted store for your office and its first administrator. Choose this to start real work.</source>
        <translation>Créer le coffre chiffré de votre bureau et son premier administrateur. Choisissez cette option pour commencer le vrai travail.</translation>
    </message>
    <message>
        <source>Explore with demo data</source>
        <translation>Découvrir avec des données de démonstration</translation>
    </message>
    <message>
        <source>Try Ulinzi in a separate demo store with made-up children and staff. Nothing real goes in it, and your agency&apos;s store is not touched.</source>
        <translation>Essayez Ulinzi dans un coffre de démonstration séparé, avec des enfants et un personnel fictifs. Aucune donnée réelle n&apos;y est enregistrée, et le coffre de votre organisme n&apos;est pas modifié.</translation>
    </message>
    <message>
        <source>Your agency</source>
        <translation>Votre organisme</translation>
    </message>
    <message>
        <source>These details appear on case files and printed forms.</source>
        <translation>Ces informations figurent sur les dossiers et les formulaires imprimés.</translation>
    </message>
    <message>
        <source>Agency &amp;code</source>
        <translation>&amp;Code de l&apos;organisme</translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation>Pa&amp;ys</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>&amp;District</translation>
    </message>
    <message>
        <source>&amp;Working language</source>
        <translation>Langue de &amp;travail</translation>
    </message>
    <message>
        <source>e.g. Gasabo District Social Welfare Office</source>
        <translation>p. ex. Bureau des affaires sociales du district de Gasabo</translation>
    </message>
    <message>
        <source>e.g. KGL</source>
        <translation>p. ex. KGL</translation>
    </message>
    <message>
        <source>The administrator</source>
        <translation>L&apos;administrateur</translation>
    </message>
    <message>
        <source>The administrator adds the staff accounts and looks after the store. You can add more administrators later.</source>
        <translation>L&apos;administrateur crée les comptes du personnel et veille sur le coffre. Vous pourrez ajouter d&apos;autres administrateurs plus tard.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Nom complet</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>&amp;Retapez le mot de passe</translation>
    </message>
    <message>
        <source>At least {minimum} characters. A short sentence is easy to remember and hard to guess. Do not write it near the computer.</source>
        <translation>Au moins {minimum} caractères. Une courte phrase est facile à retenir et difficile à deviner. Ne notez pas le mot de passe près de l&apos;ordinateur.</translation>
    </message>
    <message>
        <source>The store will be created in {folder}</source>
        <translation>Le coffre sera créé dans {folder}</translation>
    </message>
    <message>
        <source>Creating the encrypted store…</source>
        <translation>Création du coffre chiffré…</translation>
    </message>
    <message>
        <source>This takes a few seconds. Please wait.</source>
        <translation>Cela prend quelques secondes. Veuillez patienter.</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Votre clé de récupération</translation>
    </message>
    <message>
        <source>This is the only way back into Ulinzi if every administrator password is lost: with it, a new password can be set for an account. Whoever holds it can open every case file.</source>
        <translation>C&apos;est le seul moyen de revenir dans Ulinzi si tous les mots de passe administrateur sont perdus : grâce à elle, on peut définir un nouveau mot de passe pour un compte. Quiconque la détient peut ouvrir tous les dossiers.</translation>
    </message>
    <message>
        <source>Print it, or copy it carefully onto paper, and keep the paper in the office safe. Never photograph it or e-mail it. It is shown only this once.</source>
        <translation>Imprimez-la, ou recopiez-la soigneusement sur papier, et rangez ce papier dans le coffre-fort du bureau. Ne la photographiez jamais et ne l&apos;envoyez jamais par e-mail. Elle n&apos;est affichée qu&apos;une seule fois.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <source>A PDF file is not encrypted: delete it after printing, or keep it only on a USB stick in the safe.</source>
        <translation>Un fichier PDF n&apos;est pas chiffré : supprimez-le après l&apos;impression, ou conservez-le uniquement sur une clé USB rangée dans le coffre-fort.</translation>
    </message>
    <message>
        <source>Saved to {path}. This file is not encrypted: delete it after printing, or keep it only on a USB stick in the safe.</source>
        <translation>Enregistré dans {path}. Ce fichier n&apos;est pas chiffré : supprimez-le après l&apos;impression, ou conservez-le uniquement sur une clé USB rangée dans le coffre-fort.</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key and stored it safely</source>
        <translation>J&apos;ai imprimé ou recopié la clé de récupération et je l&apos;ai rangée en lieu sûr</translation>
    </message>
    <message>
        <source>The demo store is ready</source>
        <translation>Le coffre de démonstration est prêt</translation>
    </message>
    <message>
        <source>The demo store holds made-up children and staff to practise with. Nothing real goes in it. Each account below shows what a person in that role sees; they all use the same password.</source>
        <translation>Le coffre de démonstration contient des enfants et un personnel fictifs pour vous exercer. Aucune donnée réelle n&apos;y est enregistrée. Chaque compte ci-dessous montre ce que voit une personne dans ce rôle ; ils utilisent tous le même mot de passe.</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>Comptes de démonstration</translation>
    </message>
    <message>
        <source>Password for every demo account</source>
        <translation>Mot de passe de tous les comptes de démonstration</translation>
    </message>
    <message>
        <source>“Open the demo” signs you in as admin. Sign out to try another account; the sign-in screen shows this password again.</source>
        <translation>« Ouvrir la démo » vous connecte en tant qu&apos;admin. Déconnectez-vous pour essayer un autre compte ; l&apos;écran de connexion rappelle ce mot de passe.</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>Step {n} of 3</source>
        <translation>Étape {n} sur 3</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Create the store</source>
        <translation>&amp;Créer le coffre</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>&amp;Open the demo</source>
        <translation>&amp;Ouvrir la démo</translation>
    </message>
    <message>
        <source>Type the agency&apos;s name.</source>
        <translation>Saisissez le nom de l&apos;organisme.</translation>
    </message>
    <message>
        <source>The code has 2 to 10 letters or digits.</source>
        <translation>Le code comporte 2 à 10 lettres ou chiffres.</translation>
    </message>
    <message>
        <source>Type a username.</source>
        <translation>Saisissez un nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>A username has 2 to 50 letters, digits, dots, dashes or underscores, with no spaces.</source>
        <translation>Un nom d&apos;utilisateur comporte 2 à 50 lettres, chiffres, points, tirets ou tirets bas, sans espace.</translation>
    </message>
    <message>
        <source>The password needs at least {minimum} characters; it has {count}.</source>
        <translation>Le mot de passe doit comporter au moins {minimum} caractères ; il en a {count}.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <source>Type the password a second time.</source>
        <translation>Saisissez le mot de passe une seconde fois.</translation>
    </message>
    <message>
        <source>A short code for your office, used at the start of every case number: {example}. Choose it carefully; it appears on every case file.</source>
        <translation>Un code court pour votre bureau, placé au début de chaque numéro de cas : {example}. Choisissez-le avec soin ; il figure sur chaque dossier.</translation>
    </message>
    <message>
        <source>Ulinzi recovery key</source>
        <translation>Clé de récupération Ulinzi</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Imprimer la clé de récupération</translation>
    </message>
    <message>
        <source>Ulinzi recovery key {code}.pdf</source>
        <translation>Clé de récupération Ulinzi {code}.pdf</translation>
    </message>
    <message>
        <source>Save the recovery key – the PDF file is not encrypted</source>
        <translation>Enregistrer la clé de récupération – le fichier PDF n&apos;est pas chiffré</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Opening the demo store…</source>
        <translation>Ouverture du coffre de démonstration…</translation>
    </message>
    <message>
        <source>Agency na&amp;me</source>
        <translation>No&amp;m de l&apos;organisme</translation>
    </message>
    <message>
        <source>Used to sign in: letters, digits, dots, dashes or underscores, e.g. admin or jmwangi.</source>
        <translation>Sert à se connecter : lettres, chiffres, points, tirets ou tirets bas, par exemple admin ou jmwangi.</translation>
    </message>
    <message>
        <source>Making the demo store with made-up children…</source>
        <translation>Création du coffre de démonstration avec des enfants fictifs…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <source>Close without the recovery key?</source>
        <translation>Fermer sans la clé de récupération ?</translation>
    </message>
    <message>
        <source>The recovery key is shown only now. If it is not printed or written down and every administrator password is lost, nobody can open the case files. Close anyway?</source>
        <translation>La clé de récupération n&apos;est affichée que maintenant. Si elle n&apos;est ni imprimée ni recopiée et que tous les mots de passe administrateur sont perdus, personne ne pourra ouvrir les dossiers. Fermer quand même ?</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>{date} (estimated)</source>
        <translation>{date} (estimée)</translation>
    </message>
    <message>
        <source>spoken</source>
        <translation>oralement</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>par signature</translation>
    </message>
    <message>
        <source>thumbprint</source>
        <translation>par empreinte digitale</translation>
    </message>
    <message>
        <source>{who}, {how}, on {date}</source>
        <translation>{who}, {how}, le {date}</translation>
    </message>
</context>
<context>
    <name>FormWizard</name>
    <message>
        <source>Sections of the form</source>
        <translation>Sections du formulaire</translation>
    </message>
    <message>
        <source>Questions answered</source>
        <translation>Questions répondues</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {questions} answered</source>
        <translation>
            <numerusform>%n réponse sur {questions}</numerusform>
            <numerusform>%n réponses sur {questions}</numerusform>
        </translation>
    </message>
    <message>
        <source>Some answers are missing or need a look: see the messages in red.</source>
        <translation>Certaines réponses manquent ou sont à vérifier : consultez les messages en rouge.</translation>
    </message>
    <message>
        <source>Continuing the draft kept earlier.</source>
        <translation>Reprise du brouillon conservé précédemment.</translation>
    </message>
    <message>
        <source>Unfinished form</source>
        <translation>Formulaire non terminé</translation>
    </message>
    <message>
        <source>You started this on {when} and did not finish. Continue where you stopped?</source>
        <translation>Vous avez commencé ce formulaire le {when} sans le terminer. Reprendre là où vous en étiez ?</translation>
    </message>
    <message>
        <source>Draft kept.</source>
        <translation>Brouillon conservé.</translation>
    </message>
    <message>
        <source>Not saved yet: some answers are missing or need a look (in red).</source>
        <translation>Pas encore enregistré : certaines réponses manquent ou sont à vérifier (en rouge).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Close the form?</source>
        <translation>Fermer le formulaire ?</translation>
    </message>
    <message>
        <source>The form is not saved to the case yet. Keep what you typed as a draft, to finish later?</source>
        <translation>Le formulaire n&apos;est pas encore enregistré dans le dossier. Conserver votre saisie en brouillon pour la terminer plus tard ?</translation>
    </message>
    <message>
        <source>&amp;Keep as draft</source>
        <translation>&amp;Garder en brouillon</translation>
    </message>
    <message>
        <source>&amp;Discard what I typed</source>
        <translation>&amp;Abandonner ma saisie</translation>
    </message>
    <message>
        <source>Go on &amp;typing</source>
        <translation>&amp;Continuer la saisie</translation>
    </message>
</context>
<context>
    <name>GroupField</name>
    <message>
        <source>+ Add: {item}</source>
        <translation>+ Ajouter : {item}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Relationship to the child</source>
        <translation>Lien avec l&apos;enfant</translation>
    </message>
    <message>
        <source>Phone or how to reach them</source>
        <translation>Téléphone ou autre moyen de contact</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove this entry</source>
        <translation>Retirer cette entrée</translation>
    </message>
</context>
<context>
    <name>HandOverPanel</name>
    <message>
        <source>One worker takes &amp;all of them</source>
        <translation>Une seule personne les reprend &amp;tous</translation>
    </message>
    <message>
        <source>Choose for &amp;each case</source>
        <translation>Choisir pour &amp;chaque dossier</translation>
    </message>
    <message>
        <source>Choose who takes them</source>
        <translation>Choisissez qui les reprend</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Tasks (overdue)</source>
        <translation>Tâches (en retard)</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va à</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Choisir</translation>
    </message>
    <message>
        <source>Who takes case {number}</source>
        <translation>Qui reprend le dossier {number}</translation>
    </message>
    <message>
        <source>Choose who takes the cases.</source>
        <translation>Choisissez qui reprend les dossiers.</translation>
    </message>
    <message>
        <source>{n} cases have nobody to take them yet: choose for each.</source>
        <translation>{n} dossiers n&apos;ont encore personne pour les reprendre : choisissez pour chacun.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a case package</source>
        <translation>Importer un paquet de dossier</translation>
    </message>
    <message>
        <source>UNKNOWN SENDER: {name} ({code}) is not in your address book. Anyone could have made this package. Check its fingerprint {fingerprint} with that agency by phone before importing.</source>
        <translation>EXPÉDITEUR INCONNU : {name} ({code}) ne figure pas dans votre carnet d&apos;adresses. N&apos;importe qui a pu fabriquer ce paquet. Vérifiez son empreinte {fingerprint} avec cet organisme par téléphone avant d&apos;importer.</translation>
    </message>
    <message>
        <source>From {name} ({code}), signed with the key in your address book; its fingerprint was not checked by phone yet.</source>
        <translation>De {name} ({code}), signé avec la clé de votre carnet d&apos;adresses ; son empreinte n&apos;a pas encore été vérifiée par téléphone.</translation>
    </message>
    <message>
        <source>From {name} ({code}): signature checked against its verified key.</source>
        <translation>De {name} ({code}) : signature vérifiée avec sa clé contrôlée.</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Fait le</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Their case number</source>
        <translation>Leur numéro de dossier</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Formulaires</translation>
    </message>
    <message>
        <source>Signed copies</source>
        <translation>Copies signées</translation>
    </message>
    <message>
        <source>Import as a &amp;new case, for:</source>
        <translation>Importer comme &amp;nouveau dossier, pour :</translation>
    </message>
    <message>
        <source>Add it &amp;beside our case of the same child:</source>
        <translation>L&apos;ajouter à &amp;côté de notre dossier du même enfant :</translation>
    </message>
    <message>
        <source>This child may already have a case here. Beside it, their history and documents are added and their records kept as they came; nothing of ours is written over.</source>
        <translation>Cet enfant a peut-être déjà un dossier ici. À côté de celui-ci, leur historique et leurs documents sont ajoutés et leurs fiches gardées telles quelles ; rien des nôtres n&apos;est écrasé.</translation>
    </message>
    <message>
        <source>A possible match for this child exists in a case you cannot see: ask your supervisor before importing it as a new case.</source>
        <translation>Un dossier auquel vous n&apos;avez pas accès correspond peut-être à cet enfant : demandez à votre superviseur avant de l&apos;importer comme nouveau dossier.</translation>
    </message>
    <message>
        <source>I checked the fingerprint with the sending agency by phone (supervisor)</source>
        <translation>J&apos;ai vérifié l&apos;empreinte avec l&apos;organisme expéditeur par téléphone (superviseur)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
</context>
<context>
    <name>IndicatorsPage</name>
    <message>
        <source>Caseload weighted by risk (15.7)</source>
        <translation>Charge de travail pondérée par le risque (15.7)</translation>
    </message>
    <message>
        <source>A &amp;high-risk case counts as</source>
        <translation>Un dossier à risque &amp;élevé compte pour</translation>
    </message>
    <message>
        <source>A m&amp;edium-risk case counts as</source>
        <translation>Un dossier à risque &amp;moyen compte pour</translation>
    </message>
    <message>
        <source>A &amp;low-risk case counts as</source>
        <translation>Un dossier à risque &amp;faible compte pour</translation>
    </message>
    <message>
        <source>Cases a caseworker holds, each counted by its risk; not yet assessed counts as medium. The standard&apos;s band is 15 to 30.</source>
        <translation>Les dossiers que suit un gestionnaire de cas, chacun compté selon son risque ; un dossier pas encore évalué compte comme moyen. La fourchette de la norme est de 15 à 30.</translation>
    </message>
    <message>
        <source>Facts about the agency</source>
        <translation>Faits concernant l’organisme</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Last checked on</source>
        <translation>Vérifié pour la dernière fois le</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Cibles</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Pas de cible</translation>
    </message>
    <message>
        <source>The Dashboard shows each figure against its target; 0 is no target.</source>
        <translation>Le tableau de bord montre chaque chiffre face à sa cible ; 0 signifie pas de cible.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>A case of higher risk counts at least as much as one of lower risk: high ≥ medium ≥ low.</source>
        <translation>Un dossier à risque plus élevé compte au moins autant qu’un dossier à risque plus faible : élevé ≥ moyen ≥ faible.</translation>
    </message>
    <message>
        <source>Saved. The Dashboard shows them when it next counts.</source>
        <translation>Enregistré. Le tableau de bord en tient compte à son prochain calcul.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>LogEntryDialog</name>
    <message>
        <source>New daily log entry</source>
        <translation>Nouvelle entrée au cahier journalier</translation>
    </message>
    <message>
        <source>The house (no one child)</source>
        <translation>La maison (aucun enfant en particulier)</translation>
    </message>
    <message>
        <source>&amp;Serious: the caseworker and the supervisor must follow it up</source>
        <translation>&amp;Grave : le gestionnaire de cas et le superviseur doivent y donner suite</translation>
    </message>
    <message>
        <source>e.g. her mother, Uwase Claudine</source>
        <translation>p. ex. sa mère, Uwase Claudine</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>&amp;About:</source>
        <translation>&amp;Concerne :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Family member:</source>
        <translation>&amp;Membre de la famille :</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>Comme&amp;nt :</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>Ce qui s&apos;est &amp;passé :</translation>
    </message>
    <message>
        <source>Write it in the &amp;log</source>
        <translation>Écrire au ca&amp;hier</translation>
    </message>
    <message>
        <source>Write what happened.</source>
        <translation>Écrivez ce qui s&apos;est passé.</translation>
    </message>
    <message>
        <source>A log entry cannot be dated in the future.</source>
        <translation>Une entrée du cahier ne peut pas être datée dans le futur.</translation>
    </message>
    <message>
        <source>A serious incident or a family contact is about a child: choose the child.</source>
        <translation>Un incident grave ou un contact familial concerne un enfant : choisissez l&apos;enfant.</translation>
    </message>
    <message>
        <source>Write which family member the child was in contact with.</source>
        <translation>Écrivez avec quel membre de la famille l&apos;enfant a été en contact.</translation>
    </message>
</context>
<context>
    <name>LoginWidget</name>
    <message>
        <source>&amp;Username</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Ulinzi</source>
        <translation>Ulinzi</translation>
    </message>
    <message>
        <source>Sign in to open the case files.</source>
        <translation>Connectez-vous pour ouvrir les dossiers.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>The screen was locked to protect the children&apos;s information. {name} can unlock it, or another person can sign in here.</source>
        <translation>L&apos;écran a été verrouillé pour protéger les informations des enfants. {name} peut le déverrouiller, ou une autre personne peut se connecter ici.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>DEMO store with made-up children. Accounts: admin, manager, grace, joseph (supervisors), amina, baraka, chipo, daniel, esther, faith, gabriel, halima (caseworkers), hope (facility staff).</source>
        <translation>Coffre de DÉMONSTRATION avec des enfants fictifs. Comptes : admin, manager, grace, joseph (superviseurs), amina, baraka, chipo, daniel, esther, faith, gabriel, halima (gestionnaires de cas), hope (personnel d&apos;établissement).</translation>
    </message>
    <message>
        <source>Password for all: {password}</source>
        <translation>Mot de passe pour tous : {password}</translation>
    </message>
    <message>
        <source>Type your username and your password.</source>
        <translation>Saisissez votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <source>Too many failed attempts. You can try again in {seconds} seconds.</source>
        <translation>Trop de tentatives échouées. Vous pourrez réessayer dans {seconds} secondes.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Vous pouvez réessayer maintenant.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Nouveau cas</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Cas</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>My &amp;tasks</source>
        <translation>Mes &amp;tâches</translation>
    </message>
    <message>
        <source>&amp;Supervisor queue</source>
        <translation>Espace &amp;superviseur</translation>
    </message>
    <message>
        <source>Service &amp;providers</source>
        <translation>P&amp;restataires de services</translation>
    </message>
    <message>
        <source>&amp;Import a package</source>
        <translation>&amp;Importer un paquet</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Sauvegarder</translation>
    </message>
    <message>
        <source>A&amp;bout Ulinzi</source>
        <translation>À &amp;propos d&apos;Ulinzi</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>Mes tâches</translation>
    </message>
    <message>
        <source>Supervisor queue</source>
        <translation>Espace superviseur</translation>
    </message>
    <message>
        <source>Signed in: {name} ({roles})</source>
        <translation>Session ouverte : {name} ({roles})</translation>
    </message>
    <message>
        <source>DEMO – </source>
        <translation>DÉMO – </translation>
    </message>
    <message>
        <source>locked</source>
        <translation>verrouillé</translation>
    </message>
</context>
<context>
    <name>Minutes</name>
    <message>
        <source>Conference no. {number}: record of the meeting, for signature</source>
        <translation>Conférence n° {number} : compte rendu de la réunion, pour signature</translation>
    </message>
    <message>
        <source>The meeting</source>
        <translation>La réunion</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Conférence</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Chaired by</source>
        <translation>Présidée par</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Version of these minutes</source>
        <translation>Version de ce procès-verbal</translation>
    </message>
    <message>
        <source>{version}, finalised on {date} by {who}</source>
        <translation>{version}, finalisée le {date} par {who}</translation>
    </message>
    <message>
        <source>{version}, corrected on {date} by {who}: {reason}</source>
        <translation>{version}, corrigée le {date} par {who} : {reason}</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Name and contact</source>
        <translation>Nom et contact</translation>
    </message>
    <message>
        <source>Organisation and role</source>
        <translation>Organisme et fonction</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Basis for attending</source>
        <translation>Raison de sa participation</translation>
    </message>
    <message>
        <source>{basis}: {reason}</source>
        <translation>{basis} : {reason}</translation>
    </message>
    <message>
        <source>What is said about the child in this meeting stays between the people present, and is shared only with those who need to know.</source>
        <translation>Ce qui est dit sur l&apos;enfant au cours de cette réunion reste entre les personnes présentes, et n&apos;est partagé qu&apos;avec celles qui ont besoin de le savoir.</translation>
    </message>
    <message>
        <source>Agenda and notes</source>
        <translation>Ordre du jour et notes</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>No decision was taken.</source>
        <translation>Aucune décision n&apos;a été prise.</translation>
    </message>
    <message>
        <source>Best interests decision. Reasoning:</source>
        <translation>Décision dans l&apos;intérêt supérieur de l&apos;enfant. Raisonnement :</translation>
    </message>
    <message>
        <source>Action points</source>
        <translation>Actions à mener</translation>
    </message>
    <message>
        <source>No action point was agreed.</source>
        <translation>Aucune action n&apos;a été convenue.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>Ce qui sera fait</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Pour le</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Prochaine réunion</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Précisions</translation>
    </message>
    <message>
        <source>No other meeting planned.</source>
        <translation>Aucune autre réunion prévue.</translation>
    </message>
    <message>
        <source>Chair of the conference</source>
        <translation>Président(e) de la conférence</translation>
    </message>
</context>
<context>
    <name>Monthly</name>
    <message>
        <source>New cases</source>
        <translation>Nouveaux cas</translation>
    </message>
    <message>
        <source>Open at the end of the month</source>
        <translation>Ouverts à la fin du mois</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturés</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transférés</translation>
    </message>
    <message>
        <source>Referrals made</source>
        <translation>Orientations faites</translation>
    </message>
    <message>
        <source>Girls</source>
        <translation>Filles</translation>
    </message>
    <message>
        <source>Boys</source>
        <translation>Garçons</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Other places</source>
        <translation>Autres lieux</translation>
    </message>
    <message>
        <source>0–4 years</source>
        <translation>0–4 ans</translation>
    </message>
    <message>
        <source>5–9 years</source>
        <translation>5–9 ans</translation>
    </message>
    <message>
        <source>10–14 years</source>
        <translation>10–14 ans</translation>
    </message>
    <message>
        <source>15–17 years</source>
        <translation>15–17 ans</translation>
    </message>
    <message>
        <source>18 years and over</source>
        <translation>18 ans et plus</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation>Motif de la clôture</translation>
    </message>
    <message>
        <source>Type of service</source>
        <translation>Type de service</translation>
    </message>
    <message>
        <source>Main protection concern</source>
        <translation>Principale préoccupation de protection</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Cases by sex</source>
        <translation>Cas par sexe</translation>
    </message>
    <message>
        <source>{measure}, by age and sex</source>
        <translation>{measure}, par âge et par sexe</translation>
    </message>
    <message>
        <source>Cases closed, by reason and sex</source>
        <translation>Cas clôturés, par motif et par sexe</translation>
    </message>
    <message>
        <source>Referrals made, by service and sex</source>
        <translation>Orientations faites, par service et par sexe</translation>
    </message>
    <message>
        <source>Cases by main protection concern</source>
        <translation>Cas par principale préoccupation de protection</translation>
    </message>
    <message>
        <source>Cases by district</source>
        <translation>Cas par district</translation>
    </message>
    <message>
        <source>Standard 15 indicators</source>
        <translation>Indicateurs de la norme 15</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Comptés</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>Sur</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Yes (1) or no (0)</source>
        <translation>Oui (1) ou non (0)</translation>
    </message>
    <message>
        <source>Monthly return</source>
        <translation>Rapport mensuel</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Cases of</source>
        <translation>Dossiers de</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>the team of {name}</source>
        <translation>l&apos;équipe de {name}</translation>
    </message>
    <message>
        <source>the whole agency</source>
        <translation>tout l&apos;organisme</translation>
    </message>
    <message>
        <source>{month}, cases of {scope}</source>
        <translation>{month}, dossiers de {scope}</translation>
    </message>
    <message>
        <source>{n}%</source>
        <translation>{n}&#xa0;%</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>How the figures are counted</source>
        <translation>Comment les chiffres sont comptés</translation>
    </message>
    <message>
        <source>New cases: registered in the month. Open: registered by the end of the month and not closed or transferred by then.</source>
        <translation>Nouveaux cas : enregistrés dans le mois. Ouverts : enregistrés avant la fin du mois et ni clôturés ni transférés à cette date.</translation>
    </message>
    <message>
        <source>Closed and transferred: the closure or the transfer took effect in the month; the reason for closing is that of the case&apos;s latest closure request.</source>
        <translation>Clôturés et transférés : la clôture ou le transfert a pris effet dans le mois ; le motif de la clôture est celui de la dernière demande de clôture du dossier.</translation>
    </message>
    <message>
        <source>Referrals made: each referral dated in the month (a child may have several), by the type of service.</source>
        <translation>Orientations faites : chaque orientation datée du mois (un enfant peut en avoir plusieurs), par type de service.</translation>
    </message>
    <message>
        <source>Sex as registered; age in years on the last day of the month; the main protection concern is the first one ticked at registration; the district is what follows the last comma of where the child lives, or “Other places” when fewer than 5 of the agency&apos;s cases live there.</source>
        <translation>Sexe tel qu&apos;enregistré ; âge en années le dernier jour du mois ; la principale préoccupation de protection est la première cochée à l&apos;enregistrement ; le district est ce qui suit la dernière virgule du lieu de vie de l&apos;enfant, ou « Autres lieux » lorsque moins de 5 dossiers de l&apos;organisme y vivent.</translation>
    </message>
    <message>
        <source>The indicators are those of the Dashboard, for the same month and the same cases; each one&apos;s rule is shown there.</source>
        <translation>Les indicateurs sont ceux du tableau de bord, pour le même mois et les mêmes dossiers ; la règle de chacun y est indiquée.</translation>
    </message>
</context>
<context>
    <name>MonthlyReturnDialog</name>
    <message>
        <source>Monthly return</source>
        <translation>Rapport mensuel</translation>
    </message>
    <message>
        <source>PDF, to print</source>
        <translation>PDF, à imprimer</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Tableau CSV</translation>
    </message>
    <message>
        <source>DHIS2 data values (JSON)</source>
        <translation>Valeurs de données DHIS2 (JSON)</translation>
    </message>
    <message>
        <source>DHIS2 data values (ADX XML)</source>
        <translation>Valeurs de données DHIS2 (ADX XML)</translation>
    </message>
    <message>
        <source>The agency&apos;s DHIS2 mapping file (.json)</source>
        <translation>Le fichier de correspondance DHIS2 de l&apos;organisme (.json)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>DHIS2 ma&amp;pping</source>
        <translation>Corres&amp;pondance DHIS2</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>The return counts cases and names no child. The file is not encrypted: keep it on the office&apos;s computer or take it straight to the one that sends it.</source>
        <translation>Le rapport compte des dossiers et ne nomme aucun enfant. Le fichier n&apos;est pas chiffré : gardez-le sur l&apos;ordinateur du bureau ou portez-le directement à celui qui l&apos;envoie.</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The DHIS2 mapping</source>
        <translation>La correspondance DHIS2</translation>
    </message>
    <message>
        <source>DHIS2 mapping (*.json);;All files (*)</source>
        <translation>Correspondance DHIS2 (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the agency&apos;s DHIS2 mapping file first: it says where each figure goes.</source>
        <translation>Choisissez d&apos;abord le fichier de correspondance DHIS2 de l&apos;organisme : il indique où va chaque chiffre.</translation>
    </message>
    <message>
        <source>Save the monthly return</source>
        <translation>Enregistrer le rapport mensuel</translation>
    </message>
    <message>
        <source>{kind} (*.{extension})</source>
        <translation>{kind} (*.{extension})</translation>
    </message>
    <message>
        <source>Counting and saving…</source>
        <translation>Comptage et enregistrement…</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Correct the note</source>
        <translation>Corriger la note</translation>
    </message>
    <message>
        <source>Write a contact note</source>
        <translation>Écrire une note de contact</translation>
    </message>
    <message>
        <source>e.g. the grandmother; the class teacher</source>
        <translation>p. ex. la grand-mère ; l&apos;instituteur</translation>
    </message>
    <message>
        <source>What was said, seen or agreed, in a few lines</source>
        <translation>Ce qui a été dit, vu ou convenu, en quelques lignes</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <source>&amp;With whom</source>
        <translation>&amp;Avec qui</translation>
    </message>
    <message>
        <source>Wh&amp;at</source>
        <translation>&amp;Quoi</translation>
    </message>
    <message>
        <source>You may correct your note for a day; the first text is kept. Ctrl+Enter saves.</source>
        <translation>Vous pouvez corriger votre note pendant un jour ; le premier texte est gardé. Ctrl+Entrée enregistre.</translation>
    </message>
    <message>
        <source>&amp;Save the note</source>
        <translation>&amp;Enregistrer la note</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Calls, visits, meetings and what you saw, between the formal forms. Whoever may read the case reads its notes.</source>
        <translation>Appels, visites, réunions et ce que vous avez vu, entre les formulaires. Qui peut lire le dossier lit ses notes.</translation>
    </message>
    <message>
        <source>Search the notes of this case – just type</source>
        <translation>Chercher dans les notes de ce dossier – tapez simplement</translation>
    </message>
    <message>
        <source>Search the notes</source>
        <translation>Chercher dans les notes</translation>
    </message>
    <message>
        <source>&amp;Write a note…</source>
        <translation>É&amp;crire une note…</translation>
    </message>
    <message>
        <source>Co&amp;rrect…</source>
        <translation>Co&amp;rriger…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>How, with whom</source>
        <translation>Comment, avec qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Écrite par</translation>
    </message>
    <message>
        <source>(corrected {when}; first written: “{text}”)</source>
        <translation>(corrigée le {when} ; d&apos;abord écrite : « {text} »)</translation>
    </message>
    <message>
        <source>Written {when}</source>
        <translation>Écrite le {when}</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Pas encore de note.</translation>
    </message>
    <message>
        <source>{shown} of {total} notes match.</source>
        <translation>{shown} notes sur {total} correspondent.</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 note</translation>
    </message>
    <message>
        <source>{n} notes</source>
        <translation>{n} notes</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>This agency&apos;s public identity</source>
        <translation>Identité publique de cet organisme</translation>
    </message>
    <message>
        <source>&amp;Save the identity file…</source>
        <translation>&amp;Enregistrer le fichier d&apos;identité…</translation>
    </message>
    <message>
        <source>Give this file (or the QR code) to the agencies you exchange cases with. It holds no secret. Read them the fingerprint by phone: they compare it with the one their Ulinzi shows.</source>
        <translation>Donnez ce fichier (ou le code QR) aux organismes avec qui vous échangez des dossiers. Il ne contient aucun secret. Lisez-leur l&apos;empreinte par téléphone : ils la comparent avec celle qu&apos;affiche leur Ulinzi.</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Empreinte :</translation>
    </message>
    <message>
        <source>Partner agencies</source>
        <translation>Organismes partenaires</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Vérifiée</translation>
    </message>
    <message>
        <source>&amp;Add from a file…</source>
        <translation>&amp;Ajouter depuis un fichier…</translation>
    </message>
    <message>
        <source>&amp;Fingerprint checked by phone…</source>
        <translation>&amp;Empreinte vérifiée par téléphone…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Remind to back up every</source>
        <translation>Rappeler de sauvegarder tous les</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Dernière sauvegarde</translation>
    </message>
    <message>
        <source>Yes, by {who} on {date}</source>
        <translation>Oui, par {who} le {date}</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>{date}, by {who}</source>
        <translation>{date}, par {who}</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>A partner agency&apos;s identity</source>
        <translation>L&apos;identité d&apos;un organisme partenaire</translation>
    </message>
    <message>
        <source>Identity (*.json)</source>
        <translation>Identité (*.json)</translation>
    </message>
    <message>
        <source>Save the identity file</source>
        <translation>Enregistrer le fichier d&apos;identité</translation>
    </message>
    <message>
        <source>Add {name} ({code})?

Its fingerprint is {fingerprint}.

Did you read this fingerprint with someone at {name} (by phone or in person)? Answer No if not yet: you can mark it checked later.</source>
        <translation>Ajouter {name} ({code}) ?

Son empreinte est {fingerprint}.

Avez-vous lu cette empreinte avec quelqu&apos;un de {name} (par téléphone ou en personne) ? Répondez Non sinon : vous pourrez la marquer vérifiée plus tard.</translation>
    </message>
    <message>
        <source>Did someone at {name} read you the fingerprint {fingerprint}, and did it match exactly?</source>
        <translation>Quelqu&apos;un de {name} vous a-t-il lu l&apos;empreinte {fingerprint}, et correspondait-elle exactement ?</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reactivate account</source>
        <translation>Réactiver le compte</translation>
    </message>
    <message>
        <source>{person} will be able to sign in again with this temporary password.</source>
        <translation>{person} pourra de nouveau se connecter avec ce mot de passe temporaire.</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>Ré&amp;activer</translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation>{name} peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>A new temporary password for {person}. Their old password stops working now.</source>
        <translation>Un nouveau mot de passe temporaire pour {person}. Son ancien mot de passe cesse de fonctionner dès maintenant.</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>&amp;Définir le mot de passe</translation>
    </message>
    <message>
        <source>{name} has a new temporary password.</source>
        <translation>{name} a un nouveau mot de passe temporaire.</translation>
    </message>
</context>
<context>
    <name>PlacementDecision</name>
    <message>
        <source>Where the child will live, and why: for signature</source>
        <translation>Où l&apos;enfant vivra, et pourquoi : pour signature</translation>
    </message>
    <message>
        <source>The placement</source>
        <translation>Le placement</translation>
    </message>
    <message>
        <source>Type of care</source>
        <translation>Type de prise en charge</translation>
    </message>
    <message>
        <source>Residential care facility</source>
        <translation>Établissement de prise en charge résidentielle</translation>
    </message>
    <message>
        <source>Carer or family</source>
        <translation>Personne ou famille d&apos;accueil</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À partir du</translation>
    </message>
    <message>
        <source>First review by</source>
        <translation>Premier réexamen avant le</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base légale</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Fondement</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>Daté du</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Décidé par</translation>
    </message>
    <message>
        <source>Why this placement is in the child&apos;s best interests</source>
        <translation>Pourquoi ce placement est dans l&apos;intérêt supérieur de l&apos;enfant</translation>
    </message>
    <message>
        <source>Placement before this one</source>
        <translation>Placement précédent</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Aucun enregistré</translation>
    </message>
    <message>
        <source>The placement is reviewed regularly, with the child, to see whether it is still in the child&apos;s best interests (at least every {months} months).</source>
        <translation>Le placement est réexaminé régulièrement, avec l&apos;enfant, pour vérifier qu&apos;il est toujours dans l&apos;intérêt supérieur de l&apos;enfant (au moins tous les {months} mois).</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposé par</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approuvé par</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Approuvé le</translation>
    </message>
    <message>
        <source>Carer, or the facility&apos;s manager</source>
        <translation>Accueillant ou responsable du centre</translation>
    </message>
    <message>
        <source>Not approved yet</source>
        <translation>Pas encore approuvé</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <source>New placement decision</source>
        <translation>Nouvelle décision de placement</translation>
    </message>
    <message>
        <source>Where the child will live, on what legal basis, and why it is in the child&apos;s best interests. Ask the child&apos;s views first. The supervisor approves the decision; it then becomes the current placement and the one before it ends.</source>
        <translation>Où l&apos;enfant vivra, sur quelle base légale, et pourquoi c&apos;est dans son intérêt supérieur. Demandez d&apos;abord l&apos;avis de l&apos;enfant. Le superviseur approuve la décision ; elle devient alors le placement actuel et le précédent prend fin.</translation>
    </message>
    <message>
        <source>e.g. Mukamana Odette, the child&apos;s grandmother</source>
        <translation>p. ex. Mukamana Odette, la grand-mère de l&apos;enfant</translation>
    </message>
    <message>
        <source>e.g. Gasabo Primary Court</source>
        <translation>p. ex. Tribunal de base de Gasabo</translation>
    </message>
    <message>
        <source>&amp;Type of care:</source>
        <translation>&amp;Type de prise en charge :</translation>
    </message>
    <message>
        <source>&amp;Facility:</source>
        <translation>Éta&amp;blissement :</translation>
    </message>
    <message>
        <source>&amp;Carer or family:</source>
        <translation>&amp;Personne ou famille d&apos;accueil :</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>À partir d&amp;u :</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>Ré&amp;férence :</translation>
    </message>
    <message>
        <source>Ask for a&amp;pproval</source>
        <translation>De&amp;mander l&apos;approbation</translation>
    </message>
    <message>
        <source>First re&amp;view by:</source>
        <translation>Premier ré&amp;examen avant le :</translation>
    </message>
    <message>
        <source>&amp;Legal basis:</source>
        <translation>Base &amp;légale :</translation>
    </message>
    <message>
        <source>Dat&amp;ed:</source>
        <translation>&amp;Daté du :</translation>
    </message>
    <message>
        <source>Decided &amp;by:</source>
        <translation>Décidé pa&amp;r :</translation>
    </message>
    <message>
        <source>&amp;Why this placement is in the child&apos;s best interests:</source>
        <translation>Pourquoi ce placement est dans l&apos;intérêt &amp;supérieur de l&apos;enfant :</translation>
    </message>
</context>
<context>
    <name>PlacementsTab</name>
    <message>
        <source>{how} with {who}: {text}</source>
        <translation>{how} avec {who} : {text}</translation>
    </message>
    <message>
        <source>Followed up by {who}: {note}</source>
        <translation>Suite donnée par {who} : {note}</translation>
    </message>
    <message>
        <source>{kind} (serious)</source>
        <translation>{kind} (grave)</translation>
    </message>
    <message>
        <source>Re&amp;view the placement…</source>
        <translation>Rée&amp;xaminer le placement…</translation>
    </message>
    <message>
        <source>N&amp;ew placement decision…</source>
        <translation>Nouvelle déci&amp;sion de placement…</translation>
    </message>
    <message>
        <source>End the place&amp;ment…</source>
        <translation>Mettre fin au pla&amp;cement…</translation>
    </message>
    <message>
        <source>Print the pla&amp;cement decision</source>
        <translation>Imprimer la décision de placemen&amp;t</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Type of care</source>
        <translation>Type de prise en charge</translation>
    </message>
    <message>
        <source>Where, with whom</source>
        <translation>Où, avec qui</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base légale</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Écrit par</translation>
    </message>
    <message>
        <source>Placement history</source>
        <translation>Historique des placements</translation>
    </message>
    <message>
        <source>Daily log entries about the child (from the facilities; family contacts are reintegration evidence). Never printed on the child&apos;s plan.</source>
        <translation>Entrées du cahier journalier concernant l&apos;enfant (venant des établissements ; les contacts familiaux sont des éléments pour la réintégration). Jamais imprimées sur le plan de l&apos;enfant.</translation>
    </message>
    <message>
        <source>Record the follow-&amp;up…</source>
        <translation>En&amp;registrer la suite donnée…</translation>
    </message>
    <message>
        <source>The child has no current placement recorded.</source>
        <translation>Aucun placement actuel n&apos;est enregistré pour l&apos;enfant.</translation>
    </message>
    <message>
        <source>Now: {kind} – {where}, since {since}. Next placement review by {review}.</source>
        <translation>Actuellement : {kind} – {where}, depuis le {since}. Prochain réexamen du placement avant le {review}.</translation>
    </message>
    <message>
        <source>A placement decision is waiting for the supervisor&apos;s approval.</source>
        <translation>Une décision de placement attend l&apos;approbation du superviseur.</translation>
    </message>
    <message>
        <source>approved by {who}</source>
        <translation>approuvé par {who}</translation>
    </message>
    <message>
        <source>returned: “{comment}”</source>
        <translation>renvoyé : « {comment} »</translation>
    </message>
    <message>
        <source>a new placement</source>
        <translation>un nouveau placement</translation>
    </message>
    <message>
        <source>Follow-up of a serious incident</source>
        <translation>Suite donnée à un incident grave</translation>
    </message>
    <message>
        <source>What was done about it (kept with the log entry):</source>
        <translation>Ce qui a été fait (gardé avec l&apos;entrée du cahier) :</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Attach a document</source>
        <translation>Joindre un document</translation>
    </message>
    <message>
        <source>Documents and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Documents et photos (*.pdf *.jpg *.jpeg *.png);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Attach the signed copy</source>
        <translation>Joindre la copie signée</translation>
    </message>
    <message>
        <source>Scans and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Scans et photos (*.pdf *.jpg *.jpeg *.png);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>This package is locked with a passphrase. Type the passphrase the sending agency gave you:</source>
        <translation>Ce paquet est verrouillé par une phrase secrète. Tapez la phrase secrète donnée par l&apos;organisme expéditeur :</translation>
    </message>
    <message>
        <source>Quit Ulinzi?</source>
        <translation>Quitter Ulinzi ?</translation>
    </message>
    <message>
        <source>A form is still open. What you typed will be kept as a draft. Quit?</source>
        <translation>Un formulaire est encore ouvert. Ce que vous avez saisi sera conservé en brouillon. Quitter ?</translation>
    </message>
</context>
<context>
    <name>ProviderEditor</name>
    <message>
        <source>e.g. girls under 18 in Gasabo; free of charge</source>
        <translation>p. ex. filles de moins de 18 ans à Gasabo ; gratuit</translation>
    </message>
    <message>
        <source>In &amp;use for new referrals</source>
        <translation>&amp;Utilisé pour les nouvelles orientations</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>No&amp;m</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>Personne à &amp;contacter</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>Who can be &amp;referred</source>
        <translation>Qui peut y être o&amp;rienté</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No: not offered for new referrals</source>
        <translation>Non : pas proposé pour les nouvelles orientations</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Nouveau prestataire</translation>
    </message>
    <message>
        <source>{name} (not in use)</source>
        <translation>{name} (plus utilisé)</translation>
    </message>
</context>
<context>
    <name>ProviderField</name>
    <message>
        <source>Choose from the directory, or type</source>
        <translation>Choisissez dans l&apos;annuaire, ou saisissez un nom</translation>
    </message>
</context>
<context>
    <name>ProviderTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Personne à contacter</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>{name} (not in use)</source>
        <translation>{name} (plus utilisé)</translation>
    </message>
    <message>
        <source>Not in use: no longer offered for new referrals.</source>
        <translation>Plus utilisé : n&apos;est plus proposé pour les nouvelles orientations.</translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <source>Service providers</source>
        <translation>Prestataires de services</translation>
    </message>
    <message>
        <source>Local organisations the agency refers children and families to. Supervisors and administrators keep this list up to date.</source>
        <translation>Les organisations locales vers lesquelles l&apos;agence oriente les enfants et les familles. Les superviseurs et les administrateurs tiennent cette liste à jour.</translation>
    </message>
    <message>
        <source>Local organisations the agency refers children and families to. Ask your supervisor to add a provider or correct one.</source>
        <translation>Les organisations locales vers lesquelles l&apos;agence oriente les enfants et les familles. Demandez à votre superviseur d&apos;ajouter ou de corriger un prestataire.</translation>
    </message>
    <message>
        <source>Name, service, place…</source>
        <translation>Nom, service, lieu…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>C&amp;hercher</translation>
    </message>
    <message>
        <source>&amp;New provider</source>
        <translation>&amp;Nouveau prestataire</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Reading the directory…</source>
        <translation>Lecture de l&apos;annuaire…</translation>
    </message>
    <message>
        <source>No providers yet: fill in the first one on the right.</source>
        <translation>Aucun prestataire pour l&apos;instant : remplissez le premier à droite.</translation>
    </message>
    <message>
        <source>No providers yet.</source>
        <translation>Aucun prestataire pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No provider matches “{text}”.</source>
        <translation>Aucun prestataire ne correspond à « {text} ».</translation>
    </message>
    <message>
        <source>Type the provider&apos;s name.</source>
        <translation>Saisissez le nom du prestataire.</translation>
    </message>
    <message>
        <source>Tick at least one service this provider offers.</source>
        <translation>Cochez au moins un service offert par ce prestataire.</translation>
    </message>
    <message>
        <source>{name} was added to the directory.</source>
        <translation>{name} a été ajouté à l&apos;annuaire.</translation>
    </message>
    <message>
        <source>The changes to {name} were saved.</source>
        <translation>Les modifications de {name} ont été enregistrées.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>the new provider</source>
        <translation>le nouveau prestataire</translation>
    </message>
    <message>
        <source>The details of {name} were changed but not saved. Save them now?</source>
        <translation>Les informations de {name} ont été modifiées mais pas enregistrées. Les enregistrer maintenant ?</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Back to the stage:</source>
        <translation>Revenir à l&apos;étape :</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>{name} – {n} open cases</source>
        <translation>{name} – {n} dossiers ouverts</translation>
    </message>
    <message>
        <source>Reassign cases</source>
        <translation>Réattribuer des dossiers</translation>
    </message>
    <message>
        <source>Give case {number} to another worker.</source>
        <translation>Confier le dossier {number} à un autre travailleur.</translation>
    </message>
    <message>
        <source>Give these {n} cases to another worker: {numbers}.</source>
        <translation>Confier ces {n} dossiers à un autre travailleur : {numbers}.</translation>
    </message>
    <message>
        <source>Their open tasks go with them.</source>
        <translation>Leurs tâches ouvertes suivent.</translation>
    </message>
    <message>
        <source>Choose who takes them</source>
        <translation>Choisissez qui les reprend</translation>
    </message>
    <message>
        <source>e.g. Cara is on leave until March</source>
        <translation>p. ex. Cara est en congé jusqu&apos;en mars</translation>
    </message>
    <message>
        <source>&amp;Give to</source>
        <translation>&amp;Confier à</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>&amp;Pourquoi</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>&amp;Réattribuer</translation>
    </message>
    <message>
        <source>Choose who takes the cases.</source>
        <translation>Choisissez qui reprend les dossiers.</translation>
    </message>
    <message>
        <source>Say why: the reason is kept in each case&apos;s history.</source>
        <translation>Dites pourquoi : la raison est gardée dans l&apos;historique de chaque dossier.</translation>
    </message>
</context>
<context>
    <name>ReceivedTab</name>
    <message>
        <source>Package received</source>
        <translation>Paquet reçu</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>{kind} from {agency} ({code}), their case {number}, received {date}</source>
        <translation>{kind} de {agency} ({code}), leur dossier {number}, reçu le {date}</translation>
    </message>
    <message>
        <source>Sho&amp;w their transfer form</source>
        <translation>Voir leur fiche de &amp;transfert</translation>
    </message>
    <message>
        <source>Kept as the other agency sent it, beside our records: it cannot be changed here. Our own forms are in the Forms tab.</source>
        <translation>Conservé tel que l&apos;autre organisme l&apos;a envoyé, à côté de nos dossiers : rien ne peut y être modifié. Nos propres formulaires sont dans l&apos;onglet Formulaires.</translation>
    </message>
    <message>
        <source>Their history
{n} events</source>
        <translation>Leur historique
{n} événements</translation>
    </message>
    <message>
        <source>{form}
version {n}, {date}, {who}</source>
        <translation>{form}
version {n}, {date}, {who}</translation>
    </message>
    <message>
        <source>At {agency}</source>
        <translation>Chez {agency}</translation>
    </message>
</context>
<context>
    <name>RecoveryKey</name>
    <message>
        <source>Ulinzi recovery key</source>
        <translation>Clé de secours Ulinzi</translation>
    </message>
    <message>
        <source>Agency code</source>
        <translation>Code de l&apos;agence</translation>
    </message>
    <message>
        <source>Created on {date}</source>
        <translation>Créée le {date}</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de secours</translation>
    </message>
    <message>
        <source>8 groups of 5 letters and digits. There is no letter I, L, O or U: 0 and 1 are always digits. The last character of each group is a check, so Ulinzi can tell which group was mistyped.</source>
        <translation>8 groupes de 5 lettres et chiffres. Il n&apos;y a pas de lettre I, L, O ni U&#xa0;: 0 et 1 sont toujours des chiffres. Le dernier caractère de chaque groupe sert de contrôle, ce qui permet à Ulinzi de dire quel groupe a été mal saisi.</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>À quoi elle sert</translation>
    </message>
    <message>
        <source>This key opens the agency&apos;s encrypted Ulinzi store. It is the only way back in if every administrator password is lost: with it, a new password can be set for an account. Whoever holds this key can open every case file, so guard it like the case files themselves.</source>
        <translation>Cette clé ouvre la base chiffrée Ulinzi de l&apos;agence. C&apos;est le seul moyen d&apos;y revenir si tous les mots de passe des administrateurs sont perdus&#xa0;: avec elle, on peut donner un nouveau mot de passe à un compte. Quiconque détient cette clé peut ouvrir tous les dossiers des enfants&#xa0;: protégez-la comme les dossiers eux-mêmes.</translation>
    </message>
    <message>
        <source>How to keep it</source>
        <translation>Comment la conserver</translation>
    </message>
    <message>
        <source>Keep this sheet in a sealed envelope in the office safe. Never photograph it, scan it, e-mail it or send it by phone message, and keep no copy on any computer. If it is lost, or someone else may have seen it, an administrator must make a new recovery key at once: the old one then stops working.</source>
        <translation>Gardez cette feuille dans une enveloppe scellée, dans le coffre-fort du bureau. Ne la photographiez pas, ne la scannez pas, ne l&apos;envoyez ni par e-mail ni par message, et n&apos;en gardez aucune copie sur un ordinateur. Si elle est perdue, ou si quelqu&apos;un d&apos;autre a pu la voir, un administrateur doit créer sans attendre une nouvelle clé de secours&#xa0;: l&apos;ancienne cesse alors de fonctionner.</translation>
    </message>
    <message>
        <source>Who may use it</source>
        <translation>Qui peut l&apos;utiliser</translation>
    </message>
    <message>
        <source>Only the head of the office, or an administrator they name, and only when no administrator can sign in. Write each use in the office register, then make a new recovery key.</source>
        <translation>Seulement le ou la chef de bureau, ou un administrateur désigné par lui ou elle, et seulement quand aucun administrateur ne peut se connecter. Notez chaque utilisation dans le registre du bureau, puis créez une nouvelle clé de secours.</translation>
    </message>
    <message>
        <source>:</source>
        <translation>&#xa0;:</translation>
    </message>
    <message>
        <source>Stored by</source>
        <translation>Rangée par</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>CONFIDENTIAL</source>
        <translation>CONFIDENTIEL</translation>
    </message>
    <message>
        <source>Do not copy, photograph or send this page.</source>
        <translation>Ne pas copier, photographier ni envoyer cette page.</translation>
    </message>
    <message>
        <source>DEMO store with made-up data: this key opens only the demo store.</source>
        <translation>Base de DÉMONSTRATION aux données inventées&#xa0;: cette clé n&apos;ouvre que la base de démonstration.</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
</context>
<context>
    <name>Reintegration</name>
    <message>
        <source>Family tracing: {outcome}.</source>
        <translation>Recherche de la famille : {outcome}.</translation>
    </message>
    <message>
        <source>Family assessment {n}: {family}; can care for the child: {capacity}; {advice}.</source>
        <translation>Évaluation de la famille {n} : {family} ; peut prendre soin de l&apos;enfant : {capacity} ; {advice}.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Placement review</source>
        <translation>Réexamen du placement</translation>
    </message>
    <message>
        <source>Review the placement with the child, the carer and the family: is it still in the child&apos;s best interests, and how is the return to the family going?</source>
        <translation>Réexaminez le placement avec l&apos;enfant, la personne qui l&apos;accueille et la famille : est-il toujours dans l&apos;intérêt supérieur de l&apos;enfant, et où en est le retour en famille ?</translation>
    </message>
    <message>
        <source>Reviewed &amp;on:</source>
        <translation>Réexaminé &amp;le :</translation>
    </message>
    <message>
        <source>Is the placement still in the child&apos;s best interests?</source>
        <translation>Le placement est-il toujours dans l&apos;intérêt supérieur de l&apos;enfant ?</translation>
    </message>
    <message>
        <source>The child&apos;s &amp;views:</source>
        <translation>L&apos;&amp;avis de l&apos;enfant :</translation>
    </message>
    <message>
        <source>&amp;Notes (how reintegration is going, what changes):</source>
        <translation>&amp;Notes (où en est la réintégration, ce qui change) :</translation>
    </message>
    <message>
        <source>Ne&amp;xt review by:</source>
        <translation>Prochain réexamen a&amp;vant le :</translation>
    </message>
    <message>
        <source>&amp;Save the review</source>
        <translation>&amp;Enregistrer le réexamen</translation>
    </message>
    <message>
        <source>Answer whether the placement is still in the child&apos;s best interests.</source>
        <translation>Répondez si le placement est toujours dans l&apos;intérêt supérieur de l&apos;enfant.</translation>
    </message>
    <message>
        <source>A review is held between the day the placement started and today.</source>
        <translation>Un réexamen a lieu entre le jour où le placement a commencé et aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>The next review comes after this one.</source>
        <translation>Le prochain réexamen vient après celui-ci.</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Move the case conference</source>
        <translation>Déplacer la conférence de cas</translation>
    </message>
    <message>
        <source>Schedule a case conference</source>
        <translation>Programmer une conférence de cas</translation>
    </message>
    <message>
        <source>A case conference is a planned meeting of the people who work with the child. Invite only those who need to know and whom the consent covers; meet in a place where you cannot be overheard.</source>
        <translation>Une conférence de cas est une réunion prévue des personnes qui travaillent avec l&apos;enfant. N&apos;invitez que celles qui ont besoin de savoir et que le consentement couvre ; réunissez-vous dans un lieu où personne ne peut vous entendre.</translation>
    </message>
    <message>
        <source>e.g. District office, meeting room 2</source>
        <translation>p. ex. Bureau du district, salle de réunion 2</translation>
    </message>
    <message>
        <source>What the conference is for</source>
        <translation>À quoi sert la conférence</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Date et heure :</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lieu :</translation>
    </message>
    <message>
        <source>C&amp;haired by:</source>
        <translation>Pr&amp;ésidée par :</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>&amp;Objet :</translation>
    </message>
    <message>
        <source>&amp;Which other purpose:</source>
        <translation>&amp;Quel autre objet :</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Programmer</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Déplacer</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Print a case summary</source>
        <translation>Imprimer un résumé du dossier</translation>
    </message>
    <message>
        <source>Choose what the reader needs to know. The child&apos;s identity and the case number are always printed.</source>
        <translation>Choisissez ce que le lecteur doit savoir. L&apos;identité de l&apos;enfant et le numéro du dossier sont toujours imprimés.</translation>
    </message>
    <message>
        <source>Prepared &amp;for (optional):</source>
        <translation>Préparé &amp;pour (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. the case conference of 12 March</source>
        <translation>par ex. la conférence de cas du 12 mars</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Aperçu</translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message>
        <source>Record a supervision session</source>
        <translation>Enregistrer une séance de supervision</translation>
    </message>
    <message>
        <source>last supervised {date}</source>
        <translation>dernière supervision le {date}</translation>
    </message>
    <message>
        <source>never supervised here</source>
        <translation>jamais supervisé ici</translation>
    </message>
    <message>
        <source>Cases discussed</source>
        <translation>Dossiers discutés</translation>
    </message>
    <message>
        <source>What was decided, for which case, by whom</source>
        <translation>Ce qui a été décidé, pour quel dossier, par qui</translation>
    </message>
    <message>
        <source>What happens next, and by when</source>
        <translation>Ce qui suit, et pour quand</translation>
    </message>
    <message>
        <source>&amp;Caseworker</source>
        <translation>&amp;Gestionnaire de cas</translation>
    </message>
    <message>
        <source>&amp;Date of the session</source>
        <translation>&amp;Date de la séance</translation>
    </message>
    <message>
        <source>Cases &amp;discussed</source>
        <translation>&amp;Dossiers discutés</translation>
    </message>
    <message>
        <source>D&amp;ecisions</source>
        <translation>D&amp;écisions</translation>
    </message>
    <message>
        <source>&amp;Follow-up</source>
        <translation>&amp;Suivi</translation>
    </message>
    <message>
        <source>Only this caseworker, supervisors and managers read supervision notes. They are never printed on a case document nor sent with a case.</source>
        <translation>Seuls ce gestionnaire de cas, les superviseurs et les responsables lisent les notes de supervision. Elles ne sont jamais imprimées sur un document de dossier ni envoyées avec un dossier.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Choose the caseworker.</source>
        <translation>Choisissez le gestionnaire de cas.</translation>
    </message>
</context>
<context>
    <name>SupervisionNotesDialog</name>
    <message>
        <source>Supervision notes</source>
        <translation>Notes de supervision</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Cases discussed</source>
        <translation>Dossiers discutés</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>No supervision session is recorded yet.</source>
        <translation>Aucune séance de supervision n’est encore enregistrée.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <source>Assign supervisor</source>
        <translation>Attribuer un superviseur</translation>
    </message>
    <message>
        <source>Choose whose team {person} belongs to. The supervisor sees the cases of their team and approves plans and closures.</source>
        <translation>Choisissez l&apos;équipe à laquelle {person} appartient. Le superviseur voit les cas de son équipe et approuve les plans et les clôtures.</translation>
    </message>
    <message>
        <source>No supervisor</source>
        <translation>Aucun superviseur</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Superviseur</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Attribuer</translation>
    </message>
    <message>
        <source>{name} is now in the team of {boss}.</source>
        <translation>{name} fait maintenant partie de l&apos;équipe supervisée par {boss}.</translation>
    </message>
    <message>
        <source>{name} has no supervisor now.</source>
        <translation>{name} n&apos;a plus de superviseur.</translation>
    </message>
</context>
<context>
    <name>SupervisorQueueWidget</name>
    <message>
        <source>Waiting since</source>
        <translation>En attente depuis</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>À approuver</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Demandé par</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <source>Return with a &amp;comment…</source>
        <translation>Renvoyer avec un &amp;commentaire…</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>&amp;Ouvrir le cas</translation>
    </message>
    <message>
        <source>Caseload per caseworker (guideline: 15 to 30 open cases)</source>
        <translation>Charge de travail par gestionnaire de cas (repère : 15 à 30 cas ouverts)</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Cas ouverts</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Charge de travail</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Tâches en retard</translation>
    </message>
    <message>
        <source>Due in 7 days</source>
        <translation>Échéance sous 7 jours</translation>
    </message>
    <message>
        <source>Last supervised</source>
        <translation>Dernière supervision</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Record a super&amp;vision session…</source>
        <translation>Enregistrer une séance de super&amp;vision…</translation>
    </message>
    <message>
        <source>S&amp;upervision notes…</source>
        <translation>Notes de s&amp;upervision…</translation>
    </message>
    <message>
        <source>Waiting for your decision: {n}</source>
        <translation>En attente de votre décision : {n}</translation>
    </message>
    <message>
        <source>{n} requests wait for a decision; {mine} of them are yours to decide (choose one to see why another is not).</source>
        <translation>{n} demandes attendent une décision ; {mine} d&apos;entre elles sont à vous de décider (choisissez-en une pour voir pourquoi une autre ne l&apos;est pas).</translation>
    </message>
    <message>
        <source>never</source>
        <comment>supervised</comment>
        <translation>jamais</translation>
    </message>
    <message>
        <source>This request is not yours to decide.</source>
        <translation>Ce n&apos;est pas à vous de décider de cette demande.</translation>
    </message>
    <message>
        <source>Overdue in the team: {n}</source>
        <translation>En retard dans l&apos;équipe : {n}</translation>
    </message>
</context>
<context>
    <name>TasksWidget</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>S&amp;upervision notes…</source>
        <translation>Notes de s&amp;upervision…</translation>
    </message>
    <message>
        <source>Double-click a task, or press Enter, to open the form that does it.</source>
        <translation>Double-cliquez sur une tâche, ou appuyez sur Entrée, pour ouvrir le formulaire correspondant.</translation>
    </message>
    <message>
        <source>My tasks: {late} overdue, {soon} due in the next 7 days</source>
        <translation>Mes tâches : {late} en retard, {soon} à faire dans les 7 prochains jours</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>{name}&apos;s team</source>
        <translation>Équipe de {name}</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Active, no password</source>
        <translation>Actif, sans mot de passe</translation>
    </message>
    <message>
        <source>Cannot sign in. The name stays in the case history.</source>
        <translation>Ne peut pas se connecter. Le nom reste dans l&apos;historique des cas.</translation>
    </message>
    <message>
        <source>This account has no password yet: reset its password.</source>
        <translation>Ce compte n&apos;a pas encore de mot de passe : réinitialisez son mot de passe.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>The people who may sign in to the case files on this computer. Select someone to reset their password, change their team or deactivate their account.</source>
        <translation>Les personnes autorisées à se connecter aux dossiers de cet ordinateur. Sélectionnez une personne pour réinitialiser son mot de passe, changer son équipe ou désactiver son compte.</translation>
    </message>
    <message>
        <source>&amp;Add a staff account…</source>
        <translation>&amp;Ajouter un compte du personnel…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>Reac&amp;tivate…</source>
        <translation>Réac&amp;tiver…</translation>
    </message>
    <message>
        <source>Assign &amp;supervisor…</source>
        <translation>Attribuer un &amp;superviseur…</translation>
    </message>
    <message>
        <source>Only your account exists yet. Start by adding the staff accounts: caseworkers, supervisors and managers (each changes a temporary password at first sign-in).</source>
        <translation>Seul votre compte existe pour l&apos;instant. Commencez par ajouter les comptes du personnel : gestionnaires de cas, superviseurs et responsables (chacun change un mot de passe temporaire à sa première connexion).</translation>
    </message>
    <message>
        <source>Deactivate the account of {person}?

Their password stops working at once: their key to the case files is removed from this computer. Their name stays in the case history and the audit log.

You can reactivate the account later with a new temporary password.</source>
        <translation>Désactiver ce compte : {person} ?

Son mot de passe cesse aussitôt de fonctionner : sa clé d&apos;accès aux dossiers est retirée de cet ordinateur. Son nom reste dans l&apos;historique des cas et dans le journal d&apos;audit.

Vous pourrez réactiver le compte plus tard avec un nouveau mot de passe temporaire.</translation>
    </message>
    <message>
        <source>Deactivate account</source>
        <translation>Désactiver le compte</translation>
    </message>
    <message>
        <source>{name} can no longer sign in.</source>
        <translation>{name} ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>Deactivating…</source>
        <translation>Désactivation…</translation>
    </message>
</context>
<context>
    <name>YesNoField</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>_AccountDialog</name>
    <message>
        <source>&amp;Temporary password</source>
        <translation>Mot de passe &amp;temporaire</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Robustesse</translation>
    </message>
    <message>
        <source>Give this password to the person privately. They must choose their own password when they next sign in.</source>
        <translation>Remettez ce mot de passe à la personne en privé. Elle devra choisir son propre mot de passe lors de sa prochaine connexion.</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>&amp;Retapez le mot de passe</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>The temporary password needs at least {n} characters.</source>
        <translation>Le mot de passe temporaire doit comporter au moins {n} caractères.</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>Les deux mots de passe sont différents : saisissez deux fois le même mot de passe.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>The whole agency</source>
        <translation>Toute l’agence</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>Mon équipe</translation>
    </message>
    <message>
        <source>My own cases</source>
        <translation>Mes propres dossiers</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>{n}%</source>
        <translation>{n} %</translation>
    </message>
    <message>
        <source>checked on {date}</source>
        <translation>vérifié le {date}</translation>
    </message>
    <message>
        <source>Record it in Administration</source>
        <translation>À enregistrer dans Administration</translation>
    </message>
    <message>
        <source>{n} of {d}</source>
        <translation>{n} sur {d}</translation>
    </message>
    <message>
        <source>Target: {n}%</source>
        <translation>Cible : {n} %</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>{n} cases you may see. Double-click one, or press Enter, to open it.</source>
        <translation>{n} dossiers que vous pouvez voir. Double-cliquez sur l’un d’eux, ou appuyez sur Entrée, pour l’ouvrir.</translation>
    </message>
    <message>
        <source>No case you may see is behind this figure.</source>
        <translation>Aucun dossier que vous pouvez voir n’est derrière ce chiffre.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>deidentified</name>
    <message>
        <source>Pseudonymous code (not the case number)</source>
        <translation>Code pseudonyme (pas le numéro de dossier)</translation>
    </message>
    <message>
        <source>Month of registration</source>
        <translation>Mois d’enregistrement</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Age band at registration (0–4, 5–9, 10–14, 15–17, 18+)</source>
        <translation>Tranche d’âge à l’enregistrement (0–4, 5–9, 10–14, 15–17, 18+)</translation>
    </message>
    <message>
        <source>Main protection concern</source>
        <translation>Principale préoccupation de protection</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Status (open, closed, transferred)</source>
        <translation>Statut (ouvert, clôturé, transféré)</translation>
    </message>
    <message>
        <source>Reason for closure</source>
        <translation>Motif de clôture</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Niveau de risque</translation>
    </message>
    <message>
        <source>District (no village, no address)</source>
        <translation>District (ni village, ni adresse)</translation>
    </message>
    <message>
        <source>Initial assessment within its deadline</source>
        <translation>Évaluation initiale dans son délai</translation>
    </message>
    <message>
        <source>Full assessment within its deadline</source>
        <translation>Évaluation complète dans son délai</translation>
    </message>
    <message>
        <source>Case plan within its deadline</source>
        <translation>Plan de prise en charge dans son délai</translation>
    </message>
    <message>
        <source>One row per case of the agency, with only the columns chosen. Each value is a code, a month or a band. The codes are drawn anew for every export, so two files cannot be joined. A district that fewer than {k} cases share is written “other”.</source>
        <translation>Une ligne par dossier de l’organisme, avec seulement les colonnes choisies. Chaque valeur est un code, un mois ou une tranche. Les codes sont tirés à nouveau à chaque export : deux fichiers ne peuvent pas être rapprochés. Un district que partagent moins de {k} dossiers est écrit «&#xa0;other&#xa0;» (autre).</translation>
    </message>
    <message>
        <source>Any name (of a child, a family member or a staff member), case number, date of birth or other exact date, address or village, or anything typed as text in a form.</source>
        <translation>Aucun nom (d’enfant, de membre de la famille ou du personnel), aucun numéro de dossier, aucune date de naissance ni autre date exacte, aucune adresse ni aucun village, rien de ce qui a été saisi comme texte dans un formulaire.</translation>
    </message>
    <message>
        <source>Suppressing small cells replaces, in each column, a value that fewer than {k} cases share with “suppressed”. Columns taken together can still point to one child: share the file only with people entitled to these figures, and delete it when the work is done. The export is recorded in the audit log (its columns and row count, not its content).</source>
        <translation>Masquer les petits effectifs remplace, dans chaque colonne, une valeur que partagent moins de {k} dossiers par «&#xa0;suppressed&#xa0;» (masqué). Les colonnes prises ensemble peuvent encore désigner un enfant : ne partagez le fichier qu’avec des personnes autorisées à voir ces chiffres, et supprimez-le quand le travail est fait. L’export est inscrit au journal d’audit (ses colonnes et son nombre de lignes, pas son contenu).</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong.</source>
        <translation>Un problème est survenu.</translation>
    </message>
    <message>
        <source>There is no Ulinzi store in {folder}.</source>
        <translation>Il n&apos;y a pas de coffre Ulinzi dans {folder}.</translation>
    </message>
    <message>
        <source>{folder} already holds files; choose an empty folder for a new store.</source>
        <translation>{folder} contient déjà des fichiers ; choisissez un dossier vide pour un nouveau coffre.</translation>
    </message>
    <message>
        <source>This store is already open on this computer by {owner} (program {pid}, since {since}). Close Ulinzi there first.</source>
        <translation>Ce coffre est déjà ouvert sur cet ordinateur par {owner} (programme {pid}, depuis {since}). Fermez d&apos;abord Ulinzi dans cette autre session.</translation>
    </message>
    <message>
        <source>Another program on this computer has this store&apos;s database open. Close every Ulinzi window and any other program using the store, then try again; nothing was changed.</source>
        <translation>Un autre programme de cet ordinateur a ouvert la base de données de ce coffre. Fermez toutes les fenêtres d&apos;Ulinzi et tout autre programme qui utilise le coffre, puis réessayez ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The username or password is not correct.</source>
        <translation>Le nom d&apos;utilisateur ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>This recovery key does not open this store. Check each group against the paper copy.</source>
        <translation>Cette clé de récupération n&apos;ouvre pas ce coffre. Vérifiez chaque groupe par rapport à la copie papier.</translation>
    </message>
    <message>
        <source>Group {group} of the recovery key looks mistyped: check it against the paper copy.</source>
        <translation>Le groupe {group} de la clé de récupération semble mal saisi : vérifiez-le par rapport à la copie papier.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait {seconds} seconds before trying again.</source>
        <translation>Trop de tentatives échouées. Attendez {seconds} secondes avant de réessayer.</translation>
    </message>
    <message>
        <source>The store&apos;s database is damaged ({detail}). The password was right: do not keep trying. Ask an administrator to restore the latest backup.</source>
        <translation>La base de données du coffre est endommagée ({detail}). Le mot de passe était correct : inutile de réessayer. Demandez à un administrateur de restaurer la dernière sauvegarde.</translation>
    </message>
    <message>
        <source>The database is older than the last change this store recorded (audit event {expected}, the database ends at {found}). It may have been replaced by an older copy; changes may be missing. Ask an administrator to run `ulinzi check`.</source>
        <translation>La base de données est plus ancienne que la dernière modification enregistrée par ce coffre (événement d&apos;audit {expected}, la base de données s&apos;arrête à {found}). Elle a peut-être été remplacée par une copie plus ancienne ; des modifications pourraient manquer. Demandez à un administrateur d&apos;exécuter `ulinzi check`.</translation>
    </message>
    <message>
        <source>Part of the database is older than the last change this store recorded ({cases} issued here are missing). It may have been replaced by an older copy. Ask an administrator to run `ulinzi check`.</source>
        <translation>Une partie de la base de données est plus ancienne que la dernière modification enregistrée par ce dossier ({cases} attribués ici sont absents). Elle a peut-être été remplacée par une copie plus ancienne. Demandez à un administrateur de lancer `ulinzi check`.</translation>
    </message>
    <message>
        <source>The store&apos;s key file is damaged or not an Ulinzi key file: {detail}.</source>
        <translation>Le fichier de clés du coffre est endommagé ou n&apos;est pas un fichier de clés Ulinzi : {detail}.</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved and nothing else was changed. Free some space on the disk and try again.</source>
        <translation>Le disque est plein : la modification n&apos;a pas été enregistrée et rien d&apos;autre n&apos;a été modifié. Libérez de l&apos;espace sur le disque et réessayez.</translation>
    </message>
    <message>
        <source>You do not have permission to {action}.</source>
        <translation>Vous n&apos;avez pas l&apos;autorisation pour cette action : {action}.</translation>
    </message>
    <message>
        <source>{what} was not found.</source>
        <translation>{what} est introuvable.</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>The password must have at least {minimum} characters.</source>
        <translation>Le mot de passe doit comporter au moins {minimum} caractères.</translation>
    </message>
    <message>
        <source>The store&apos;s record of its last change ({file}) is missing or damaged. This store has kept one since it was created, so the database may be an older copy and changes may be missing. Nothing was changed. Ask an administrator to run `ulinzi check`.</source>
        <translation>Le relevé de la dernière modification du coffre ({file}) est manquant ou endommagé. Ce coffre en tient un depuis sa création : la base de données est peut-être une copie plus ancienne et des modifications peuvent manquer. Rien n&apos;a été modifié. Demandez à un administrateur d&apos;exécuter `ulinzi check`.</translation>
    </message>
    <message>
        <source>The store&apos;s record of its last change ({file}) is older than the database (it ends at audit event {seen}, the database at {last}). An older copy of it was put back, and with it the history since could be rewritten. Nothing was changed. Ask an administrator to run `ulinzi check`.</source>
        <translation>Le relevé de la dernière modification du coffre ({file}) est plus ancien que la base de données (il s&apos;arrête à l&apos;événement du journal {seen}, la base de données à {last}). Une copie plus ancienne a été remise à sa place, ce qui permettrait de réécrire l&apos;historique depuis. Rien n&apos;a été modifié. Demandez à un administrateur d&apos;exécuter `ulinzi check`.</translation>
    </message>
    <message>
        <source>The store&apos;s history was changed after it was written (audit event {seq} {problem}). Nothing was changed. Ask an administrator to run `ulinzi check`.</source>
        <translation>L&apos;historique du coffre a été modifié après avoir été écrit (événement d&apos;audit {seq} : {problem}). Rien n&apos;a été modifié. Demandez à un administrateur d&apos;exécuter `ulinzi check`.</translation>
    </message>
    <message>
        <source>The database&apos;s journal of recent changes is damaged: changes recorded as audit events {first} to {last}{cases} are missing. A copy of the damaged journal was kept in {copy}. Nothing was changed. Ask an administrator to run `ulinzi check` and restore the latest backup.</source>
        <translation>Le journal des modifications récentes de la base de données est endommagé : les modifications enregistrées comme événements d&apos;audit {first} à {last}{cases} manquent. Une copie du journal endommagé a été gardée dans {copy}. Rien n&apos;a été modifié. Demandez à un administrateur d&apos;exécuter `ulinzi check` et de restaurer la dernière sauvegarde.</translation>
    </message>
    <message>
        <source>Part of the store&apos;s database is damaged and could not be read. Nothing was changed. Ask an administrator to run `ulinzi check`, then restore the latest backup if it finds damage.</source>
        <translation>Une partie de la base de données du coffre est endommagée et n&apos;a pas pu être lue. Rien n&apos;a été modifié. Demandez à un administrateur d&apos;exécuter `ulinzi check`, puis de restaurer la dernière sauvegarde s&apos;il trouve des dommages.</translation>
    </message>
    <message>
        <source>The store is locked. Sign in again to continue.</source>
        <translation>Le coffre est verrouillé. Reconnectez-vous pour continuer.</translation>
    </message>
    <message>
        <source>A recovery key has {groups} groups of {size} letters and digits.</source>
        <translation>Une clé de récupération comporte {groups} groupes de {size} lettres et chiffres.</translation>
    </message>
    <message>
        <source>Roles are: {names}.</source>
        <translation>Les rôles possibles sont : {names}.</translation>
    </message>
    <message>
        <source>A user needs at least one role.</source>
        <translation>Un utilisateur doit avoir au moins un rôle.</translation>
    </message>
    <message>
        <source>Facility staff see only the children placed at their facility, so their account cannot also be a caseworker&apos;s, a supervisor&apos;s or a manager&apos;s. Give the person a second account for that work.</source>
        <translation>Le personnel d&apos;un établissement ne voit que les enfants placés dans cet établissement : son compte ne peut pas être aussi celui d&apos;un gestionnaire de cas, d&apos;un superviseur ou d&apos;un responsable. Donnez à cette personne un second compte pour ce travail.</translation>
    </message>
    <message>
        <source>A name holds bytes that are not text (not UTF-8).</source>
        <translation>Un nom contient des octets qui ne sont pas du texte (pas de l’UTF-8).</translation>
    </message>
    <message>
        <source>The agency code has 2 to 10 letters or digits, e.g. KGL.</source>
        <translation>Le code de l&apos;organisme comporte 2 à 10 lettres ou chiffres, p. ex. KGL.</translation>
    </message>
    <message>
        <source>The agency needs a name.</source>
        <translation>L&apos;organisme doit avoir un nom.</translation>
    </message>
    <message>
        <source>There is no active account named {name}.</source>
        <translation>Il n&apos;existe aucun compte actif nommé {name}.</translation>
    </message>
    <message>
        <source>{name} still holds {n} open cases. Give them to another worker first: Administration → Users → Deactivate asks who takes them, or `ulinzi reassign --from {name} --to USERNAME --reason TEXT`.</source>
        <translation>{name} suit encore {n} dossiers ouverts. Confiez-les d&apos;abord à un autre travailleur : Administration → Utilisateurs → Désactiver demande qui les reprend, ou `ulinzi reassign --from {name} --to USERNAME --reason TEXT`.</translation>
    </message>
    <message>
        <source>There is no account named {name}.</source>
        <translation>Il n&apos;existe aucun compte nommé {name}.</translation>
    </message>
    <message>
        <source>add users</source>
        <translation>ajouter des utilisateurs</translation>
    </message>
    <message>
        <source>The username {name} is already taken.</source>
        <translation>Le nom d&apos;utilisateur {name} est déjà pris.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Le nouveau mot de passe doit être différent de l&apos;actuel.</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>Le mot de passe actuel est incorrect.</translation>
    </message>
    <message>
        <source>set other people&apos;s passwords</source>
        <translation>définir le mot de passe d&apos;autres personnes</translation>
    </message>
    <message>
        <source>The account {name} has been removed.</source>
        <translation>Le compte {name} a été supprimé.</translation>
    </message>
    <message>
        <source>remove users</source>
        <translation>supprimer des utilisateurs</translation>
    </message>
    <message>
        <source>You cannot remove your own account.</source>
        <translation>Vous ne pouvez pas supprimer votre propre compte.</translation>
    </message>
    <message>
        <source>{name} supervises {n} people: give them another supervisor first (Administration → Users → Assign supervisor).</source>
        <translation>{name} supervise {n} personnes : donnez-leur d&apos;abord un autre superviseur (Administration → Utilisateurs → Attribuer un superviseur).</translation>
    </message>
    <message>
        <source>The store must keep at least one administrator.</source>
        <translation>Le coffre doit conserver au moins un administrateur.</translation>
    </message>
    <message>
        <source>reactivate users</source>
        <translation>réactiver des utilisateurs</translation>
    </message>
    <message>
        <source>The account {name} is already active.</source>
        <translation>Le compte {name} est déjà actif.</translation>
    </message>
    <message>
        <source>assign supervisors</source>
        <translation>attribuer des superviseurs</translation>
    </message>
    <message>
        <source>{name} is not a supervisor who can take this team.</source>
        <translation>{name} n&apos;est pas un superviseur pouvant prendre en charge cette équipe.</translation>
    </message>
    <message>
        <source>list the users</source>
        <translation>afficher la liste des utilisateurs</translation>
    </message>
    <message>
        <source>re-key the store</source>
        <translation>changer les clés du coffre</translation>
    </message>
    <message>
        <source>make a new recovery key</source>
        <translation>créer une nouvelle clé de récupération</translation>
    </message>
    <message>
        <source>An agenda has at most {max} items.</source>
        <translation>Un ordre du jour compte au plus {max} points.</translation>
    </message>
    <message>
        <source>An agenda item is too long: at most 200 characters.</source>
        <translation>Un point de l&apos;ordre du jour est trop long : 200 caractères au plus.</translation>
    </message>
    <message>
        <source>change the agency settings</source>
        <translation>modifier les paramètres de l&apos;organisme</translation>
    </message>
    <message>
        <source>The screen locks after 1 to 120 idle minutes.</source>
        <translation>L&apos;écran se verrouille après 1 à 120 minutes d&apos;inactivité.</translation>
    </message>
    <message>
        <source>Every deadline must be at least 1.</source>
        <translation>Chaque délai doit être d&apos;au moins 1.</translation>
    </message>
    <message>
        <source>The latest time for the initial assessment cannot be before the usual one.</source>
        <translation>Le délai maximal de l&apos;évaluation initiale ne peut pas être plus court que le délai habituel.</translation>
    </message>
    <message>
        <source>The paper size is A4 or Letter.</source>
        <translation>Le format de papier est A4 ou Letter.</translation>
    </message>
    <message>
        <source>Consent is renewed after 1 to 120 months (12 is the usual).</source>
        <translation>Le consentement est renouvelé après 1 à 120 mois (12 d&apos;habitude).</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG picture.</source>
        <translation>Le logo doit être une image PNG ou JPEG.</translation>
    </message>
    <message>
        <source>The logo file is too large (at most 512 KB).</source>
        <translation>Le fichier du logo est trop volumineux (512 Ko au maximum).</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>Le cas</translation>
    </message>
    <message>
        <source>The form “{form}” is not complete: {field}: {problem}</source>
        <translation>Le formulaire « {form} » n&apos;est pas complet : {field} : {problem}</translation>
    </message>
    <message>
        <source>This referral cannot be saved: the consent form does not record that the caregiver or the child agreed to share information with “{provider}”. Ask them, record their answer in a new version of the consent form (Sharing information: with whom), then make the referral. Your answers are kept as a draft.</source>
        <translation>Cette orientation ne peut pas être enregistrée : le formulaire de consentement n&apos;indique pas que le parent ou tuteur, ou l&apos;enfant, a accepté le partage d&apos;informations avec « {provider} ». Posez-leur la question, notez leur réponse dans une nouvelle version du formulaire de consentement (Avec qui les informations peuvent être partagées), puis faites l&apos;orientation. Vos réponses sont conservées en brouillon.</translation>
    </message>
    <message>
        <source>Someone saved a newer version of “{form}” for this case while you were typing. Your answers are kept as a draft: open the form again to see the newer version.</source>
        <translation>Quelqu&apos;un a enregistré une version plus récente de « {form} » pour ce cas pendant votre saisie. Vos réponses sont conservées en brouillon : rouvrez le formulaire pour voir la version plus récente.</translation>
    </message>
    <message>
        <source>There is no form file {file}.</source>
        <translation>Il n&apos;y a pas de fichier de formulaire {file}.</translation>
    </message>
    <message>
        <source>change the forms</source>
        <translation>modifier les formulaires</translation>
    </message>
    <message>
        <source>{file}: a new form&apos;s file is named with lower-case letters, digits, - and _, ending in .yaml (like placement.yaml).</source>
        <translation>{file} : le fichier d&apos;un nouveau formulaire se nomme avec des minuscules, des chiffres, - et _, et finit par .yaml (comme placement.yaml).</translation>
    </message>
    <message>
        <source>The form “{form}” is already defined by {existing}. To change it, import your edited copy in its place: ulinzi forms import {file} --file {existing}</source>
        <translation>Le formulaire « {form} » est déjà défini par {existing}. Pour le modifier, importez votre copie à sa place : ulinzi forms import {file} --file {existing}</translation>
    </message>
    <message>
        <source>The form “{form}” cannot be removed: {n} case(s) have answers to it. Answers are never deleted; to stop using the form, ask caseworkers not to fill it in.</source>
        <translation>Le formulaire « {form} » ne peut pas être retiré : {n} dossier(s) contiennent des réponses à ce formulaire. Les réponses ne sont jamais supprimées ; pour ne plus l&apos;utiliser, demandez aux travailleurs sociaux de ne plus le remplir.</translation>
    </message>
    <message>
        <source>The minutes of a case conference are written from the case&apos;s Conferences tab.</source>
        <translation>Le procès-verbal d&apos;une conférence de cas se rédige depuis l&apos;onglet Conférences du dossier.</translation>
    </message>
    <message>
        <source>review a case file</source>
        <translation>réviser un dossier</translation>
    </message>
    <message>
        <source>The request</source>
        <translation>La demande</translation>
    </message>
    <message>
        <source>This request was already decided on, or replaced by a newer one.</source>
        <translation>Une décision a déjà été prise sur cette demande, ou elle a été remplacée par une demande plus récente.</translation>
    </message>
    <message>
        <source>Only a closed case can be reopened.</source>
        <translation>Seul un cas clôturé peut être rouvert.</translation>
    </message>
    <message>
        <source>Say why the case is reopened: the reason is kept in its history.</source>
        <translation>Indiquez pourquoi le cas est rouvert : le motif est conservé dans son historique.</translation>
    </message>
    <message>
        <source>The case plan</source>
        <translation>Le plan de prise en charge</translation>
    </message>
    <message>
        <source>The action</source>
        <translation>L&apos;action</translation>
    </message>
    <message>
        <source>open this case</source>
        <translation>ouvrir ce cas</translation>
    </message>
    <message>
        <source>see the supervisor&apos;s queue</source>
        <translation>voir l&apos;espace superviseur</translation>
    </message>
    <message>
        <source>change the service providers</source>
        <translation>modifier les prestataires de services</translation>
    </message>
    <message>
        <source>A provider needs a name.</source>
        <translation>Un prestataire doit avoir un nom.</translation>
    </message>
    <message>
        <source>The provider&apos;s name is too long.</source>
        <translation>Le nom du prestataire est trop long.</translation>
    </message>
    <message>
        <source>There is already a provider named {name}.</source>
        <translation>Il existe déjà un prestataire nommé {name}.</translation>
    </message>
    <message>
        <source>{what} must be one of: {allowed}.</source>
        <translation>{what} : la valeur doit être l&apos;une des suivantes : {allowed}.</translation>
    </message>
    <message>
        <source>register cases</source>
        <translation>enregistrer des cas</translation>
    </message>
    <message>
        <source>A name can have at most {max} characters; this one has {count}. Nothing was cut: shorten it (a nickname will do until the full name is known).</source>
        <translation>Un nom peut compter au plus {max} caractères ; celui-ci en compte {count}. Rien n&apos;a été coupé : raccourcissez-le (un surnom suffit en attendant le nom complet).</translation>
    </message>
    <message>
        <source>The name holds {character}, which cannot be shown on screen or printed: write it another way.</source>
        <translation>Le nom contient {character}, qui ne peut être ni affiché ni imprimé : écrivez-le autrement.</translation>
    </message>
    <message>
        <source>The child&apos;s given name is required.</source>
        <translation>Le prénom de l&apos;enfant est obligatoire.</translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation>La date de naissance ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Niveau de risque</translation>
    </message>
    <message>
        <source>There is no active caseworker named {name}.</source>
        <translation>Il n&apos;existe aucun gestionnaire de cas actif nommé {name}.</translation>
    </message>
    <message>
        <source>assign cases to that caseworker</source>
        <translation>attribuer des cas à ce gestionnaire de cas</translation>
    </message>
    <message>
        <source>These details cannot be changed here: {names}.</source>
        <translation>Ces informations ne peuvent pas être modifiées ici : {names}.</translation>
    </message>
    <message>
        <source>change this case</source>
        <translation>modifier ce cas</translation>
    </message>
    <message>
        <source>A line of standard input is too long to be a password.</source>
        <translation>Une ligne de l’entrée standard est trop longue pour être un mot de passe.</translation>
    </message>
    <message>
        <source>Standard input ended before: {prompt}.</source>
        <translation>L&apos;entrée standard s&apos;est terminée avant : {prompt}.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Les deux saisies sont différentes.</translation>
    </message>
    <message>
        <source>Your password is a temporary one: choose your own first, with `ulinzi user passwd --user {name}`.</source>
        <translation>Votre mot de passe est provisoire : choisissez d&apos;abord le vôtre, avec `ulinzi user passwd --user {name}`.</translation>
    </message>
    <message>
        <source>Name the cases to reassign, or --from USERNAME (not both).</source>
        <translation>Nommez les dossiers à réattribuer, ou --from USERNAME (pas les deux).</translation>
    </message>
    <message>
        <source>accept the database as current</source>
        <translation>accepter la base de données comme version actuelle</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} existe déjà ; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Cannot read {path} as a text file.</source>
        <translation>Impossible de lire {path} comme fichier texte.</translation>
    </message>
    <message>
        <source>Unknown service type: {codes}. The service types are: {known}.</source>
        <translation>Type de service inconnu : {codes}. Les types de service sont : {known}.</translation>
    </message>
    <message>
        <source>The indicators are for a period, not for one case.</source>
        <translation>Les indicateurs portent sur une période, pas sur un dossier.</translation>
    </message>
    <message>
        <source>Say which month with --period YYYY-MM and where to write it with --out.</source>
        <translation>Indiquez le mois avec --period AAAA-MM et où l&apos;écrire avec --out.</translation>
    </message>
    <message>
        <source>Say which DHIS2 mapping file to use with --mapping FILE.</source>
        <translation>Indiquez quel fichier de correspondance DHIS2 utiliser avec --mapping FICHIER.</translation>
    </message>
    <message>
        <source>Only the DHIS2 file is made with a mapping.</source>
        <translation>Seul le fichier DHIS2 se fait avec une correspondance.</translation>
    </message>
    <message>
        <source>--out, --fields, --suppress-small and --key-file are for `ulinzi export cases --deidentified`.</source>
        <translation>--out, --fields, --suppress-small et --key-file servent à `ulinzi export cases --deidentified`.</translation>
    </message>
    <message>
        <source>Say which case with --case NUMBER, the package with --to FILE.ulz, and whom it is for with --recipient AGENCY_CODE or --passphrase-file F.</source>
        <translation>Indiquez le dossier avec --case NUMÉRO, le paquet avec --to FICHIER.ulz, et son destinataire avec --recipient CODE_ORGANISME ou --passphrase-file F.</translation>
    </message>
    <message>
        <source>Write the de-identified cases with: ulinzi export cases --deidentified --out FILE.csv|FILE.xlsx [--fields a,b,c] [--suppress-small] (no case, no package).</source>
        <translation>Écrivez les dossiers anonymisés avec : ulinzi export cases --deidentified --out FICHIER.csv|FICHIER.xlsx [--fields a,b,c] [--suppress-small] (sans dossier ni paquet).</translation>
    </message>
    <message>
        <source>A package shares the child&apos;s information: check the consent (version {version}, given on {day}) with the child and family, then run the command again with --consent-checked.</source>
        <translation>Un paquet partage les informations de l&apos;enfant : vérifiez le consentement (version {version}, donné le {day}) avec l&apos;enfant et la famille, puis relancez la commande avec --consent-checked.</translation>
    </message>
    <message>
        <source>The file {name} is too large (at most {most} MB).</source>
        <translation>Le fichier {name} est trop volumineux (au plus {most} Mo).</translation>
    </message>
    <message>
        <source>Only the indicators are reported for a period and scope.</source>
        <translation>Seuls les indicateurs se calculent pour une période et un périmètre.</translation>
    </message>
    <message>
        <source>Say which case with --case NUMBER and where to write it with --out FILE.</source>
        <translation>Indiquez le dossier avec --case NUMÉRO et où l’écrire avec --out FICHIER.</translation>
    </message>
    <message>
        <source>Only the case summary has sections to choose.</source>
        <translation>Seul le résumé du dossier a des sections à choisir.</translation>
    </message>
    <message>
        <source>Say which conference&apos;s minutes to print with --conference NUMBER.</source>
        <translation>Indiquez avec --conference NUMÉRO de quelle conférence imprimer le procès-verbal.</translation>
    </message>
    <message>
        <source>Only the minutes are printed for one conference.</source>
        <translation>Seul le procès-verbal s&apos;imprime pour une conférence.</translation>
    </message>
    <message>
        <source>{path} is a folder: give the name of a file to write, inside it.</source>
        <translation>{path} est un dossier : donnez le nom d&apos;un fichier à écrire, à l&apos;intérieur.</translation>
    </message>
    <message>
        <source>There is no folder {folder}.</source>
        <translation>Le dossier {folder} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>{folder} holds a Ulinzi store: write the file in another folder (one of your documents, or a USB key).</source>
        <translation>{folder} contient un coffre Ulinzi : enregistrez le fichier dans un autre dossier (l&apos;un de vos documents, ou une clé USB).</translation>
    </message>
    <message>
        <source>The disk is full: {name} was not written. Free some space or choose another place.</source>
        <translation>Le disque est plein : {name} n&apos;a pas été écrit. Libérez de la place ou choisissez un autre emplacement.</translation>
    </message>
    <message>
        <source>{name} is not a file that can be read.</source>
        <translation>{name} n&apos;est pas un fichier qui peut être lu.</translation>
    </message>
    <message>
        <source>Ulinzi</source>
        <translation>Ulinzi</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing typed has been lost. Details are in {log}.</source>
        <translation>Un problème est survenu. Rien de ce qui a été saisi n&apos;a été perdu. Les détails se trouvent dans {log}.</translation>
    </message>
    <message>
        <source>Ulinzi cannot write in {folder}. Ask the person who installed Ulinzi to let this account write there, then try again.</source>
        <translation>Ulinzi ne peut pas écrire dans {folder}. Demandez à la personne qui a installé Ulinzi d&apos;autoriser ce compte à y écrire, puis réessayez.</translation>
    </message>
    <message>
        <source>This PC account ({account}) may not use {file}, part of the Ulinzi store. Nothing is damaged. Ask the PC&apos;s administrator to give this account the right to use the folder {folder} (on Linux: sudo adduser {account} ulinzi, then sign out of the PC and in again).</source>
        <translation>Ce compte du PC ({account}) n&apos;a pas le droit d&apos;utiliser {file}, qui fait partie du coffre Ulinzi. Rien n&apos;est endommagé. Demandez à l&apos;administrateur du PC de donner à ce compte le droit d&apos;utiliser le dossier {folder} (sous Linux : sudo adduser {account} ulinzi, puis se déconnecter du PC et se reconnecter).</translation>
    </message>
    <message>
        <source>The demo store in {folder} has lost its password file ({file}). Delete that folder to make a new demo store.</source>
        <translation>Le coffre de démonstration dans {folder} a perdu son fichier de mot de passe ({file}). Supprimez ce dossier pour créer un nouveau coffre de démonstration.</translation>
    </message>
    <message>
        <source>Form definition {file}, line {line}: {problem}</source>
        <translation>Définition de formulaire {file}, ligne {line} : {problem}</translation>
    </message>
    <message>
        <source>This case was transferred to another agency: it is read only.</source>
        <translation>Ce cas a été transféré à un autre organisme : il est en lecture seule.</translation>
    </message>
    <message>
        <source>This case is closed. Reopen it, with a reason, to work on it again.</source>
        <translation>Ce cas est clôturé. Rouvrez-le, en indiquant un motif, pour y travailler de nouveau.</translation>
    </message>
    <message>
        <source>A case can only be moved back to one of its working stages; closing and transferring need a request and the supervisor&apos;s approval.</source>
        <translation>Un cas ne peut revenir qu&apos;à l&apos;une de ses étapes de travail ; la clôture et le transfert nécessitent une demande et l&apos;approbation du superviseur.</translation>
    </message>
    <message>
        <source>A case moves forward by doing the work: saving the assessment, the case plan, a visit or a review. Only a move back to an earlier stage is made by hand.</source>
        <translation>Un cas avance au fil du travail : enregistrement de l&apos;évaluation, du plan de prise en charge, d&apos;une visite ou d&apos;une révision. Seul le retour à une étape antérieure se fait à la main.</translation>
    </message>
    <message>
        <source>Say why the case goes back: the reason is kept in its history.</source>
        <translation>Indiquez pourquoi le cas revient en arrière : le motif est conservé dans son historique.</translation>
    </message>
    <message>
        <source>This case is closed: only the visit after closure can still be recorded. Reopen the case, with a reason, to fill in its other forms.</source>
        <translation>Ce cas est clôturé : seule la visite après clôture peut encore être enregistrée. Rouvrez le cas, en donnant la raison, pour remplir ses autres formulaires.</translation>
    </message>
    <message>
        <source>Only a supervisor can approve or return a request.</source>
        <translation>Seul un superviseur peut approuver ou renvoyer une demande.</translation>
    </message>
    <message>
        <source>You made this request yourself: another supervisor must decide on it (the agency does not allow approving your own requests).</source>
        <translation>Vous avez fait cette demande vous-même : un autre superviseur doit en décider (l&apos;organisme ne permet pas d&apos;approuver ses propres demandes).</translation>
    </message>
    <message>
        <source>Only the supervisor of this case&apos;s caseworker can decide on this request.</source>
        <translation>Seul le superviseur du gestionnaire de ce cas peut décider de cette demande.</translation>
    </message>
    <message>
        <source>Write what needs to change: the caseworker reads your comment.</source>
        <translation>Indiquez ce qui doit être modifié : le gestionnaire de cas lira votre commentaire.</translation>
    </message>
    <message>
        <source>The closure form is printed once the supervisor has authorised the closure: case {number} is not closed.</source>
        <translation>Le formulaire de clôture s&apos;imprime une fois la clôture autorisée par le superviseur&#xa0;: le dossier {number} n&apos;est pas clôturé.</translation>
    </message>
    <message>
        <source>The transfer form is printed once the supervisor has approved a transfer request for case {number}.</source>
        <translation>Le formulaire de transfert s&apos;imprime une fois qu&apos;une demande de transfert du dossier {number} a été approuvée par le superviseur.</translation>
    </message>
    <message>
        <source>Case {number} has no case plan yet: there is nothing to print for the child.</source>
        <translation>Le dossier {number} n&apos;a pas encore de plan de prise en charge&#xa0;: il n&apos;y a rien à imprimer pour l&apos;enfant.</translation>
    </message>
    <message>
        <source>The minutes of conference {conference} of case {number} are printed once they are finalised.</source>
        <translation>Le procès-verbal de la conférence {conference} du cas {number} s&apos;imprime une fois finalisé.</translation>
    </message>
    <message>
        <source>The file is too large ({size} MB): a signed copy may have at most 20 MB. Scan at a lower resolution or in black and white.</source>
        <translation>Le fichier est trop volumineux ({size} Mo)&#xa0;: une copie signée peut faire au plus 20 Mo. Scannez à une résolution plus basse ou en noir et blanc.</translation>
    </message>
    <message>
        <source>Unknown summary section: {names}. The sections are: {known}.</source>
        <translation>Section de résumé inconnue&#xa0;: {names}. Les sections sont&#xa0;: {known}.</translation>
    </message>
    <message>
        <source>The signed copy must be a PDF, a JPEG photo or a PNG picture.</source>
        <translation>La copie signée doit être un PDF, une photo JPEG ou une image PNG.</translation>
    </message>
    <message>
        <source>file a signed copy in this case</source>
        <translation>classer une copie signée dans ce dossier</translation>
    </message>
    <message>
        <source>The printed document</source>
        <translation>Le document imprimé</translation>
    </message>
    <message>
        <source>remove an attachment from a case (only a supervisor can)</source>
        <translation>retirer un document joint d&apos;un dossier (seul un superviseur le peut)</translation>
    </message>
    <message>
        <source>attach documents to this case</source>
        <translation>joindre des documents à ce dossier</translation>
    </message>
    <message>
        <source>{name} is too large ({size} MB): this agency allows at most {limit} MB per attachment. Scan it at a lower resolution or in black and white, or split it into parts.</source>
        <translation>{name} est trop volumineux ({size} Mo) : cet organisme accepte au plus {limit} Mo par document joint. Scannez-le en plus basse résolution ou en noir et blanc, ou découpez-le en plusieurs parties.</translation>
    </message>
    <message>
        <source>{name} cannot be attached: only PDF documents, JPEG photos and PNG pictures can be (Ulinzi looks at what the file holds, not at its name).</source>
        <translation>{name} ne peut pas être joint : seuls les documents PDF, les photos JPEG et les images PNG peuvent l&apos;être (Ulinzi regarde le contenu du fichier, pas son nom).</translation>
    </message>
    <message>
        <source>This agency does not keep photos of children in case files. An administrator can allow them in Administration → Agency.</source>
        <translation>Cet organisme ne conserve pas de photos d&apos;enfants dans les dossiers. Un administrateur peut les autoriser dans Administration → Organisme.</translation>
    </message>
    <message>
        <source>The file {name} could not be read: {reason}</source>
        <translation>Le fichier {name} n&apos;a pas pu être lu&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>An attachment may be limited to between 1 and {most} MB.</source>
        <translation>La taille maximale d&apos;un document joint est comprise entre 1 et {most} Mo.</translation>
    </message>
    <message>
        <source>The description is too long: at most {most} characters.</source>
        <translation>La description est trop longue : {most} caractères au plus.</translation>
    </message>
    <message>
        <source>The document&apos;s date cannot be in the future.</source>
        <translation>La date du document ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>Unknown kind of document: {kind}. The kinds are: {known}.</source>
        <translation>Type de document inconnu : {kind}. Les types sont : {known}.</translation>
    </message>
    <message>
        <source>The attachment</source>
        <translation>Le document joint</translation>
    </message>
    <message>
        <source>The attachment is damaged and cannot be shown.</source>
        <translation>Le document joint est endommagé et ne peut pas être affiché.</translation>
    </message>
    <message>
        <source>Say why the attachment is removed: it is kept in the file.</source>
        <translation>Indiquez pourquoi le document est retiré : la raison reste dans le dossier.</translation>
    </message>
    <message>
        <source>The signed copy</source>
        <translation>La copie signée</translation>
    </message>
    <message>
        <source>The signed copy is damaged and cannot be shown.</source>
        <translation>La copie signée est endommagée et ne peut pas être affichée.</translation>
    </message>
    <message>
        <source>{name} ({organisation}) cannot attend on the basis of consent: the consent form does not name “{organisation}”. Choose “Invited without recorded consent” and say why they attend, or record the consent in a new version of the consent form first. Your minutes are kept as a draft.</source>
        <translation>{name} ({organisation}) ne peut pas participer sur la base du consentement : le formulaire de consentement ne nomme pas « {organisation} ». Choisissez « Invité sans consentement enregistré » et dites pourquoi cette personne participe, ou enregistrez d&apos;abord le consentement dans une nouvelle version du formulaire de consentement. Votre procès-verbal est conservé comme brouillon.</translation>
    </message>
    <message>
        <source>The case conference</source>
        <translation>La conférence de cas</translation>
    </message>
    <message>
        <source>Say what the conference is for.</source>
        <translation>Dites à quoi sert la conférence.</translation>
    </message>
    <message>
        <source>Say where the conference takes place: a confidential place.</source>
        <translation>Dites où a lieu la conférence : un lieu confidentiel.</translation>
    </message>
    <message>
        <source>Say who chairs the conference.</source>
        <translation>Dites qui préside la conférence.</translation>
    </message>
    <message>
        <source>An answer is too long: at most 200 characters.</source>
        <translation>Une réponse est trop longue : 200 caractères au plus.</translation>
    </message>
    <message>
        <source>This conference was held or cancelled: it cannot be moved.</source>
        <translation>Cette conférence a eu lieu ou a été annulée : elle ne peut pas être déplacée.</translation>
    </message>
    <message>
        <source>Say why the conference is cancelled: it is kept.</source>
        <translation>Dites pourquoi la conférence est annulée : le motif est conservé.</translation>
    </message>
    <message>
        <source>Only a conference still to be held can be cancelled.</source>
        <translation>Seule une conférence qui n&apos;a pas encore eu lieu peut être annulée.</translation>
    </message>
    <message>
        <source>Finalised minutes are only corrected with a reason: say what is corrected and why.</source>
        <translation>Un procès-verbal finalisé ne se corrige qu&apos;avec un motif : dites ce qui est corrigé et pourquoi.</translation>
    </message>
    <message>
        <source>This conference was cancelled: it has no minutes.</source>
        <translation>Cette conférence a été annulée : elle n&apos;a pas de procès-verbal.</translation>
    </message>
    <message>
        <source>This action is in the case plan: change its status there.</source>
        <translation>Cette action figure dans le plan de prise en charge : changez son état là-bas.</translation>
    </message>
    <message>
        <source>back up the store</source>
        <translation>sauvegarder les données</translation>
    </message>
    <message>
        <source>Lock the backup with the recovery key or a passphrase.</source>
        <translation>Verrouillez la sauvegarde avec la clé de récupération ou une phrase secrète.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least 4 different words and {min} characters, for example five unrelated words. Without it the backup cannot be restored: keep it written down apart from the backup drive.</source>
        <translation>La phrase secrète est trop courte : utilisez au moins 4 mots différents et {min} caractères, par exemple cinq mots sans rapport entre eux. Sans elle, la sauvegarde ne peut pas être restaurée : gardez-la par écrit, loin de la clé de sauvegarde.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written to: plug the USB drive in, or choose another folder.</source>
        <translation>Impossible d&apos;écrire dans le dossier {folder} : branchez la clé USB, ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>A backup is restored into a new, empty folder, never over a store: {folder} is not empty.</source>
        <translation>Une sauvegarde se restaure dans un nouveau dossier vide, jamais par-dessus des données : {folder} n&apos;est pas vide.</translation>
    </message>
    <message>
        <source>This file is not a Ulinzi backup.</source>
        <translation>Ce fichier n&apos;est pas une sauvegarde Ulinzi.</translation>
    </message>
    <message>
        <source>This is not the recovery key or the passphrase of this backup, or the backup is damaged.</source>
        <translation>Ce n&apos;est pas la clé de récupération ni la phrase secrète de cette sauvegarde, ou la sauvegarde est endommagée.</translation>
    </message>
    <message>
        <source>This backup is damaged: it cannot be restored.</source>
        <translation>Cette sauvegarde est endommagée : elle ne peut pas être restaurée.</translation>
    </message>
    <message>
        <source>The backup reminder is every 1 to 90 days.</source>
        <translation>Le rappel de sauvegarde se règle entre 1 et 90 jours.</translation>
    </message>
    <message>
        <source>This file is not an agency&apos;s public identity from Ulinzi. Ask the agency for the file made by “ulinzi agency identity” (or Administration → Partner agencies).</source>
        <translation>Ce fichier n&apos;est pas l&apos;identité publique d&apos;un organisme Ulinzi. Demandez à l&apos;organisme le fichier produit par « ulinzi agency identity » (ou Administration → Partenaires).</translation>
    </message>
    <message>
        <source>This identity file was changed: its fingerprint does not match its keys.</source>
        <translation>Ce fichier d&apos;identité a été modifié : son empreinte ne correspond pas à ses clés.</translation>
    </message>
    <message>
        <source>The identity has no agency name or code.</source>
        <translation>L&apos;identité n&apos;a pas de nom ou de code d&apos;organisme.</translation>
    </message>
    <message>
        <source>change the partner agencies</source>
        <translation>modifier les organismes partenaires</translation>
    </message>
    <message>
        <source>This is this agency&apos;s own identity.</source>
        <translation>C&apos;est l&apos;identité de cet organisme lui-même.</translation>
    </message>
    <message>
        <source>Choose the forms the provider needs to know.</source>
        <translation>Choisissez les formulaires que le prestataire doit connaître.</translation>
    </message>
    <message>
        <source>Choose one: the receiving agency&apos;s key, or a passphrase.</source>
        <translation>Choisissez l&apos;un des deux : la clé de l&apos;organisme d&apos;accueil, ou une phrase secrète.</translation>
    </message>
    <message>
        <source>A referral package goes to a partner agency in the address book.</source>
        <translation>Un paquet d&apos;orientation va à un organisme partenaire du carnet d&apos;adresses.</translation>
    </message>
    <message>
        <source>Case {number} cannot be sent: its transfer request has not been approved by the supervisor.</source>
        <translation>Le dossier {number} ne peut pas être envoyé : sa demande de transfert n&apos;a pas été approuvée par le superviseur.</translation>
    </message>
    <message>
        <source>An attachment chosen for the referral is not in this case.</source>
        <translation>Un document joint choisi pour l&apos;orientation ne fait pas partie de ce dossier.</translation>
    </message>
    <message>
        <source>The consent form does not record agreement to share information with “{agency}”. Record the consent in a new version of the consent form, or a supervisor may send the case anyway with a reason.</source>
        <translation>Le formulaire de consentement n&apos;indique pas d&apos;accord pour partager des informations avec « {agency} ». Enregistrez le consentement dans une nouvelle version du formulaire, ou un superviseur peut envoyer le dossier malgré tout avec un motif.</translation>
    </message>
    <message>
        <source>send a case without consent to share</source>
        <translation>envoyer un dossier sans consentement au partage</translation>
    </message>
    <message>
        <source>A possible match for this child exists in a case you cannot see: ask your supervisor before importing it as a new case.</source>
        <translation>Un dossier auquel vous n&apos;avez pas accès correspond peut-être à cet enfant : demandez à votre superviseur avant de l&apos;importer comme nouveau dossier.</translation>
    </message>
    <message>
        <source>import packages</source>
        <translation>importer des paquets</translation>
    </message>
    <message>
        <source>This package comes from an agency that is not in your address book (“{name}”, {code}, fingerprint {fingerprint}): anyone could have made it. Add the agency&apos;s identity first, or a supervisor may confirm the import after checking the fingerprint with that agency by phone.</source>
        <translation>Ce paquet vient d&apos;un organisme absent de votre carnet d&apos;adresses (« {name} », {code}, empreinte {fingerprint}) : n&apos;importe qui a pu le fabriquer. Ajoutez d&apos;abord l&apos;identité de l&apos;organisme, ou un superviseur peut confirmer l&apos;import après avoir vérifié l&apos;empreinte avec cet organisme par téléphone.</translation>
    </message>
    <message>
        <source>This child may already have a case here: {cases}. Check before importing; import as a new case only if it is another child.</source>
        <translation>Cet enfant a peut-être déjà un dossier ici : {cases}. Vérifiez avant d&apos;importer ; importez comme nouveau dossier seulement s&apos;il s&apos;agit d&apos;un autre enfant.</translation>
    </message>
    <message>
        <source>This receipt comes from an agency that is not in your address book: it cannot be trusted.</source>
        <translation>Cet accusé de réception vient d&apos;un organisme absent de votre carnet d&apos;adresses : il n&apos;est pas fiable.</translation>
    </message>
    <message>
        <source>This receipt is for a package this agency did not send.</source>
        <translation>Cet accusé de réception concerne un paquet que cet organisme n&apos;a pas envoyé.</translation>
    </message>
    <message>
        <source>This file is too large to be a case package (at most {max} MB).</source>
        <translation>Ce fichier est trop grand pour être un paquet de dossier ({max} Mo au plus).</translation>
    </message>
    <message>
        <source>The transfer form</source>
        <translation>La fiche de transfert</translation>
    </message>
    <message>
        <source>This package is damaged or was changed after it was made ({detail}). Nothing was imported. Ask the sending agency to send it again.</source>
        <translation>Ce paquet est endommagé ou a été modifié après sa fabrication ({detail}). Rien n&apos;a été importé. Demandez à l&apos;organisme expéditeur de l&apos;envoyer à nouveau.</translation>
    </message>
    <message>
        <source>This package is locked with a passphrase: type the passphrase the sending agency gave you.</source>
        <translation>Ce paquet est verrouillé par une phrase secrète : tapez la phrase secrète donnée par l&apos;organisme expéditeur.</translation>
    </message>
    <message>
        <source>This is not an agency&apos;s public key (age1…).</source>
        <translation>Ce n&apos;est pas la clé publique d&apos;un organisme (age1…).</translation>
    </message>
    <message>
        <source>This is not an agency&apos;s signing key.</source>
        <translation>Ce n&apos;est pas la clé de signature d&apos;un organisme.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least 4 words and {min} characters, for example five unrelated words. Send it by another way than the package (a phone call, an SMS), never with it.</source>
        <translation>La phrase secrète est trop courte : au moins 4 mots et {min} caractères, par exemple cinq mots sans rapport. Transmettez-la par un autre moyen que le paquet (un appel, un SMS), jamais avec lui.</translation>
    </message>
    <message>
        <source>This file is not a Ulinzi case package (or it is cut short). Nothing was imported.</source>
        <translation>Ce fichier n&apos;est pas un paquet de dossier Ulinzi (ou il est tronqué). Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The passphrase is not right, or the package is damaged. Check the passphrase with the sending agency (by phone, not by the same way as the package).</source>
        <translation>La phrase secrète n&apos;est pas la bonne, ou le paquet est endommagé. Vérifiez la phrase secrète avec l&apos;organisme expéditeur (par téléphone, pas par le même moyen que le paquet).</translation>
    </message>
    <message>
        <source>This package was not made for this agency (or it is damaged): it cannot be opened with this agency&apos;s key. Nothing was imported. Check with the sending agency that they used your agency&apos;s public key.</source>
        <translation>Ce paquet n&apos;a pas été fait pour cet organisme (ou il est endommagé) : la clé de cet organisme ne l&apos;ouvre pas. Rien n&apos;a été importé. Vérifiez avec l&apos;organisme expéditeur qu&apos;il a utilisé votre clé publique.</translation>
    </message>
    <message>
        <source>The package holds a file that is too large ({name}, {size} MB; at most {max} MB). Nothing was imported.</source>
        <translation>Le paquet contient un fichier trop grand ({name}, {size} Mo ; {max} Mo au plus). Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>This package was made by a newer version of Ulinzi (package format {version}). Update Ulinzi on this computer, then import it again.</source>
        <translation>Ce paquet a été fait par une version plus récente d&apos;Ulinzi (format {version}). Mettez Ulinzi à jour sur cet ordinateur, puis importez-le à nouveau.</translation>
    </message>
    <message>
        <source>This package says it comes from {code}, but it is not signed with {code}&apos;s key in your address book. It may be forged: nothing was imported. Call {code} to check.</source>
        <translation>Ce paquet dit venir de {code}, mais il n&apos;est pas signé avec la clé de {code} de votre carnet d&apos;adresses. Il est peut-être falsifié : rien n&apos;a été importé. Appelez {code} pour vérifier.</translation>
    </message>
    <message>
        <source>A demo store has from 0 to {most} cases.</source>
        <translation>Un coffre de démonstration contient de 0 à {most} dossiers.</translation>
    </message>
    <message>
        <source>{name} is not a backup or a receipt this store can read, or it carries no audit head.</source>
        <translation>{name} n&apos;est pas une sauvegarde ni un accusé de réception que ce coffre peut lire, ou il ne porte pas de tête d&apos;audit.</translation>
    </message>
    <message>
        <source>The reintegration agreement is printed once the supervisor has approved the placement decision of case {number}.</source>
        <translation>L&apos;accord de réintégration s&apos;imprime une fois que le superviseur a approuvé la décision de placement du dossier {number}.</translation>
    </message>
    <message>
        <source>This case has no reintegration under way: there is nothing to move back.</source>
        <translation>Ce dossier n&apos;a pas de réintégration en cours : il n&apos;y a rien à ramener en arrière.</translation>
    </message>
    <message>
        <source>A reintegration moves forward by filling in its forms. Only a move back to an earlier step is made by hand.</source>
        <translation>Une réintégration avance en remplissant ses formulaires. Seul un retour à une étape antérieure se fait à la main.</translation>
    </message>
    <message>
        <source>Say why the reintegration goes back: the reason is kept in its timeline.</source>
        <translation>Indiquez pourquoi la réintégration revient en arrière : le motif est conservé dans sa chronologie.</translation>
    </message>
    <message>
        <source>The child can be placed only under a placement decision your supervisor has approved. Fill in the placement decision, or wait for the approval. Your answers are kept as a draft.</source>
        <translation>L&apos;enfant ne peut être placé qu&apos;en vertu d&apos;une décision de placement approuvée par votre superviseur. Remplissez la décision de placement, ou attendez l&apos;approbation. Vos réponses sont conservées comme brouillon.</translation>
    </message>
    <message>
        <source>reassign cases</source>
        <translation>réattribuer des dossiers</translation>
    </message>
    <message>
        <source>Say why the case changes hands: the reason is kept in its history.</source>
        <translation>Dites pourquoi le dossier change de mains : la raison est gardée dans son historique.</translation>
    </message>
    <message>
        <source>The reason is too long: at most {n} characters.</source>
        <translation>La raison est trop longue : {n} caractères au plus.</translation>
    </message>
    <message>
        <source>{name} cannot take cases: only an active caseworker or supervisor can.</source>
        <translation>{name} ne peut pas reprendre de dossiers : seul un travailleur social ou un superviseur actif le peut.</translation>
    </message>
    <message>
        <source>give cases to someone outside your team</source>
        <translation>confier des dossiers à quelqu&apos;un hors de votre équipe</translation>
    </message>
    <message>
        <source>Choose at least one case to reassign.</source>
        <translation>Choisissez au moins un dossier à réattribuer.</translation>
    </message>
    <message>
        <source>A transferred case is held by the agency it went to: it cannot be reassigned.</source>
        <translation>Un dossier transféré est suivi par l&apos;organisme qui l&apos;a reçu : il ne peut pas être réattribué.</translation>
    </message>
    <message>
        <source>{name} already holds the chosen cases.</source>
        <translation>{name} suit déjà les dossiers choisis.</translation>
    </message>
    <message>
        <source>hand over this person&apos;s cases</source>
        <translation>confier les dossiers de cette personne</translation>
    </message>
    <message>
        <source>see who can take cases</source>
        <translation>voir qui peut reprendre des dossiers</translation>
    </message>
    <message>
        <source>Choose someone else: {name} is leaving.</source>
        <translation>Choisissez quelqu&apos;un d&apos;autre : {name} s&apos;en va.</translation>
    </message>
    <message>
        <source>{name} holds no open case.</source>
        <translation>{name} ne suit aucun dossier ouvert.</translation>
    </message>
    <message>
        <source>The consent must be recorded again before information is shared: fill in a new version of the consent form with the child and family.</source>
        <translation>Le consentement doit être recueilli à nouveau avant tout partage d&apos;informations : remplissez une nouvelle version du formulaire de consentement avec l&apos;enfant et la famille.</translation>
    </message>
    <message>
        <source>Write what happened: a note needs some text.</source>
        <translation>Écrivez ce qui s&apos;est passé : une note a besoin de texte.</translation>
    </message>
    <message>
        <source>The note is too long: at most {n} characters.</source>
        <translation>La note est trop longue : {n} caractères au plus.</translation>
    </message>
    <message>
        <source>“Who” is too long: at most {n} characters.</source>
        <translation>« Avec qui » est trop long : {n} caractères au plus.</translation>
    </message>
    <message>
        <source>A contact note records what happened: its date cannot be in the future.</source>
        <translation>Une note de contact rapporte ce qui s&apos;est passé : sa date ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>This case was transferred: notes are written by the agency that has it.</source>
        <translation>Ce dossier a été transféré : les notes sont écrites par l&apos;organisme qui le suit.</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>La note</translation>
    </message>
    <message>
        <source>Only its author may correct a note, and only within a day of writing it. Add a new note instead: the record keeps both.</source>
        <translation>Seul son auteur peut corriger une note, et seulement dans la journée où il l&apos;a écrite. Ajoutez plutôt une nouvelle note : le dossier garde les deux.</translation>
    </message>
    <message>
        <source>Nothing was changed in the note.</source>
        <translation>Rien n&apos;a été changé dans la note.</translation>
    </message>
    <message>
        <source>change the facilities</source>
        <translation>modifier les établissements</translation>
    </message>
    <message>
        <source>A facility needs a name.</source>
        <translation>Un établissement doit avoir un nom.</translation>
    </message>
    <message>
        <source>The facility&apos;s name is too long.</source>
        <translation>Le nom de l&apos;établissement est trop long.</translation>
    </message>
    <message>
        <source>Write how many children the facility can take (1 or more).</source>
        <translation>Écrivez combien d&apos;enfants l&apos;établissement peut accueillir (1 ou plus).</translation>
    </message>
    <message>
        <source>There is already a facility named {name}.</source>
        <translation>Il existe déjà un établissement nommé {name}.</translation>
    </message>
    <message>
        <source>The facility</source>
        <translation>L&apos;établissement</translation>
    </message>
    <message>
        <source>{name} is not a facility staff account: give it that role first.</source>
        <translation>{name} n&apos;est pas un compte du personnel d&apos;établissement : donnez-lui d&apos;abord ce rôle.</translation>
    </message>
    <message>
        <source>Your account does not belong to a facility yet. Ask an administrator to choose yours in Administration.</source>
        <translation>Votre compte n&apos;est encore rattaché à aucun établissement. Demandez à un administrateur de choisir le vôtre dans Administration.</translation>
    </message>
    <message>
        <source>see who is placed at a facility</source>
        <translation>voir qui est placé dans un établissement</translation>
    </message>
    <message>
        <source>Choose what the entry is about.</source>
        <translation>Choisissez ce que l&apos;entrée concerne.</translation>
    </message>
    <message>
        <source>Write what happened.</source>
        <translation>Écrivez ce qui s&apos;est passé.</translation>
    </message>
    <message>
        <source>A log entry cannot be dated in the future.</source>
        <translation>Une entrée du cahier ne peut pas être datée dans le futur.</translation>
    </message>
    <message>
        <source>Write which family member the child was in contact with.</source>
        <translation>Écrivez avec quel membre de la famille l&apos;enfant a été en contact.</translation>
    </message>
    <message>
        <source>Choose how: a visit, a call or another way.</source>
        <translation>Choisissez comment : une visite, un appel ou autrement.</translation>
    </message>
    <message>
        <source>Only an incident can be marked serious.</source>
        <translation>Seul un incident peut être marqué grave.</translation>
    </message>
    <message>
        <source>write in this facility&apos;s daily log</source>
        <translation>écrire dans le cahier journalier de cet établissement</translation>
    </message>
    <message>
        <source>write in a facility&apos;s daily log</source>
        <translation>écrire dans le cahier journalier d&apos;un établissement</translation>
    </message>
    <message>
        <source>A serious incident or a family contact is about a child: choose the child.</source>
        <translation>Un incident grave ou un contact familial concerne un enfant : choisissez l&apos;enfant.</translation>
    </message>
    <message>
        <source>read a facility&apos;s daily log</source>
        <translation>lire le cahier journalier d&apos;un établissement</translation>
    </message>
    <message>
        <source>The serious incident</source>
        <translation>L&apos;incident grave</translation>
    </message>
    <message>
        <source>This incident&apos;s follow-up is already recorded.</source>
        <translation>La suite donnée à cet incident est déjà enregistrée.</translation>
    </message>
    <message>
        <source>Write what was done: it is kept with the entry.</source>
        <translation>Écrivez ce qui a été fait : c&apos;est gardé avec l&apos;entrée.</translation>
    </message>
    <message>
        <source>Choose the type of placement.</source>
        <translation>Choisissez le type de placement.</translation>
    </message>
    <message>
        <source>Choose the residential care facility (an administrator adds facilities in Administration).</source>
        <translation>Choisissez l&apos;établissement de prise en charge résidentielle (un administrateur ajoute les établissements dans Administration).</translation>
    </message>
    <message>
        <source>Write the name of the carer or family the child lives with.</source>
        <translation>Écrivez le nom de la personne ou de la famille chez qui vit l&apos;enfant.</translation>
    </message>
    <message>
        <source>Choose the legal basis: a court order, an administrative decision or informal.</source>
        <translation>Choisissez la base légale : une ordonnance du tribunal, une décision administrative ou informelle.</translation>
    </message>
    <message>
        <source>A court order or an administrative decision needs its reference and its date.</source>
        <translation>Une ordonnance du tribunal ou une décision administrative doit avoir sa référence et sa date.</translation>
    </message>
    <message>
        <source>The date of the decision cannot be in the future.</source>
        <translation>La date de la décision ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>Write why this placement is in the child&apos;s best interests.</source>
        <translation>Écrivez pourquoi ce placement est dans l&apos;intérêt supérieur de l&apos;enfant.</translation>
    </message>
    <message>
        <source>The first review comes after the placement starts.</source>
        <translation>Le premier réexamen vient après le début du placement.</translation>
    </message>
    <message>
        <source>Only an open case can have a new placement. Reopen it first.</source>
        <translation>Seul un dossier ouvert peut avoir un nouveau placement. Rouvrez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>The placement decision</source>
        <translation>La décision de placement</translation>
    </message>
    <message>
        <source>This child has no current placement.</source>
        <translation>Cet enfant n&apos;a pas de placement actuel.</translation>
    </message>
    <message>
        <source>Say why the placement ends: it is kept in its history.</source>
        <translation>Dites pourquoi le placement prend fin : c&apos;est gardé dans son historique.</translation>
    </message>
    <message>
        <source>A placement ends between the day it started and today.</source>
        <translation>Un placement prend fin entre le jour où il a commencé et aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Answer whether the placement is still in the child&apos;s best interests.</source>
        <translation>Répondez si le placement est toujours dans l&apos;intérêt supérieur de l&apos;enfant.</translation>
    </message>
    <message>
        <source>A review is held between the day the placement started and today.</source>
        <translation>Un réexamen a lieu entre le jour où le placement a commencé et aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>The next review comes after this one.</source>
        <translation>Le prochain réexamen vient après celui-ci.</translation>
    </message>
    <message>
        <source>This placement decision was returned or replaced: print the newer one.</source>
        <translation>Cette décision de placement a été renvoyée ou remplacée : imprimez la plus récente.</translation>
    </message>
    <message>
        <source>“{given}” is not a period: write a month (2026-11), a quarter (2026-Q4), a year (2026) or two dates (2026-01-01..2026-03-31).</source>
        <translation>« {given} » n’est pas une période : écrivez un mois (2026-11), un trimestre (2026-Q4), une année (2026) ou deux dates (2026-01-01..2026-03-31).</translation>
    </message>
    <message>
        <source>see figures of your own caseload</source>
        <translation>voir les chiffres de vos propres dossiers</translation>
    </message>
    <message>
        <source>see your team&apos;s figures</source>
        <translation>voir les chiffres de votre équipe</translation>
    </message>
    <message>
        <source>see the agency&apos;s figures</source>
        <translation>voir les chiffres de l’agence</translation>
    </message>
    <message>
        <source>change the indicators&apos; settings</source>
        <translation>modifier les réglages des indicateurs</translation>
    </message>
    <message>
        <source>A risk weight is a number from 0 to 10.</source>
        <translation>Un poids de risque est un nombre de 0 à 10.</translation>
    </message>
    <message>
        <source>A target is a percentage, 0 to 100.</source>
        <translation>Une cible est un pourcentage, de 0 à 100.</translation>
    </message>
    <message>
        <source>The date a fact was checked cannot be in the future.</source>
        <translation>La date de vérification ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>record supervision sessions</source>
        <translation>enregistrer des séances de supervision</translation>
    </message>
    <message>
        <source>Write what was decided: the caseworker reads it in their notes.</source>
        <translation>Écrivez ce qui a été décidé : le gestionnaire de cas le lit dans ses notes.</translation>
    </message>
    <message>
        <source>A supervision session is recorded once it has taken place.</source>
        <translation>Une séance de supervision s’enregistre une fois qu’elle a eu lieu.</translation>
    </message>
    <message>
        <source>The session&apos;s date is more than a year ago.</source>
        <translation>La date de la séance remonte à plus d’un an.</translation>
    </message>
    <message>
        <source>Keep each part of the note under 5,000 characters.</source>
        <translation>Gardez chaque partie de la note sous 5 000 caractères.</translation>
    </message>
    <message>
        <source>The caseworker</source>
        <translation>Le gestionnaire de cas</translation>
    </message>
    <message>
        <source>record a supervision session for another supervisor&apos;s team</source>
        <translation>enregistrer une séance de supervision pour l’équipe d’un autre superviseur</translation>
    </message>
    <message>
        <source>Case {number} is not one of this caseworker&apos;s cases.</source>
        <translation>Le dossier {number} n’est pas un dossier de ce gestionnaire de cas.</translation>
    </message>
    <message>
        <source>read another team&apos;s supervision notes</source>
        <translation>lire les notes de supervision d’une autre équipe</translation>
    </message>
    <message>
        <source>see when caseworkers were last supervised</source>
        <translation>voir quand les gestionnaires de cas ont été supervisés pour la dernière fois</translation>
    </message>
    <message>
        <source>The DHIS2 mapping file {name} is not JSON the mapping can read: {reason}</source>
        <translation>Le fichier de correspondance DHIS2 {name} n&apos;est pas un JSON lisible comme correspondance : {reason}</translation>
    </message>
    <message>
        <source>The DHIS2 mapping gives no {what}: add it as in the example mapping.</source>
        <translation>La correspondance DHIS2 ne donne pas de {what} : ajoutez-le comme dans la correspondance d&apos;exemple.</translation>
    </message>
    <message>
        <source>The DHIS2 mapping names “{key}”, a figure the monthly return does not have. Its figures are: {known}.</source>
        <translation>La correspondance DHIS2 nomme « {key} », un chiffre que le rapport mensuel n&apos;a pas. Ses chiffres sont : {known}.</translation>
    </message>
    <message>
        <source>The DHIS2 mapping&apos;s entry “{key}” splits by {split}, which that figure is not split by.</source>
        <translation>L&apos;entrée « {key} » de la correspondance DHIS2 ventile par {split}, ce que ce chiffre ne fait pas.</translation>
    </message>
    <message>
        <source>The DHIS2 mapping&apos;s entry “{key}”: “{value}” is not a {split} of the monthly return.</source>
        <translation>Entrée « {key} » de la correspondance DHIS2 : « {value} » n&apos;est pas une valeur de {split} du rapport mensuel.</translation>
    </message>
    <message>
        <source>The DHIS2 mapping&apos;s entry “{key}” names no {what}: give its identifier from DHIS2.</source>
        <translation>L&apos;entrée « {key} » de la correspondance DHIS2 ne nomme aucun {what} : donnez son identifiant dans DHIS2.</translation>
    </message>
    <message>
        <source>The DHIS2 mapping&apos;s entry “{key}”: “{value}” is not a DHIS2 identifier.</source>
        <translation>Entrée « {key} » de la correspondance DHIS2 : « {value} » n&apos;est pas un identifiant DHIS2.</translation>
    </message>
    <message>
        <source>The DHIS2 mapping sends “{key}” and “{other}” to the same data element and category option combo: DHIS2 would keep only one.</source>
        <translation>La correspondance DHIS2 envoie « {key} » et « {other} » vers le même élément de données et la même combinaison d&apos;options de catégorie : DHIS2 n&apos;en garderait qu&apos;un.</translation>
    </message>
    <message>
        <source>make the monthly return</source>
        <translation>faire le rapport mensuel</translation>
    </message>
    <message>
        <source>The monthly return is for one month: write it as 2026-11, not “{given}”.</source>
        <translation>Le rapport mensuel porte sur un mois : écrivez-le 2026-11, pas « {given} ».</translation>
    </message>
    <message>
        <source>{month} has not started yet: choose this month or an earlier one.</source>
        <translation>{month} n&apos;a pas encore commencé : choisissez ce mois-ci ou un mois antérieur.</translation>
    </message>
    <message>
        <source>“{given}” is not a format the monthly return is saved in: choose {known}.</source>
        <translation>« {given} » n&apos;est pas un format d&apos;enregistrement du rapport mensuel : choisissez {known}.</translation>
    </message>
    <message>
        <source>Unknown column: {fields}. The columns are: {known}.</source>
        <translation>Colonne inconnue : {fields}. Les colonnes sont : {known}.</translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation>Choisissez au moins une colonne à exporter.</translation>
    </message>
    <message>
        <source>Write the de-identified cases to a file ending in .csv or .xlsx, not {name}.</source>
        <translation>Écrivez les dossiers anonymisés dans un fichier se terminant par .csv ou .xlsx, pas {name}.</translation>
    </message>
    <message>
        <source>The codes&apos; key is {n} bytes of hexadecimal text; this one is not.</source>
        <translation>La clé des codes fait {n} octets en texte hexadécimal ; celle-ci non.</translation>
    </message>
    <message>
        <source>export the de-identified case list</source>
        <translation>exporter la liste des dossiers anonymisée</translation>
    </message>
    <message>
        <source>The child was placed with the family on {placed}, before the placement decision or the current placement began ({day}). Check the date.</source>
        <translation>L&apos;enfant a été placé dans la famille le {placed}, avant la décision de placement ou le début du placement actuel ({day}). Vérifiez la date.</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>This question needs an answer.</source>
        <translation>Cette question nécessite une réponse.</translation>
    </message>
    <message>
        <source>Add at least one entry.</source>
        <translation>Ajoutez au moins une entrée.</translation>
    </message>
    <message>
        <source>This answer must be text.</source>
        <translation>Cette réponse doit être du texte.</translation>
    </message>
    <message>
        <source>This answer is too long: at most {max} characters.</source>
        <translation>Cette réponse est trop longue : {max} caractères au maximum.</translation>
    </message>
    <message>
        <source>This answer is too short: at least {min} characters.</source>
        <translation>Cette réponse est trop courte : au moins {min} caractères.</translation>
    </message>
    <message>
        <source>Write a whole number, like 3.</source>
        <translation>Saisissez un nombre entier, par exemple 3.</translation>
    </message>
    <message>
        <source>The number cannot be less than {min}.</source>
        <translation>Le nombre ne peut pas être inférieur à {min}.</translation>
    </message>
    <message>
        <source>The number cannot be more than {max}.</source>
        <translation>Le nombre ne peut pas être supérieur à {max}.</translation>
    </message>
    <message>
        <source>Write a date, like 31/01/2020.</source>
        <translation>Saisissez une date, par exemple 31/01/2020.</translation>
    </message>
    <message>
        <source>The date cannot be before {min}.</source>
        <translation>La date ne peut pas être antérieure au {min}.</translation>
    </message>
    <message>
        <source>The date cannot be after {max}.</source>
        <translation>La date ne peut pas être postérieure au {max}.</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>La date ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation>Répondez par oui ou par non.</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>Choisissez l&apos;une des options.</translation>
    </message>
    <message>
        <source>Choose or add at least {min}.</source>
        <translation>Choisissez ou ajoutez-en au moins {min}.</translation>
    </message>
    <message>
        <source>Choose or add at most {max}.</source>
        <translation>Choisissez ou ajoutez-en {max} au maximum.</translation>
    </message>
    <message>
        <source>Entry {number}: {problem}</source>
        <translation>Entrée {number} : {problem}</translation>
    </message>
    <message>
        <source>Entry {number} needs a name.</source>
        <translation>L&apos;entrée {number} doit comporter un nom.</translation>
    </message>
    <message>
        <source>Write who gave their agreement.</source>
        <translation>Indiquez qui a donné son accord.</translation>
    </message>
    <message>
        <source>Choose how the agreement was given.</source>
        <translation>Choisissez comment l&apos;accord a été donné.</translation>
    </message>
    <message>
        <source>Give the date of the agreement.</source>
        <translation>Indiquez la date de l&apos;accord.</translation>
    </message>
    <message>
        <source>This answer must be a list.</source>
        <translation>Cette réponse doit être une liste.</translation>
    </message>
    <message>
        <source>{character} cannot be shown on screen or printed (it would be an empty box): write it another way.</source>
        <translation>{character} ne peut être ni affiché ni imprimé (ce serait une case vide) : écrivez-le autrement.</translation>
    </message>
    <message>
        <source>Choose one from the list: there is no number {number} in it.</source>
        <translation>Choisissez dans la liste : le numéro {number} n&apos;y figure pas.</translation>
    </message>
    <message>
        <source>The consent form does not name “{organisation}”. Choose “Invited without recorded consent” and say why this person attends, or record the consent first.</source>
        <translation>Le formulaire de consentement ne nomme pas « {organisation} ». Choisissez « Invité sans consentement enregistré » et dites pourquoi cette personne participe, ou enregistrez d&apos;abord le consentement.</translation>
    </message>
    <message>
        <source>Name the organisation the consent form names, or choose another basis.</source>
        <translation>Indiquez l&apos;organisme nommé dans le formulaire de consentement, ou choisissez une autre raison.</translation>
    </message>
    <message>
        <source>The agency&apos;s interval for this child&apos;s risk ends on {latest}: choose that date or an earlier one, or say below why the first review must wait.</source>
        <translation>Le délai de l&apos;agence pour le niveau de risque de cet enfant se termine le {latest} : choisissez cette date ou une date antérieure, ou indiquez ci-dessous pourquoi la première révision doit attendre.</translation>
    </message>
    <message>
        <source>The first review is after {latest}, the end of the agency&apos;s interval for this child&apos;s risk: say why it must wait.</source>
        <translation>La première révision a lieu après le {latest}, fin du délai de l&apos;agence pour le niveau de risque de cet enfant : indiquez pourquoi elle doit attendre.</translation>
    </message>
    <message>
        <source>An urgent referral&apos;s outcome is checked within {days} days: choose {latest} or an earlier date.</source>
        <translation>Le résultat d&apos;une orientation urgente se vérifie dans un délai de {days} jours : choisissez le {latest} ou une date antérieure.</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>The case list</source>
        <translation>La liste des cas</translation>
    </message>
    <message>
        <source>The cases you may see. Type in the search box to find a child by name, case number or place; the filters narrow the list. Enter or a double click opens the case file.

Keys that work everywhere in the window: Ctrl+F the case list, Ctrl+T my tasks, Ctrl+D the supervisor queue, Ctrl+N a new case, Ctrl+L lock the screen, F1 this help.</source>
        <translation>Les cas que vous pouvez voir. Tapez dans la zone de recherche pour trouver un enfant par son nom, son numéro de cas ou un lieu ; les filtres réduisent la liste. Entrée ou un double-clic ouvre le dossier.

Touches valables partout dans la fenêtre : Ctrl+F la liste des cas, Ctrl+T mes tâches, Ctrl+D la file du superviseur, Ctrl+N un nouveau cas, Ctrl+L verrouiller l&apos;écran, F1 cette aide.</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>Mes tâches</translation>
    </message>
    <message>
        <source>What you must do: overdue tasks first (in red), then what is due in the next 7 days. Enter or a double click opens the form that does the task; doing it removes it from the list.

Keys: the arrows choose a task, Enter opens it, Ctrl+F goes back to the case list.</source>
        <translation>Ce que vous devez faire : d&apos;abord les tâches en retard (en rouge), puis ce qui est à faire dans les 7 prochains jours. Entrée ou un double-clic ouvre le formulaire qui fait la tâche ; une fois faite, elle quitte la liste.

Touches : les flèches choisissent une tâche, Entrée l&apos;ouvre, Ctrl+F revient à la liste des cas.</translation>
    </message>
    <message>
        <source>The supervisor queue</source>
        <translation>La file du superviseur</translation>
    </message>
    <message>
        <source>The requests waiting for a supervisor&apos;s decision (case plans, closures, transfers), each caseworker&apos;s caseload against the 15 to 30 guideline, and the team&apos;s overdue work. Choose a request, then Approve or Return with a comment: the dialog says which case, which child and what is decided before anything is saved. A request you may not decide (for example your own) says why.

Keys: the arrows choose a request, Alt+A approve, Alt+C return with a comment, Alt+O open the case, Enter in the dialog confirms, Escape cancels.</source>
        <translation>Les demandes qui attendent la décision d&apos;un superviseur (plans de prise en charge, clôtures, transferts), la charge de chaque gestionnaire de cas par rapport à la norme de 15 à 30 cas, et le travail en retard de l&apos;équipe. Choisissez une demande, puis Approuver ou Renvoyer avec un commentaire : la boîte de dialogue indique le cas, l&apos;enfant et ce qui est décidé avant tout enregistrement. Une demande dont vous ne pouvez pas décider (par exemple la vôtre) dit pourquoi.

Touches : les flèches choisissent une demande, Alt+A approuver, Alt+C renvoyer avec un commentaire, Alt+O ouvrir le cas, Entrée dans la boîte de dialogue confirme, Échap annule.</translation>
    </message>
    <message>
        <source>A case file</source>
        <translation>Un dossier</translation>
    </message>
    <message>
        <source>Everything about one child: the forms (each saved version is kept), the plan and its actions, the timeline of what happened, the printed documents and their signed copies, the case conferences, and the history of who did what. The header says what must happen next, by when.

Keys: Alt and the underlined letter choose a tab or a button; Ctrl+F goes back to the case list. A form opens in its own window: Ctrl+PgDown and Ctrl+PgUp change page, Ctrl+Return saves.</source>
        <translation>Tout ce qui concerne un enfant : les formulaires (chaque version enregistrée est conservée), le plan et ses actions, la chronologie de ce qui s&apos;est passé, les documents imprimés et leurs copies signées, les conférences de cas, et l&apos;historique de qui a fait quoi. L&apos;en-tête indique ce qui doit se passer ensuite, et pour quand.

Touches : Alt et la lettre soulignée choisissent un onglet ou un bouton ; Ctrl+F revient à la liste des cas. Un formulaire s&apos;ouvre dans sa propre fenêtre : Ctrl+PgSuiv et Ctrl+PgPréc changent de page, Ctrl+Entrée enregistre.</translation>
    </message>
    <message>
        <source>A form</source>
        <translation>Un formulaire</translation>
    </message>
    <message>
        <source>One form, a page per section, listed on the left. Questions with a star must be answered; the line under the bar counts the answers. What you type is kept as a draft as you go, so it comes back if the computer stops.

Keys: Tab goes to the next question, Ctrl+PgDown and Ctrl+PgUp change page, Ctrl+S keeps a draft now, Ctrl+Return saves the form, Escape closes it (you choose what happens to what you typed).</source>
        <translation>Un formulaire, une page par section, listées à gauche. Les questions marquées d&apos;une étoile sont obligatoires ; la ligne sous la barre compte les réponses. Ce que vous tapez est gardé en brouillon au fur et à mesure : il revient si l&apos;ordinateur s’arrête.

Touches : Tab passe à la question suivante, Ctrl+PgSuiv et Ctrl+PgPréc changent de page, Ctrl+S garde un brouillon tout de suite, Ctrl+Entrée enregistre le formulaire, Échap le ferme (vous choisissez ce que devient ce que vous avez tapé).</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>The staff accounts (add one, reset a password, deactivate, assign a supervisor), the agency&apos;s settings (name, code, deadlines, approvals, screen lock) and the partner agencies and backups. Each change is recorded in the history.

Keys: Ctrl+Tab changes tab, Alt and the underlined letter choose a field or a button, Escape closes.</source>
        <translation>Les comptes du personnel (en ajouter un, réinitialiser un mot de passe, désactiver, désigner un superviseur), les réglages de l&apos;organisme (nom, code, délais, approbations, verrouillage de l&apos;écran), les organismes partenaires et les sauvegardes. Chaque changement est inscrit dans l&apos;historique.

Touches : Ctrl+Tab change d&apos;onglet, Alt et la lettre soulignée choisissent un champ ou un bouton, Échap ferme.</translation>
    </message>
</context>
<context>
    <name>indicators</name>
    <message>
        <source>Cases whose risk level was reduced</source>
        <translation>Dossiers dont le niveau de risque a diminué</translation>
    </message>
    <message>
        <source>Cases open at some time in the period whose risk was recorded at least twice by its end (assessments, visits, reviews, the closure request). Counted: the latest level is lower than the first one.</source>
        <translation>Dossiers ouverts à un moment de la période dont le risque a été enregistré au moins deux fois avant sa fin (évaluations, visites, révisions, demande de clôture). Comptés : le dernier niveau est plus bas que le premier.</translation>
    </message>
    <message>
        <source>Cases closed with the plan achieved</source>
        <translation>Dossiers clôturés avec le plan réalisé</translation>
    </message>
    <message>
        <source>Cases closed in the period. Counted: the closure request says all the goals of the plan were met.</source>
        <translation>Dossiers clôturés pendant la période. Comptés : la demande de clôture indique que tous les objectifs du plan ont été atteints.</translation>
    </message>
    <message>
        <source>Children and caregivers satisfied with the services</source>
        <translation>Enfants et personnes responsables satisfaits des services</translation>
    </message>
    <message>
        <source>Answers of children and caregivers asked at a visit after closure in the period. Counted: the child said “good”, or the caregiver “satisfied” or “very satisfied”.</source>
        <translation>Réponses des enfants et des personnes responsables interrogés lors d’une visite après clôture pendant la période. Comptés : l’enfant a répondu « bien », ou la personne responsable « satisfait » ou « très satisfait ».</translation>
    </message>
    <message>
        <source>Children who feel safer after closure</source>
        <translation>Enfants qui se sentent plus en sécurité après la clôture</translation>
    </message>
    <message>
        <source>Children who answered at a visit after closure in the period. Counted: the child feels safer than before the help started.</source>
        <translation>Enfants qui ont répondu lors d’une visite après clôture pendant la période. Comptés : l’enfant se sent plus en sécurité qu’avant le début de l’aide.</translation>
    </message>
    <message>
        <source>Files meeting the quality checklist</source>
        <translation>Dossiers conformes à la liste de contrôle qualité</translation>
    </message>
    <message>
        <source>Files a supervisor reviewed in the period (file review form). Counted: every item of the checklist is met or does not apply.</source>
        <translation>Dossiers révisés par un superviseur pendant la période (formulaire de révision de dossier). Comptés : chaque point de la liste est respecté ou sans objet.</translation>
    </message>
    <message>
        <source>Actions done within the SOP deadlines</source>
        <translation>Actions réalisées dans les délais des POS</translation>
    </message>
    <message>
        <source>Initial and full assessments, case plans, plan reviews and visits after closure whose deadline (the agency&apos;s SOP) fell in the period, and already passed. Counted: the form was saved by its deadline.</source>
        <translation>Évaluations initiales et complètes, plans de prise en charge, révisions de plan et visites après clôture dont le délai (les POS de l’agence) tombait dans la période et est déjà passé. Comptés : le formulaire a été enregistré dans le délai.</translation>
    </message>
    <message>
        <source>Caseworkers with 15 to 30 cases, weighted by risk</source>
        <translation>Gestionnaires de cas avec 15 à 30 dossiers, pondérés par le risque</translation>
    </message>
    <message>
        <source>Open cases of each caseworker at the end of the period, weighted by their risk (high {high}, medium {medium}, low {low}; not yet assessed as medium). Counted: caseworkers whose weighted caseload is from 15 to 30. Yes when all are.</source>
        <translation>Dossiers ouverts de chaque gestionnaire de cas à la fin de la période, pondérés par leur risque (élevé {high}, moyen {medium}, faible {low} ; pas encore évalué comme moyen). Comptés : les gestionnaires de cas dont la charge pondérée va de 15 à 30. Oui quand tous le sont.</translation>
    </message>
    <message>
        <source>Supervision in place</source>
        <translation>Supervision en place</translation>
    </message>
    <message>
        <source>Supervision sessions recorded with each caseworker. Counted: caseworkers with at least one session in every month of the period. Yes when all are.</source>
        <translation>Séances de supervision enregistrées avec chaque gestionnaire de cas. Comptés : les gestionnaires de cas avec au moins une séance chaque mois de la période. Oui quand tous le sont.</translation>
    </message>
    <message>
        <source>Job descriptions and SOPs in place and known</source>
        <translation>Descriptions de poste et POS en place et connues</translation>
    </message>
    <message>
        <source>Recorded in Administration, with the date it was last checked.</source>
        <translation>Enregistré dans Administration, avec la date de la dernière vérification.</translation>
    </message>
    <message>
        <source>Plans agreed with the child or family</source>
        <translation>Plans acceptés par l’enfant ou la famille</translation>
    </message>
    <message>
        <source>Case plans (each version) saved in the period. Counted: the child or the family agrees with the plan.</source>
        <translation>Plans de prise en charge (chaque version) enregistrés pendant la période. Comptés : l’enfant ou la famille est d’accord avec le plan.</translation>
    </message>
    <message>
        <source>Case management staff meet the competencies</source>
        <translation>Le personnel de gestion de cas a les compétences requises</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Registered</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Initial assessment</source>
        <translation>Évaluation initiale</translation>
    </message>
    <message>
        <source>Full assessment</source>
        <translation>Évaluation complète</translation>
    </message>
    <message>
        <source>Case plan</source>
        <translation>Plan de prise en charge</translation>
    </message>
    <message>
        <source>Implementation</source>
        <translation>Mise en œuvre</translation>
    </message>
    <message>
        <source>Follow-up and review</source>
        <translation>Suivi et révision</translation>
    </message>
    <message>
        <source>Closure requested</source>
        <translation>Clôture demandée</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Rouvert</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Plan review</source>
        <translation>Révision du plan</translation>
    </message>
    <message>
        <source>Closure approval</source>
        <translation>Approbation de la clôture</translation>
    </message>
    <message>
        <source>Post-closure visit</source>
        <translation>Visite après clôture</translation>
    </message>
    <message>
        <source>Case plan approval</source>
        <translation>Approbation du plan de prise en charge</translation>
    </message>
    <message>
        <source>Revise the returned case plan</source>
        <translation>Revoir le plan de prise en charge renvoyé</translation>
    </message>
    <message>
        <source>Revise the returned closure request</source>
        <translation>Revoir la demande de clôture renvoyée</translation>
    </message>
    <message>
        <source>Transfer approval</source>
        <translation>Approbation du transfert</translation>
    </message>
    <message>
        <source>Revise the returned transfer request</source>
        <translation>Revoir la demande de transfert renvoyée</translation>
    </message>
    <message>
        <source>Send the case to the receiving agency</source>
        <translation>Envoyer le cas à l&apos;organisme d&apos;accueil</translation>
    </message>
    <message>
        <source>Best interests determination approval</source>
        <translation>Approbation de la détermination de l&apos;intérêt supérieur</translation>
    </message>
    <message>
        <source>Revise the returned best interests determination</source>
        <translation>Revoir la détermination de l&apos;intérêt supérieur renvoyée</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>Visite de suivi</translation>
    </message>
    <message>
        <source>Check a referral&apos;s outcome</source>
        <translation>Vérifier le résultat d&apos;une orientation</translation>
    </message>
    <message>
        <source>Plan action</source>
        <translation>Action du plan</translation>
    </message>
    <message>
        <source>Case conference</source>
        <translation>Conférence de cas</translation>
    </message>
    <message>
        <source>Follow up a conference action point</source>
        <translation>Suivre une action décidée en conférence</translation>
    </message>
    <message>
        <source>Placement decision approval</source>
        <translation>Approbation de la décision de placement</translation>
    </message>
    <message>
        <source>Revise the returned placement decision</source>
        <translation>Revoir la décision de placement renvoyée</translation>
    </message>
    <message>
        <source>Prepare the child, the family and the community</source>
        <translation>Préparer l&apos;enfant, la famille et la communauté</translation>
    </message>
    <message>
        <source>Place the child with the family</source>
        <translation>Placer l&apos;enfant dans la famille</translation>
    </message>
    <message>
        <source>Post-placement follow-up</source>
        <translation>Suivi après le placement</translation>
    </message>
    <message>
        <source>Ask to close the case</source>
        <translation>Demander la clôture du dossier</translation>
    </message>
    <message>
        <source>Refer the child to another service</source>
        <translation>Orienter l&apos;enfant vers un autre service</translation>
    </message>
    <message>
        <source>Ask to transfer the case</source>
        <translation>Demander le transfert du dossier</translation>
    </message>
    <message>
        <source>Best interests determination</source>
        <translation>Détermination de l&apos;intérêt supérieur</translation>
    </message>
    <message>
        <source>Placement approval</source>
        <translation>Approbation du placement</translation>
    </message>
    <message>
        <source>Revise the returned placement</source>
        <translation>Revoir le placement renvoyé</translation>
    </message>
    <message>
        <source>Placement review</source>
        <translation>Réexamen du placement</translation>
    </message>
    <message>
        <source>Follow up a serious incident</source>
        <translation>Donner suite à un incident grave</translation>
    </message>
    <message>
        <source>the case plan</source>
        <translation>le plan de prise en charge</translation>
    </message>
    <message>
        <source>the closure</source>
        <translation>la demande de clôture</translation>
    </message>
    <message>
        <source>the transfer</source>
        <translation>la demande de transfert</translation>
    </message>
    <message>
        <source>the best interests determination</source>
        <translation>la détermination de l&apos;intérêt supérieur</translation>
    </message>
    <message>
        <source>the placement decision</source>
        <translation>la décision de placement</translation>
    </message>
    <message>
        <source>the placement (where the child lives)</source>
        <translation>le placement (où vit l&apos;enfant)</translation>
    </message>
    <message>
        <source>Family tracing</source>
        <translation>Recherche de la famille</translation>
    </message>
    <message>
        <source>Family assessment</source>
        <translation>Évaluation de la famille</translation>
    </message>
    <message>
        <source>Placement decision</source>
        <translation>Décision de placement</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Préparation</translation>
    </message>
    <message>
        <source>Placement or reunification</source>
        <translation>Placement ou réunification</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <source>Parental home</source>
        <translation>Foyer parental</translation>
    </message>
    <message>
        <source>Kinship care (formal)</source>
        <translation>Prise en charge par la famille élargie (formelle)</translation>
    </message>
    <message>
        <source>Kinship care (informal)</source>
        <translation>Prise en charge par la famille élargie (informelle)</translation>
    </message>
    <message>
        <source>Foster family</source>
        <translation>Famille d&apos;accueil</translation>
    </message>
    <message>
        <source>Residential care facility</source>
        <translation>Établissement de prise en charge résidentielle</translation>
    </message>
    <message>
        <source>Supervised independent living</source>
        <translation>Vie autonome supervisée</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <source>Court order</source>
        <translation>Ordonnance du tribunal</translation>
    </message>
    <message>
        <source>Administrative decision</source>
        <translation>Décision administrative</translation>
    </message>
    <message>
        <source>Informal</source>
        <translation>Informel</translation>
    </message>
    <message>
        <source>waiting for the supervisor</source>
        <translation>en attente du superviseur</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approuvé</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>renvoyé</translation>
    </message>
    <message>
        <source>replaced by a newer request</source>
        <translation>remplacé par une demande plus récente</translation>
    </message>
    <message>
        <source>Yes, it is still in the child&apos;s best interests</source>
        <translation>Oui, il est toujours dans l&apos;intérêt supérieur de l&apos;enfant</translation>
    </message>
    <message>
        <source>No, a change is needed</source>
        <translation>Non, un changement est nécessaire</translation>
    </message>
    <message>
        <source>Not sure: to discuss with the supervisor</source>
        <translation>Pas sûr : à discuter avec le superviseur</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <source>Family contact</source>
        <translation>Contact familial</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Comportement</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>Réussite</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Pas commencée</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Réalisée</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Abandonnée</translation>
    </message>
    <message>
        <source>below 15</source>
        <translation>moins de 15</translation>
    </message>
    <message>
        <source>within 15–30</source>
        <translation>entre 15 et 30</translation>
    </message>
    <message>
        <source>above 30</source>
        <translation>plus de 30</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Gestionnaire de cas</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Facility staff</source>
        <translation>Personnel d&apos;établissement</translation>
    </message>
    <message>
        <source>Registered the case</source>
        <translation>A enregistré le cas</translation>
    </message>
    <message>
        <source>Viewed the case file</source>
        <translation>A consulté le dossier</translation>
    </message>
    <message>
        <source>Changed the case details</source>
        <translation>A modifié les informations du cas</translation>
    </message>
    <message>
        <source>Was refused access to the case file</source>
        <translation>S&apos;est vu refuser l&apos;accès au dossier</translation>
    </message>
    <message>
        <source>Was refused a change to the case</source>
        <translation>S&apos;est vu refuser une modification du cas</translation>
    </message>
    <message>
        <source>Moved the case to its next stage</source>
        <translation>A fait passer le cas à l&apos;étape suivante</translation>
    </message>
    <message>
        <source>Saved a form</source>
        <translation>A enregistré un formulaire</translation>
    </message>
    <message>
        <source>Attached a document</source>
        <translation>A joint un document</translation>
    </message>
    <message>
        <source>Looked at an attached document</source>
        <translation>A consulté un document joint</translation>
    </message>
    <message>
        <source>Removed an attached document</source>
        <translation>A retiré un document joint</translation>
    </message>
    <message>
        <source>Asked for the supervisor&apos;s approval</source>
        <translation>A demandé l&apos;approbation du superviseur</translation>
    </message>
    <message>
        <source>Approved a request</source>
        <translation>A approuvé une demande</translation>
    </message>
    <message>
        <source>Returned a request with a comment</source>
        <translation>A renvoyé une demande avec un commentaire</translation>
    </message>
    <message>
        <source>Was refused a decision on a request</source>
        <translation>S&apos;est vu refuser une décision sur une demande</translation>
    </message>
    <message>
        <source>Changed the status of a plan action</source>
        <translation>A changé le statut d&apos;une action du plan</translation>
    </message>
    <message>
        <source>Moved the reintegration back</source>
        <translation>A ramené la réintégration en arrière</translation>
    </message>
    <message>
        <source>Prepared a document to print</source>
        <translation>A préparé un document à imprimer</translation>
    </message>
    <message>
        <source>Printed a document</source>
        <translation>A imprimé un document</translation>
    </message>
    <message>
        <source>Saved a document as a PDF file</source>
        <translation>A enregistré un document en fichier PDF</translation>
    </message>
    <message>
        <source>Was refused a document of the case</source>
        <translation>S&apos;est vu refuser un document du dossier</translation>
    </message>
    <message>
        <source>Filed a signed copy</source>
        <translation>A classé une copie signée</translation>
    </message>
    <message>
        <source>Viewed a signed copy</source>
        <translation>A consulté une copie signée</translation>
    </message>
    <message>
        <source>Was refused the filing of a signed copy</source>
        <translation>S&apos;est vu refuser le classement d&apos;une copie signée</translation>
    </message>
    <message>
        <source>Gave the case to another worker</source>
        <translation>A confié le dossier à un autre travailleur</translation>
    </message>
    <message>
        <source>Wrote a contact note</source>
        <translation>A écrit une note de contact</translation>
    </message>
    <message>
        <source>Corrected a contact note</source>
        <translation>A corrigé une note de contact</translation>
    </message>
    <message>
        <source>Confirmed the consent before sharing information</source>
        <translation>A confirmé le consentement avant de partager des informations</translation>
    </message>
    <message>
        <source>Scheduled a case conference</source>
        <translation>A programmé une conférence de cas</translation>
    </message>
    <message>
        <source>Moved a case conference</source>
        <translation>A déplacé une conférence de cas</translation>
    </message>
    <message>
        <source>Cancelled a case conference</source>
        <translation>A annulé une conférence de cas</translation>
    </message>
    <message>
        <source>Finalised the minutes of a case conference</source>
        <translation>A finalisé le procès-verbal d&apos;une conférence de cas</translation>
    </message>
    <message>
        <source>Let someone attend a conference without recorded consent</source>
        <translation>A admis une personne à une conférence sans consentement enregistré</translation>
    </message>
    <message>
        <source>Followed up a conference action point</source>
        <translation>A suivi une action décidée en conférence</translation>
    </message>
    <message>
        <source>Added a conference&apos;s action points to the plan</source>
        <translation>A ajouté au plan les actions d&apos;une conférence</translation>
    </message>
    <message>
        <source>Sent the case to another agency</source>
        <translation>A envoyé le dossier à un autre organisme</translation>
    </message>
    <message>
        <source>Received the case from another agency</source>
        <translation>A reçu le dossier d&apos;un autre organisme</translation>
    </message>
    <message>
        <source>The other agency confirmed it arrived</source>
        <translation>L&apos;autre organisme a confirmé son arrivée</translation>
    </message>
    <message>
        <source>Sent the case without recorded consent (supervisor)</source>
        <translation>A envoyé le dossier sans consentement enregistré (superviseur)</translation>
    </message>
    <message>
        <source>Viewed the transfer form another agency sent</source>
        <translation>A consulté la fiche de transfert envoyée par un autre organisme</translation>
    </message>
    <message>
        <source>Proposed a placement decision</source>
        <translation>A proposé une décision de placement</translation>
    </message>
    <message>
        <source>Ended the placement</source>
        <translation>A mis fin au placement</translation>
    </message>
    <message>
        <source>Reviewed the placement</source>
        <translation>A réexaminé le placement</translation>
    </message>
    <message>
        <source>Wrote in a facility&apos;s daily log</source>
        <translation>A écrit dans le cahier journalier d&apos;un établissement</translation>
    </message>
    <message>
        <source>Followed up a serious incident</source>
        <translation>A donné suite à un incident grave</translation>
    </message>
    <message>
        <source>about 1 year</source>
        <translation>environ 1 an</translation>
    </message>
    <message>
        <source>about {n} years</source>
        <translation>environ {n} ans</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 an</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} ans</translation>
    </message>
    <message>
        <source>Too short: at least 10 characters</source>
        <translation>Trop court : au moins 10 caractères</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Fort</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Overdue by 1 day</source>
        <translation>En retard de 1 jour</translation>
    </message>
    <message>
        <source>Overdue by {n} days</source>
        <translation>En retard de {n} jours</translation>
    </message>
    <message>
        <source>Overdue since today</source>
        <translation>En retard depuis aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Demain</translation>
    </message>
    <message>
        <source>In {n} days</source>
        <translation>Dans {n} jours</translation>
    </message>
</context>
</TS>
