<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
    <context>
        <name>HandoutPanel</name>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>Fermer (Échap)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>Fermer les remises</source>
            <translation>Close the hand-outs</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>Remettre quand même ?</source>
            <translation>Hand out anyway?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>Remises au membre</source>
            <translation>Hand-outs to the member</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>Tout remettre</source>
            <translation>Hand out everything</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>Tout remettre (T, Ctrl+Entrée)</source>
            <translation>Hand out everything (T, Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>{name} — {session}</source>
            <translation>{name} — {session}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>{n} / P</source>
            <translation>{n} / P</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>État des remises</source>
            <translation>Hand-out status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>☐ Reste à remettre : {n}. Échap pour fermer sans remettre.</source>
            <translation>☐ Still to hand out: {n}. Esc to close without handing out.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>✔ Tout est remis. Entrée ou Échap pour fermer.</source>
            <translation>✔ Everything handed out. Enter or Esc to close.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_panel.py" />
            <source>✖ Arrivée non enregistrée à cette séance : rien ne peut être remis. Échap pour fermer.</source>
            <translation>✖ Arrival not recorded at this session: nothing can be handed out. Esc to close.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Annuler une arrivée…</source>
            <translation>&amp;Undo a check-in…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Fichier</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Guichet</source>
            <translation>&amp;Desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Importer la liste des membres…</source>
            <translation>&amp;Import the member list…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Quitter</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Rechercher un nom</source>
            <translation>&amp;Find a name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Rechercher un nom (Ctrl+F) :</source>
            <translation>Sea&amp;rch for a name (Ctrl+F):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Séance :</source>
            <translation>&amp;Session:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Annuler l'arrivée de {name}.
Motif (obligatoire) :</source>
            <translation>Undo the check-in of {name}.
Reason (required):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Annuler une arrivée</source>
            <translation>Undo a check-in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Annuler une arrivée… (Ctrl+Z)</source>
            <translation>Undo a check-in… (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Arrivée annulée</source>
            <translation>Check-in undone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Arrivée introuvable.</source>
            <translation>Check-in not found.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Aucune séance</source>
            <translation>No session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Aucune séance aujourd'hui</source>
            <translation>No session today</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Badges en cours…</source>
            <translation>Making badges…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Badges enregistrés : {path}</source>
            <translation>Badges saved: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Cette arrivée était déjà annulée.</source>
            <translation>This check-in was already undone.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Changer d'a&amp;gent…</source>
            <translation>Change a&amp;gent…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Changer d'agent</source>
            <translation>Change agent</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Choisissez d'abord dans la liste une personne marquée présente.</source>
            <translation>First choose a person marked present in the list.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Choisissez un nom</source>
            <translation>Choose a name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Compteur de présences</source>
            <translation>Attendance counter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Enregistrer l'arrivée (Entrée)</source>
            <translation>Record the arrival (Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Enregistrer les badges (PDF)</source>
            <translation>Save the badges (PDF)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Guichet — {title}</source>
            <translation>Guichet — {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Import de la liste</source>
            <translation>Member list import</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Import de la liste…</source>
            <translation>Importing the list…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Importer la liste des membres</source>
            <translation>Import the member list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Imprimer les &amp;badges…</source>
            <translation>Print &amp;badges…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>L'opération a échoué : {error}</source>
            <translation>The operation failed: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Liste des membres de la séance</source>
            <translation>Members of the session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Listes (*.csv *.xlsx *.txt);;Tous les fichiers (*)</source>
            <translation>Lists (*.csv *.xlsx *.txt);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Nom de l'agent au guichet :</source>
            <translation>Name of the agent at the desk:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Nom, prénom ou commune — sans accents, c'est pareil</source>
            <translation>Surname, first name or commune — accents optional</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Présents : {present} / {expected}</source>
            <translation>Present: {present} / {expected}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Recherche par nom</source>
            <translation>Search by name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Retour au &amp;scan</source>
            <translation>Back to &amp;scan</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Rien n'a été enregistré : {error}. Réessayez ; si cela continue, appelez le responsable.</source>
            <translation>Nothing was recorded: {error}. Try again; if it keeps happening, call the person in charge.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Séance</source>
            <translation>Session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Tapez quelques lettres, puis ↓ pour choisir et Entrée pour enregistrer.</source>
            <translation>Type a few letters, then ↓ to choose and Enter to record.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Un motif est obligatoire : rien n'a été annulé.</source>
            <translation>A reason is required: nothing was undone.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>{desk} — agent : {agent} — fichier : {path}</source>
            <translation>{desk} — agent: {agent} — file: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>{name} : arrivée annulée (motif : {reason}).</source>
            <translation>{name}: check-in undone (reason: {reason}).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Échec</source>
            <translation>Failed</translation>
        </message>
    </context>
    <context>
        <name>ParkingReceiptDialog</name>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>&amp;Date :</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>&amp;Montant (€) :</source>
            <translation>A&amp;mount (€):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>&amp;Numéro du ticket :</source>
            <translation>Ticket &amp;number:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>&amp;Parking :</source>
            <translation>Car &amp;park:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Annuler (Échap)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Ce justificatif a déjà été saisi</source>
            <translation>This receipt has already been entered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Choisir le fichier du scan</source>
            <translation>Choose the scan file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Confirmer le justificatif</source>
            <translation>Confirm the receipt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Enregistrer (Entrée)</source>
            <translation>Save (Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Erreur : {field}</source>
            <translation>Error: {field}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>ex. 12,50</source>
            <translation>e.g. 12,50</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>ex. Comédie</source>
            <translation>e.g. Comédie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>fichier image ou PDF</source>
            <translation>image or PDF file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Heure d'&amp;entrée :</source>
            <translation>&amp;Entry time:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Heure de &amp;sortie :</source>
            <translation>E&amp;xit time:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>HH:MM (facultatif)</source>
            <translation>HH:MM (optional)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Images et PDF (*.png *.jpg *.jpeg *.tif *.tiff *.heic *.webp *.pdf);;Tous les fichiers (*)</source>
            <translation>Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.heic *.webp *.pdf);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>JJ/MM/AAAA</source>
            <translation>DD/MM/YYYY</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Justificatif de stationnement</source>
            <translation>Parking receipt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Justificatif de stationnement — {name}</source>
            <translation>Parking receipt — {name}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>numéro imprimé sur le reçu</source>
            <translation>number printed on the receipt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Pa&amp;rcourir…</source>
            <translation>B&amp;rowse…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>S&amp;can du justificatif :</source>
            <translation>S&amp;can of the receipt:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/parking_form.py" />
            <source>Scan du justificatif</source>
            <translation>Scan of the receipt</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>&amp;Enregistrer sous…</source>
            <translation>&amp;Save as…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>&amp;Imprimer…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Aperçu : {name}</source>
            <translation>Preview: {name}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Aperçu du document</source>
            <translation>Document preview</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Copie enregistrée : {path}</source>
            <translation>Copy saved: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Documents PDF (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Enregistrement impossible</source>
            <translation>Could not save</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Enregistrer le PDF sous</source>
            <translation>Save the PDF as</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Enregistrer une copie du PDF (Ctrl+S)</source>
            <translation>Save a copy of the PDF (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Fermer l'aperçu (Échap)</source>
            <translation>Close the preview (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Impossible d'afficher {name} : fichier absent ou illisible.</source>
            <translation>Cannot show {name}: the file is missing or unreadable.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Impression impossible</source>
            <translation>Could not print</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Imprimer le document (Ctrl+P)</source>
            <translation>Print the document (Ctrl+P)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Imprimer {name}</source>
            <translation>Print {name}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Le document n'a pas pu être imprimé : {error}</source>
            <translation>The document could not be printed: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Le fichier n'a pas pu être enregistré dans {path} : {error}</source>
            <translation>The file could not be saved in {path}: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>Page {current} / {total}</source>
            <translation>Page {current} / {total}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>{name} — 1 page</source>
            <translation>{name} — 1 page</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/pdf_preview.py" />
            <source>{name} — {count} pages</source>
            <translation>{name} — {count} pages</translation>
        </message>
    </context>
    <context>
        <name>ResultBanner</name>
        <message>
            <location filename="../../desktop/ui/banner.py" />
            <source>Résultat du scan</source>
            <translation>Scan result</translation>
        </message>
    </context>
    <context>
        <name>RosterModel</name>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>Arrivée</source>
            <translation>Arrival</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>attendu·e</source>
            <translation>expected</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>attendu·e (suppléant·e)</source>
            <translation>expected (substitute)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>Commune</source>
            <translation>Commune</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>Guichet</source>
            <translation>Desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>manuel</source>
            <translation>manual</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>Mode</source>
            <translation>Method</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>Nom</source>
            <translation>Surname</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>Prénom</source>
            <translation>First name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>Présence</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>QR</source>
            <translation>QR</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/roster_model.py" />
            <source>✔ présent·e</source>
            <translation>✔ present</translation>
        </message>
    </context>
    <context>
        <name>ScanField</name>
        <message>
            <location filename="../../desktop/ui/scan_field.py" />
            <source>Champ de scan des badges</source>
            <translation>Badge scan field</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scan_field.py" />
            <source>Scannez un badge : le scanner tape le code puis Entrée.</source>
            <translation>Scan a badge: the scanner types the code, then Enter.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scan_field.py" />
            <source>Scannez un badge…</source>
            <translation>Scan a badge…</translation>
        </message>
    </context>
    <context>
        <name>SessionsScreen</name>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Actif :</source>
            <translation>&amp;Active:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Date :</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Enregistrer la séance (Ctrl+S)</source>
            <translation>&amp;Save the session (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Enregistrer le produit (Ctrl+S)</source>
            <translation>&amp;Save the product (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Gratuité :</source>
            <translation>&amp;Free travel:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Lieu :</source>
            <translation>&amp;Place:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Nom :</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Partie de journée :</source>
            <translation>&amp;Part of day:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Prix unitaire (€) :</source>
            <translation>&amp;Unit price (€):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Repas :</source>
            <translation>&amp;Lunch:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Week-end n° :</source>
            <translation>&amp;Weekend no.:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>(inactif)</source>
            <translation>(inactive)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>1, 2, 3… (vide : hors week-end)</source>
            <translation>1, 2, 3… (empty: outside a weekend)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Catalogue des produits tickets</source>
            <translation>Ticket product catalogue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Cette séance n'existe plus.</source>
            <translation>This session no longer exists.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>De 1 à {n} tickets par produit.</source>
            <translation>From 1 to {n} tickets per product.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>dès le {day}</source>
            <translation>from {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>déjeuner fourni (pass repas)</source>
            <translation>lunch provided (meal pass)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>ex. 1,60</source>
            <translation>e.g. 1,60</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Fermer (Échap)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Indiquez le libellé de la séance.</source>
            <translation>Enter the label of the session.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Indiquez le lieu de la séance.</source>
            <translation>Enter the place of the session.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Indiquez le nom du produit.</source>
            <translation>Enter the name of the product.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>inutile pour un titulaire de pass ou en gratuité</source>
            <translation>not needed by a pass holder or under free travel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>JJ/MM/AAAA</source>
            <translation>DD/MM/YYYY</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>JJ/MM/AAAA (vide : sans début)</source>
            <translation>DD/MM/YYYY (empty: no start)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>JJ/MM/AAAA (vide : sans fin)</source>
            <translation>DD/MM/YYYY (empty: no end)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>jusqu'au {day}</source>
            <translation>until {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>La fin de validité précède son début.</source>
            <translation>The end of validity comes before its start.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>La séance modifiée n'est pas enregistrée. L'enregistrer maintenant ?</source>
            <translation>The changed session is not saved. Save it now?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Le prix ne peut pas être négatif.</source>
            <translation>The price cannot be negative.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Le week-end est un numéro de 1 à 9, ou vide.</source>
            <translation>The weekend is a number from 1 to 9, or empty.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Li&amp;bellé :</source>
            <translation>La&amp;bel:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Liste des séances</source>
            <translation>List of sessions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Modifications non enregistrées</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>N&amp;ouveau produit (Ctrl+N)</source>
            <translation>Ne&amp;w product (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Nouveau produit : saisissez son nom et son prix.</source>
            <translation>New product: enter its name and price.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Partie de journée inconnue.</source>
            <translation>Unknown part of day.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Produits tickets (Ctrl+2)</source>
            <translation>Ticket products (Ctrl+2)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>proposé aux guichets</source>
            <translation>offered at the desks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Quantité de {name}</source>
            <translation>Quantity of {name}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>repas</source>
            <translation>lunch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>sans repas</source>
            <translation>no lunch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Séances (Ctrl+1)</source>
            <translation>Sessions (Ctrl+1)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Séances et produits tickets</source>
            <translation>Sessions and ticket products</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Séances et tickets</source>
            <translation>Sessions and tickets</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Tickets remis par présence (0 : aucun)</source>
            <translation>Tickets handed out per attendance (0: none)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Un autre produit porte déjà ce nom.</source>
            <translation>Another product already has this name.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Un produit figure deux fois.</source>
            <translation>A product appears twice.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Un produit n'existe plus.</source>
            <translation>A product no longer exists.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Valable &amp;du :</source>
            <translation>Valid &amp;from:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Valable &amp;jusqu'au :</source>
            <translation>Valid &amp;until:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>« {text} » n'est pas une date : saisissez JJ/MM/AAAA.</source>
            <translation>“{text}” is not a date: type DD/MM/YYYY.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>État de l'enregistrement</source>
            <translation>Save status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>✔ Produit enregistré : {text}</source>
            <translation>✔ Product saved: {text}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>✔ Séance enregistrée : {title}</source>
            <translation>✔ Session saved: {title}</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <location filename="../../desktop/app.py" />
            <source>Guichet est déjà ouvert sur ce fichier ({path}).
Utilisez la fenêtre déjà ouverte.</source>
            <translation>Guichet is already open on this file ({path}).
Use the window that is already open.</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" />
            <source>Nom de l'agent au guichet :</source>
            <translation>Name of the agent at the desk:</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" />
            <source>Ouverture du guichet</source>
            <translation>Opening the desk</translation>
        </message>
    </context>
    <context>
        <name>handout_wording</name>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>(motif requis : {reasons})</source>
            <translation>(reason required: {reasons})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>[{n} déjà saisi(s), {total}]</source>
            <translation>[{n} already entered, {total}]</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>confirmation requise : {reasons}</source>
            <translation>confirmation required: {reasons}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>Confirmation requise : {reasons}.</source>
            <translation>Confirmation required: {reasons}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>dimanche</source>
            <translation>Sunday</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>déjà remis</source>
            <translation>already handed out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>déjà remis {prior}</source>
            <translation>already handed out {prior}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>Déjà remis {prior}.</source>
            <translation>Already handed out {prior}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>gratuité des transports pour les résidents</source>
            <translation>free public transport for residents</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>jeudi</source>
            <translation>Thursday</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>justificatif enregistré ({amount})</source>
            <translation>receipt recorded ({amount})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>la journée de stock est clôturée</source>
            <translation>the stock day is closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>le justificatif n'est pas daté du jour de la séance</source>
            <translation>the receipt is not dated on the day of the session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>lundi</source>
            <translation>Monday</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>mardi</source>
            <translation>Tuesday</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>mercredi</source>
            <translation>Wednesday</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>non enregistré : le formulaire contient des erreurs</source>
            <translation>not recorded: the form has errors</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>non prévu</source>
            <translation>not planned</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>non prévu pour cette séance</source>
            <translation>not planned for this session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>non remis : arrivée non enregistrée à cette séance</source>
            <translation>not handed out: arrival not recorded at this session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>non remis : pas de repas prévu à cette séance</source>
            <translation>not handed out: no lunch at this session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>non éligible</source>
            <translation>not eligible</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>non éligible au remboursement du stationnement</source>
            <translation>not eligible for parking refunds</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>pass 7j-7</source>
            <translation>7-day pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>pass week-end</source>
            <translation>weekend pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>Pour remettre quand même, saisissez le motif (Échap : annuler) :</source>
            <translation>To hand out anyway, type the reason (Esc: cancel):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>produit hors de sa période de validité ce jour-là</source>
            <translation>product not valid on that day</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>refusé : aucune séance en cours</source>
            <translation>refused: no session in progress</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>refusé : ce justificatif a déjà été saisi</source>
            <translation>refused: this receipt has already been entered</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>refusé : cette ligne n'existe pas</source>
            <translation>refused: this line does not exist</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>refusé : membre inconnu</source>
            <translation>refused: unknown member</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>refusé : membre retiré·e de la convention</source>
            <translation>refused: member withdrawn from the convention</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>refusé : numéro de série déjà remis</source>
            <translation>refused: serial number already handed out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>refusé : produit inconnu</source>
            <translation>refused: unknown product</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>remis</source>
            <translation>handed out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>Repas du {day}</source>
            <translation>{day} lunch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>saisir le justificatif (P)</source>
            <translation>enter the receipt (P)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>samedi</source>
            <translation>Saturday</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>Stationnement</source>
            <translation>Parking</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>Tickets</source>
            <translation>Tickets</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>un autre justificatif existe déjà pour ce jour</source>
            <translation>another receipt already exists for this day</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>vendredi</source>
            <translation>Friday</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>{name} — non nécessaire</source>
            <translation>{name} — not needed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>{n} × {name} remis</source>
            <translation>{n} × {name} handed out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>{n} × {name} — {given}</source>
            <translation>{n} × {name} — {given}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>{n} × {name} — à remettre</source>
            <translation>{n} × {name} — to hand out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>{title} : {state}</source>
            <translation>{title}: {state}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>à remettre</source>
            <translation>to hand out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>à {time} ({desk}, agent {agent})</source>
            <translation>at {time} ({desk}, agent {agent})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/handout_wording.py" />
            <source>éligible — saisir un justificatif (P)</source>
            <translation>eligible — enter a receipt (P)</translation>
        </message>
    </context>
    <context>
        <name>wording</name>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Arrivée enregistrée — {session}</source>
            <translation>Arrival recorded — {session}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Assistance : {note}</source>
            <translation>Assistance: {note}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Aucune séance aujourd'hui</source>
            <translation>No session today</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Badge d'une autre convention</source>
            <translation>Badge of another convention</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Badge inconnu</source>
            <translation>Unknown badge</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Badge révoqué</source>
            <translation>Revoked badge</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Bienvenue, {name}</source>
            <translation>Welcome, {name}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Ce badge de {name} a été remplacé : il n'est plus valable. Utilisez le nouveau badge ou cherchez par nom.</source>
            <translation>This badge of {name} has been replaced: it is no longer valid. Use the new badge or search by name.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Ce badge n'appartient pas à cette convention. Rien n'a été enregistré.</source>
            <translation>This badge does not belong to this convention. Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Ce code n'appartient à aucun membre de la convention. Cherchez la personne par son nom (Ctrl+F).</source>
            <translation>This code belongs to no member of the convention. Search for the person by name (Ctrl+F).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>ce membre</source>
            <translation>this member</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Ce n'est pas un badge (texte collé ?). Rien n'a été enregistré.</source>
            <translation>This is not a badge (pasted text?). Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Code illisible</source>
            <translation>Unreadable code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Déjà enregistré·e à {time} ({desk}, agent {agent}) — rien de plus n'est enregistré.</source>
            <translation>Already checked in at {time} ({desk}, agent {agent}) — nothing more is recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Le code lu est incomplet ou abîmé. Scannez à nouveau, ou cherchez par nom (Ctrl+F).</source>
            <translation>The code read is incomplete or damaged. Scan again, or search by name (Ctrl+F).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Le scan était vide : scannez à nouveau.</source>
            <translation>The scan was empty: scan again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Le scanner tape avec une autre disposition de clavier (QWERTY/AZERTY). Réglez-le avec sa fiche de configuration, ou cherchez par nom.</source>
            <translation>The scanner types with another keyboard layout (QWERTY/AZERTY). Set it up with its configuration sheet, or search by name.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Membre retiré·e de la convention</source>
            <translation>Member withdrawn from the convention</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>NON ENREGISTRÉ — erreur</source>
            <translation>NOT RECORDED — error</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>ou cherchez un nom (Ctrl+F)</source>
            <translation>or search for a name (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Prêt : scannez un badge</source>
            <translation>Ready: scan a badge</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Rien n'a été lu</source>
            <translation>Nothing was read</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Saisie trop longue</source>
            <translation>Input too long</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>Scanner mal configuré (clavier)</source>
            <translation>Scanner misconfigured (keyboard)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>voir le responsable</source>
            <translation>see the person in charge</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>{name} : aucune séance n'est prévue aujourd'hui. Rien n'a été enregistré.</source>
            <translation>{name}: no session is planned today. Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>{name} ne fait plus partie de la convention. Rien n'a été enregistré : voyez le responsable.</source>
            <translation>{name} is no longer part of the convention. Nothing was recorded: see the person in charge.</translation>
        </message>
    </context>
</TS>
