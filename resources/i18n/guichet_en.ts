<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
    <context>
        <name>ApprovalDialog</name>
        <message>
            <location filename="../../desktop/ui/approval.py" />
            <source>&amp;Mot de passe :</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/approval.py" />
            <source>&amp;Responsable :</source>
            <translation>&amp;Supervisor:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/approval.py" />
            <source>Accord d'un responsable</source>
            <translation>Approval of a supervisor</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/approval.py" />
            <source>Approuver</source>
            <translation>Approve</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/approval.py" />
            <source>Mot de passe du responsable</source>
            <translation>Supervisor's password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/approval.py" />
            <source>Nom du responsable</source>
            <translation>Name of the supervisor</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/approval.py" />
            <source>Saisissez le nom du responsable.</source>
            <translation>Type the name of the supervisor.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/approval.py" />
            <source>« {action} » demande le mot de passe d'un responsable.</source>
            <translation>“{action}” needs the password of a supervisor.</translation>
        </message>
    </context>
    <context>
        <name>ArrivalsChart</name>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>({total})</source>
            <translation>({total})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Arrivées au fil du temps</source>
            <translation>Arrivals over time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Arrivées par tranche : {series}</source>
            <translation>Arrivals per slot: {series}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Aucune arrivée pour l'instant</source>
            <translation>No arrivals yet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>{time} : {count}</source>
            <translation>{time}: {count}</translation>
        </message>
    </context>
    <context>
        <name>BackupTimer</name>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Sauvegarde du guichet</source>
            <translation>Desk backup</translation>
        </message>
    </context>
    <context>
        <name>CameraDialog</name>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>&amp;Caméra :</source>
            <translation>&amp;Camera:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>&amp;Rechercher les caméras (F5)</source>
            <translation>&amp;Look for cameras (F5)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>Aucune caméra</source>
            <translation>No camera</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>Badge lu. Présentez le suivant.</source>
            <translation>Badge read. Show the next one.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>Caméra utilisée pour scanner</source>
            <translation>Camera used for scanning</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>Caméra « {name} » : présentez le QR code d'un badge.</source>
            <translation>Camera “{name}”: show the QR code of a badge.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>Fermer (Échap)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>Fermer la caméra</source>
            <translation>Close the camera</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>Image de la caméra</source>
            <translation>Camera picture</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>Présentez le QR code du badge devant la caméra, à une vingtaine de centimètres.</source>
            <translation>Hold the badge's QR code in front of the camera, about twenty centimetres away.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>Rechercher les caméras</source>
            <translation>Look for cameras</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>Scanner avec la caméra</source>
            <translation>Scan with the camera</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>État de la caméra</source>
            <translation>Camera status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>⚠ Aucune caméra détectée. Branchez une webcam (elle sera trouvée d'elle-même, ou appuyez sur F5), ou scannez les badges avec le scanner USB : le reste de Guichet fonctionne normalement.</source>
            <translation>⚠ No camera found. Plug in a webcam (it will be found by itself, or press F5), or scan the badges with the USB scanner: the rest of Guichet works as usual.</translation>
        </message>
    </context>
    <context>
        <name>CameraScanner</name>
        <message>
            <location filename="../../desktop/ui/camera_scanner.py" />
            <source>La caméra s'est arrêtée : {text}</source>
            <translation>The camera stopped: {text}</translation>
        </message>
    </context>
    <context>
        <name>CatererScreen</name>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Aucune séance aujourd'hui.</source>
            <translation>No session today.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Champ de scan des pass repas</source>
            <translation>Meal pass scan field</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Derniers repas servis</source>
            <translation>Last meals served</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Derniers servis ici :</source>
            <translation>Last served here:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>F5 : recompter — Échap : quitter le mode traiteur</source>
            <translation>F5: recount — Esc: leave caterer mode</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Mode traiteur</source>
            <translation>Caterer mode</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Mode traiteur — aucune séance aujourd'hui</source>
            <translation>Caterer mode — no session today</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Mode traiteur — pass repas</source>
            <translation>Caterer mode — meal passes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Mode traiteur — repas du {day} ({label})</source>
            <translation>Caterer mode — {day} lunch ({label})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Mode traiteur — {title} : pas de repas prévu à cette séance</source>
            <translation>Caterer mode — {title}: no lunch at this session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Repas servis et pass remis</source>
            <translation>Meals served and passes handed out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Rien n'a été enregistré : {error}. Scannez à nouveau.</source>
            <translation>Nothing was recorded: {error}. Scan again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Résultat du pass repas</source>
            <translation>Meal pass result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Scannez le QR code du pass repas : le scanner tape le code puis Entrée.</source>
            <translation>Scan the QR code of the meal pass: the scanner types the code, then Enter.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Scannez un pass repas…</source>
            <translation>Scan a meal pass…</translation>
        </message>
    </context>
    <context>
        <name>CloseDayDialog</name>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>&amp;Explication :</source>
            <translation>&amp;Explanation:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Annuler (Échap)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Clôture de la journée</source>
            <translation>Closing the day</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Clôturer (Entrée)</source>
            <translation>Close the day (Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Clôturer la journée du {day}</source>
            <translation>Close the day of {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Explication des écarts</source>
            <translation>Explanation of the differences</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>facultatif</source>
            <translation>optional</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>obligatoire : d'où vient l'écart ?</source>
            <translation>required: where does the difference come from?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Saisissez l'explication de l'écart pour clôturer.</source>
            <translation>Type the explanation of the difference to close the day.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Stock périmé (perte) : {value}</source>
            <translation>Expired stock (loss): {value}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>{name} : attendu {expected}, compté {closing}, écart {diff}</source>
            <translation>{name}: expected {expected}, counted {closing}, difference {diff}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>⚠ Écarts de stock à expliquer avant de clôturer :</source>
            <translation>⚠ Stock differences to explain before closing:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>✔ Aucun écart : le stock compté correspond au stock attendu.</source>
            <translation>✔ No difference: the counted stock matches the expected stock.</translation>
        </message>
    </context>
    <context>
        <name>CloseExportDialog</name>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source> par {agent} à {time}</source>
            <translation> by {agent} at {time}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>&amp;Contrôles de cohérence :</source>
            <translation>&amp;Consistency checks:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>&amp;Exporter…</source>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>&amp;Imprimer le reçu…</source>
            <translation>Pr&amp;int the receipt…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>&amp;Motif (un contrôle a échoué) :</source>
            <translation>&amp;Reason (a check failed):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>&amp;Phrase secrète :</source>
            <translation>&amp;Passphrase:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Archive chiffrée : envoyez la phrase secrète par un autre canal.</source>
            <translation>Encrypted archive: send the passphrase through another channel.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>C&amp;hiffrer (clé USB, support amovible)</source>
            <translation>Encr&amp;ypt (USB stick, removable media)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>C&amp;lôturer la journée</source>
            <translation>C&amp;lose the day</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Chiffrer l'export</source>
            <translation>Encrypt the export</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Choisir un dossier et exporter (Ctrl+E)</source>
            <translation>Choose a folder and export (Ctrl+E)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Clôturer la journée</source>
            <translation>Close the day</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Clôturer la journée (Ctrl+Entrée)</source>
            <translation>Close the day (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Clôturer la journée du {day}</source>
            <translation>Close the day of {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Co&amp;nfirmer la phrase :</source>
            <translation>Co&amp;nfirm the passphrase:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Comptez les tickets restants avant de clôturer : {products}.</source>
            <translation>Count the remaining tickets before closing: {products}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Contrôles de cohérence</source>
            <translation>Consistency checks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Dossier de l'export (clé USB, partage)</source>
            <translation>Export folder (USB stick, share)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>E&amp;xplication d'un écart de stock :</source>
            <translation>E&amp;xplanation of a stock difference:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Explication de l'écart de stock</source>
            <translation>Explanation of the stock difference</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Export en cours vers {folder}…</source>
            <translation>Exporting to {folder}…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Export en cours…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Export impossible : {error} Les données du guichet ne sont pas modifiées.</source>
            <translation>Export failed: {error} The desk data are unchanged.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Exporter</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Exporter pour le bureau</source>
            <translation>Export for the office</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Fermer (Échap)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Fin de journée — {desk} — {day}</source>
            <translation>End of day — {desk} — {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Imprimer le reçu</source>
            <translation>Print the receipt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Le reçu n'a pas pu être préparé : {error} (l'export, lui, est fait).</source>
            <translation>The receipt could not be prepared: {error} (the export itself is done).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Le stock compté diffère de l'attendu ({gaps}) : saisissez une explication.</source>
            <translation>The counted stock differs from the expected one ({gaps}): type an explanation.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Les deux phrases secrètes ne sont pas identiques.</source>
            <translation>The two passphrases are not the same.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Motif pour clôturer</source>
            <translation>Reason for closing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>non compté</source>
            <translation>not counted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Pourquoi clôturer malgré l'anomalie</source>
            <translation>Why close despite the anomaly</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Progression de l'export</source>
            <translation>Export progress</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Rappel phrase secrète</source>
            <translation>Passphrase reminder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Reçu d'export…</source>
            <translation>Export receipt…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Reçu pour la feuille de remise (Ctrl+P)</source>
            <translation>Receipt for the hand-over sheet (Ctrl+P)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>Saisissez une phrase secrète (ou décochez Chiffrer).</source>
            <translation>Type a passphrase (or untick Encrypt).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>Un contrôle a échoué ({names}) : saisissez le motif pour clôturer.</source>
            <translation>A check failed ({names}): type the reason to close the day.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>{product} (attendu {expected}) — compté :</source>
            <translation>{product} (expected {expected}) — counted:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>{product} : écart de {difference}</source>
            <translation>{product}: difference of {difference}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>État de l'export</source>
            <translation>Export status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>État de la clôture</source>
            <translation>Closing status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>⚠ Transmettez la phrase secrète au bureau par un autre canal (téléphone, SMS, en main propre), jamais avec la clé USB ni écrite dessus.</source>
            <translation>⚠ Give the passphrase to the office through another channel (phone, text message, in person), never with the USB stick nor written on it.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>✔ Conforme</source>
            <translation>✔ Passed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/export_panel.py" />
            <source>✔ Export terminé — poste {desk}, dernier n° {seq} ({count} faits), empreinte {short}.
Fichiers : {files}</source>
            <translation>✔ Export done — desk {desk}, last no. {seq} ({count} facts), fingerprint {short}.
Files: {files}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>✔ Journée du {day} clôturée{when}.</source>
            <translation>✔ Day of {day} closed{when}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/close_export_dialog.py" />
            <source>✖ À vérifier</source>
            <translation>✖ To check</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Abîmés</source>
            <translation>Damaged</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Actualiser (F5)</source>
            <translation>Refresh (F5)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Actualiser le tableau de bord</source>
            <translation>Refresh the dashboard</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Arrivées par tranche de 10 minutes (entre parenthèses : présents cumulés)</source>
            <translation>Arrivals per 10-minute slot (in brackets: total present so far)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Attendu</source>
            <translation>Expected</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Aucune séance aujourd'hui</source>
            <translation>No session today</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Compté</source>
            <translation>Counted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Impression impossible : {error}</source>
            <translation>Could not print: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Imprimer le tableau de bord</source>
            <translation>Print the dashboard</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Imprimer… (Ctrl+P)</source>
            <translation>Print… (Ctrl+P)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>journée close</source>
            <translation>day closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>journée ouverte</source>
            <translation>day open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Mis à jour le {day} à {time}</source>
            <translation>Updated on {day} at {time}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Ouverture</source>
            <translation>Opening</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Parking</source>
            <translation>Parking</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Pas de déjeuner à cette séance.</source>
            <translation>No lunch at this session.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Présents</source>
            <translation>Present</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Remis</source>
            <translation>Handed out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Rendus</source>
            <translation>Returned</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Repas</source>
            <translation>Meals</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Reste attendu en caisse : {left}.</source>
            <translation>Still expected in stock: {left}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Stock d'ouverture non compté.</source>
            <translation>Opening stock not counted.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Tableau de bord</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Tableau de bord en PDF…</source>
            <translation>Dashboard as PDF…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Tickets repas remis : {members} membres (sur {expected} attendus) et {guests} autres convives.</source>
            <translation>Meal tickets handed out: {members} members (of {expected} expected) and {guests} other guests.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Titre</source>
            <translation>Ticket</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Titres de transport et stock du guichet</source>
            <translation>Transport tickets and the desk's stock</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Titres de transport remis</source>
            <translation>Transport tickets handed out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Titres de transport — {desk}, {day} ({state})</source>
            <translation>Transport tickets — {desk}, {day} ({state})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Titres périmés : {value} perdus.</source>
            <translation>Expired tickets: {value} lost.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>{count} justificatif(s)</source>
            <translation>{count} receipt(s)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>{heading} : détail</source>
            <translation>{heading}: detail</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>{served} / {passes} servis</source>
            <translation>{served} / {passes} served</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>{share} % des membres attendus sont arrivés ; {missing} à venir.</source>
            <translation>{share} % of the expected members have arrived; {missing} still to come.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>{status} : {count}</source>
            <translation>{status}: {count}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dashboard.py" />
            <source>Écart</source>
            <translation>Difference</translation>
        </message>
    </context>
    <context>
        <name>DeleteQuestion</name>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>&amp;Garder la séance</source>
            <translation>&amp;Keep the session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>&amp;Supprimer la séance</source>
            <translation>&amp;Delete the session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Rien n'y est encore enregistré : elle disparaît du calendrier avec son plan de tickets.</source>
            <translation>Nothing has been recorded at it yet: it leaves the calendar with its ticket plan.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Supprimer la séance</source>
            <translation>Delete the session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Supprimer la séance « {title} » ?</source>
            <translation>Delete the session “{title}”?</translation>
        </message>
    </context>
    <context>
        <name>DeskFilePage</name>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>&amp;Fichier :</source>
            <translation>&amp;File:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>&amp;Ouvrir le fichier de guichet préparé par le bureau</source>
            <translation>&amp;Open the desk file prepared by the office</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>Bienvenue dans Guichet. Quatre questions pour préparer ce poste ; pour essayer sans rien régler : « Ouvrir la démonstration ».</source>
            <translation>Welcome to Guichet. Four questions to set up this desk; to try it without setting anything up: “Open the demo”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>Ce chemin ne peut pas être retenu : {path}</source>
            <translation>This path cannot be kept: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>Choisir le fichier de ce guichet</source>
            <translation>Choose the file of this desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>Dé&amp;monstration seulement</source>
            <translation>De&amp;mo only</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>Fichier de ce guichet</source>
            <translation>File of this desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>Fichiers Guichet (*.sqlite);;Tous les fichiers (*)</source>
            <translation>Guichet files (*.sqlite);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>Indiquez le fichier de ce guichet, ou choisissez « Démonstration seulement ».</source>
            <translation>Give the file of this desk, or choose “Demo only”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>Pa&amp;rcourir…</source>
            <translation>B&amp;rowse…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>par ex. C:\Guichet\guichet1.sqlite</source>
            <translation>e.g. C:\Guichet\guichet1.sqlite</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>Pour essayer ou former : 40 membres fictifs. Guichet ouvrira la démonstration à chaque démarrage, marquée « DÉMONSTRATION ».</source>
            <translation>To try or to train: 40 fictitious members. Guichet will open the demo at every start, marked “DEMO”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_page.py" />
            <source>Préparé au bureau avec « guichet desk-init » : le fichier (par ex. guichet1.sqlite) et sa clé (guichet1.sqlite.key), copiés ensemble sur ce portable. Guichet l'ouvrira à chaque démarrage.</source>
            <translation>Prepared at the office with “guichet desk-init”: the file (e.g. guichet1.sqlite) and its key (guichet1.sqlite.key), copied together to this laptop. Guichet will open it at every start.</translation>
        </message>
    </context>
    <context>
        <name>DeskFileRow</name>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>&amp;Changer…</source>
            <translation>&amp;Change…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>&amp;Démonstration</source>
            <translation>&amp;Demo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>C'est le fichier ouvert maintenant : rien ne change.</source>
            <translation>This is the file open now: nothing changes.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>Changer le fichier de ce guichet</source>
            <translation>Change the file of this desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>Choisir le &amp;fichier…</source>
            <translation>Choose the &amp;file…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>Démonstration</source>
            <translation>Demo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>Guichet ouvrira ce fichier au prochain démarrage. Le fichier ouvert maintenant reste ouvert jusque-là.</source>
            <translation>Guichet will open this file at the next start. The file open now stays open until then.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>Guichet ouvrira la démonstration (membres fictifs) au prochain démarrage. Le fichier ouvert maintenant reste ouvert jusque-là.</source>
            <translation>Guichet will open the demo (fictitious members) at the next start. The file open now stays open until then.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>Indiquez le fichier de ce guichet, ou choisissez « Démonstration ».</source>
            <translation>Give the file of this desk, or choose “Demo”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>La démonstration est ouverte maintenant : rien ne change.</source>
            <translation>The demo is open now: nothing changes.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>Ouvrir la démonstration au prochain démarrage</source>
            <translation>Open the demo at the next start</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/desk_file_row.py" />
            <source>« {desk} » — {title} (membres : {members}).</source>
            <translation>“{desk}” — {title} (members: {members}).</translation>
        </message>
    </context>
    <context>
        <name>DocumentsDialog</name>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>&amp;Badges de tous les membres</source>
            <translation>&amp;Badges of all members</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>&amp;Dossier…</source>
            <translation>&amp;Folder…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>&amp;Format :</source>
            <translation>F&amp;ormat:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>&amp;Membre :</source>
            <translation>&amp;Member:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>&amp;Séance :</source>
            <translation>&amp;Session:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>, déjeuner</source>
            <translation>, lunch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>A4, 8 badges 85 × 54 mm à découper</source>
            <translation>A4, 8 badges 85 × 54 mm to cut out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>a4-4 — A4, 4 bons A6 par feuille</source>
            <translation>a4-4 — A4, 4 A6 vouchers per sheet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>a6 — A6, un bon par page</source>
            <translation>a6 — A6, one voucher per page</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>A6, un badge par page (porte-badge)</source>
            <translation>A6, one badge per page (badge holder)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Badge perdu</source>
            <translation>Lost badge</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>badge perdu, nom mal orthographié…</source>
            <translation>lost badge, misspelt name…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Badges</source>
            <translation>Badges</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Badges en cours…</source>
            <translation>Making badges…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Bons de &amp;repas de la séance</source>
            <translation>Meal vouche&amp;rs for the session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Bons de repas</source>
            <translation>Meal vouchers</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Bons de repas en cours…</source>
            <translation>Making meal vouchers…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>carte CR80 (imprimante à cartes)</source>
            <translation>CR80 card (card printer)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Documents du jour</source>
            <translation>Today's documents</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Dossier des documents</source>
            <translation>Documents folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Dossier des PDF :</source>
            <translation>PDF folder:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Feuille &amp;vierge (à signer sur place)</source>
            <translation>B&amp;lank sheet (to sign on site)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Feuille d'émar&amp;gement</source>
            <translation>Si&amp;gn-in sheet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Feuille d'émargement</source>
            <translation>Sign-in sheet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Feuille d'émargement en cours…</source>
            <translation>Making the sign-in sheet…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>M&amp;otif (obligatoire) :</source>
            <translation>R&amp;eason (required):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Membre dont le badge est réédité</source>
            <translation>Member whose badge is reissued</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Mise en &amp;page :</source>
            <translation>La&amp;yout:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Mise en page des badges</source>
            <translation>Badge layout</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Mise en page des bons de repas</source>
            <translation>Meal voucher layout</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Motif de la réédition</source>
            <translation>Reason for the reissue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Patientez : le document est en cours de préparation.</source>
            <translation>Please wait: the document is being prepared.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Progression</source>
            <translation>Progress</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Raccourci : {keys}</source>
            <translation>Shortcut: {keys}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Rééd&amp;iter le badge…</source>
            <translation>Re&amp;issue the badge…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Réédition du badge…</source>
            <translation>Reissuing the badge…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>Séance</source>
            <translation>Session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>État</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>étiquette 62 mm (rouleau continu)</source>
            <translation>62 mm label (continuous roll)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>⚠ Présent·es sans bon repas : {names}</source>
            <translation>⚠ Present without a meal voucher: {names}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>⚠ Saisissez le motif de la réédition : il est obligatoire.</source>
            <translation>⚠ Type the reason for the reissue: it is required.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>⚠ Échec : {error}</source>
            <translation>⚠ Failed: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>✔ Badge réédité pour {name}, l'ancien code est révoqué : {path}</source>
            <translation>✔ Badge reissued for {name}, the old code is revoked: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>✔ Feuille d'émargement, {pages} page(s) : {path}</source>
            <translation>✔ Sign-in sheet, {pages} page(s): {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>✔ {count} badge(s) : {path}</source>
            <translation>✔ {count} badge(s): {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/documents_dialog.py" />
            <source>✔ {count} bon(s) de repas : {path}</source>
            <translation>✔ {count} meal voucher(s): {path}</translation>
        </message>
    </context>
    <context>
        <name>FirstStartWizard</name>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Ouvre la convention de démonstration sans régler ce poste.</source>
            <translation>Opens the demo convention without setting up this desk.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Ouvrir la &amp;démonstration</source>
            <translation>Open the &amp;demo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Ouvrir la démonstration</source>
            <translation>Open the demo</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Premier démarrage de Guichet</source>
            <translation>First start of Guichet</translation>
        </message>
    </context>
    <context>
        <name>GuestMealDialog</name>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>&amp;Nom de l'invité :</source>
            <translation>&amp;Guest's name:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>&amp;Rôle :</source>
            <translation>&amp;Role:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>({n} bons déjà remis.)</source>
            <translation>({n} passes already given.)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Aucun bon repas ne peut être remis : rien n'a été enregistré.</source>
            <translation>No meal pass can be given: nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Aucune séance aujourd'hui</source>
            <translation>No session today</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Autre bon, motif : {reason}.</source>
            <translation>Another pass, reason: {reason}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Bon repas d'un invité</source>
            <translation>Guest's meal pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Bon repas remis à {name} ({role})</source>
            <translation>Meal pass given to {name} ({role})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Bons repas d'invités remis pour ce repas</source>
            <translation>Guests' meal passes given for this lunch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Bons repas d'invités remis pour ce repas : {n}</source>
            <translation>Guests' meal passes given for this lunch: {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Déjà remis {prior}</source>
            <translation>Already given {prior}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Erreur : nom de l'invité</source>
            <translation>Error: guest's name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Fermer (Échap)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Flèches haut et bas, ou la première lettre du rôle</source>
            <translation>Up and down arrows, or the first letter of the role</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Invité suivant : son nom, puis Entrée. Échap pour fermer.</source>
            <translation>Next guest: their name, then Enter. Esc to close.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Nom de l'invité</source>
            <translation>Guest's name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>NON ENREGISTRÉ — erreur</source>
            <translation>NOT RECORDED — error</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Pas de repas prévu à cette séance</source>
            <translation>No lunch at this session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Pour en remettre un autre quand même : Ctrl+Entrée (motif).</source>
            <translation>To give another one anyway: Ctrl+Enter (reason).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>prénom et nom, ex. Anne Lemaire</source>
            <translation>first name and surname, e.g. Anne Lemaire</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Remettre le bon (Entrée)</source>
            <translation>Give the pass (Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Remettre le bon repas</source>
            <translation>Give the meal pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Remettre un autre bon repas ?</source>
            <translation>Give another meal pass?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Remettre un autre bon repas à cet invité, avec un motif</source>
            <translation>Give this guest another meal pass, with a reason</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Remettre un autre bon… (Ctrl+Entrée)</source>
            <translation>Give another pass… (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Rien n'a été enregistré : {error}. Réessayez.</source>
            <translation>Nothing was recorded: {error}. Try again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Réponse</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Rôle de l'invité</source>
            <translation>Guest's role</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Saisissez le nom.</source>
            <translation>Type the name.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Séance</source>
            <translation>Session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Séance : aucune séance aujourd'hui</source>
            <translation>Session: no session today</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Séance : {title} — pas de repas prévu</source>
            <translation>Session: {title} — no lunch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Séance : {title} — repas</source>
            <translation>Session: {title} — lunch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Un autre bon repas pour {name} ({role}).</source>
            <translation>Another meal pass for {name} ({role}).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>{desk}, {agent}</source>
            <translation>{desk}, {agent}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>{name} ({role}) a déjà un bon repas pour ce repas : rien n'a été enregistré.</source>
            <translation>{name} ({role}) already has a meal pass for this lunch: nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>{session} : aucun bon repas n'est remis. Rien n'a été enregistré.</source>
            <translation>{session}: no meal pass is given. Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>À {time} ({desk}, agent {agent}).</source>
            <translation>At {time} ({desk}, agent {agent}).</translation>
        </message>
    </context>
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
        <name>ImportHistoryTab</name>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Anomalies</source>
            <translation>Anomalies</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>aucune</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>contenu différent</source>
            <translation>different content</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Dernier n°</source>
            <translation>Last no.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Empreinte (SHA-256)</source>
            <translation>Fingerprint (SHA-256)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Exports reçus par poste</source>
            <translation>Exports received per desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Exporté le</source>
            <translation>Exported on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Faits</source>
            <translation>Facts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Faits nouveaux</source>
            <translation>New facts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Fichier</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Historique des imports</source>
            <translation>Import history</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Importé le</source>
            <translation>Imported on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Importé par</source>
            <translation>Imported by</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>Poste</source>
            <translation>Desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>poste copié</source>
            <translation>desk copied</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>{desk} : aucun export reçu</source>
            <translation>{desk}: no export received</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>{desk} : dernier export importé le {day} à {hour} (aucun fait)</source>
            <translation>{desk}: last export imported on {day} at {hour} (no facts)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>{desk} : dernier export importé le {day} à {hour} (n° {seq})</source>
            <translation>{desk}: last export imported on {day} at {hour} (no. {seq})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>{desk} : dernier export importé le {day} à {hour} par {agent} (aucun fait)</source>
            <translation>{desk}: last export imported on {day} at {hour} by {agent} (no facts)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>{desk} : dernier export importé le {day} à {hour} par {agent} (n° {seq})</source>
            <translation>{desk}: last export imported on {day} at {hour} by {agent} (no. {seq})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>{files} export(s) importé(s) ; {missing} poste(s) sur {desks} sans export reçu.</source>
            <translation>{files} export(s) imported; {missing} desk(s) out of {desks} with no export received.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>{files} export(s) importé(s). Aucun poste inscrit : préparez-en un (Ctrl+N).</source>
            <translation>{files} export(s) imported. No desk registered: prepare one (Ctrl+N).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>{kind} : {count}</source>
            <translation>{kind}: {count}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>⚠ {count}</source>
            <translation>⚠ {count}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_history_tab.py" />
            <source>⚠ {count} ({detail})</source>
            <translation>⚠ {count} ({detail})</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>&amp;Détail :</source>
            <translation>&amp;Details:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>1 membre dans la liste</source>
            <translation>1 member in the list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Aucun membre n'a été ajouté ni modifié.</source>
            <translation>No member was added or changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Avertissements :</source>
            <translation>Warnings:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Avertissements : {n}</source>
            <translation>Warnings: {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Corrigez le fichier puis relancez l'import.</source>
            <translation>Correct the file, then import it again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Détail de l'import</source>
            <translation>Import details</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Import de la liste</source>
            <translation>Roster import</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Import de « {file} » refusé : 1 problème.</source>
            <translation>Import of “{file}” refused: 1 problem.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Import de « {file} » refusé : {n} problèmes.</source>
            <translation>Import of “{file}” refused: {n} problems.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Import de « {file} » réussi : {members}.</source>
            <translation>Import of “{file}” done: {members}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Inchangés : {n}</source>
            <translation>Unchanged: {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Mis à jour : {n}</source>
            <translation>Updated: {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Nouveaux : {n} (un badge créé pour chacun)</source>
            <translation>New: {n} (a badge made for each)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>OK (Entrée)</source>
            <translation>OK (Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Problèmes : {n}</source>
            <translation>Problems: {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Retirés (absents du nouveau fichier) : {n}</source>
            <translation>Withdrawn (absent from the new file): {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>{n} membres dans la liste</source>
            <translation>{n} members in the list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>— leurs noms dans le détail</source>
            <translation>— their names in the details</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>… et {n} autres : liste complète dans le détail.</source>
            <translation>… and {n} more: full list in the details.</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>&amp;Agent :</source>
            <translation>&amp;Agent:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>Autre agent</source>
            <translation>Another agent</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>Autre agent : son nom, Tab, son mot de passe, puis Entrée.</source>
            <translation>Another agent: their name, Tab, their password, then Enter.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>Code &amp;PIN ou mot de passe :</source>
            <translation>&amp;PIN or password:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>Code PIN ou mot de passe</source>
            <translation>PIN or password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>Code PIN ou mot de passe, puis Entrée. Changer d'agent : {key}.</source>
            <translation>PIN or password, then Enter. Change agent: {key}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>Entrée pour reprendre.</source>
            <translation>Enter to resume.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>Poste verrouillé</source>
            <translation>Desk locked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>Scans en attente</source>
            <translation>Scans waiting</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>Tapez le nom de l'agent.</source>
            <translation>Type the name of the agent.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>⏳ 1 scan en attente : enregistré au déverrouillage</source>
            <translation>⏳ 1 scan waiting: recorded when unlocked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>⏳ {n} scans en attente : enregistrés au déverrouillage</source>
            <translation>⏳ {n} scans waiting: recorded when unlocked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/lock_screen.py" />
            <source>🔒 Poste verrouillé</source>
            <translation>🔒 Desk locked</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" />
            <source>&amp;Agent :</source>
            <translation>&amp;Agent:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" />
            <source>&amp;Mot de passe :</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" />
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" />
            <source>Annuler (Échap)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" />
            <source>Choisissez votre nom dans la liste.</source>
            <translation>Choose your name in the list.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" />
            <source>Connexion de l'agent</source>
            <translation>Agent sign-in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" />
            <source>Message de connexion</source>
            <translation>Sign-in message</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" />
            <source>Mot de passe</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/login_dialog.py" />
            <source>Se connecter</source>
            <translation>Sign in</translation>
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
            <source>&amp;Confiance</source>
            <translation>&amp;Trust</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Documents du jour…</source>
            <translation>Today's &amp;documents…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Fiche du membre…</source>
            <translation>&amp;Member card…</translation>
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
            <source>&amp;Journal des faits…</source>
            <translation>&amp;Journal of facts…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Masquer les noms</source>
            <translation>&amp;Hide names</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Notice d'information…</source>
            <translation>Information &amp;notice…</translation>
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
            <source>&amp;Restaurer une sauvegarde…</source>
            <translation>&amp;Restore a backup…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Séance :</source>
            <translation>&amp;Session:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Séances et tickets…</source>
            <translation>&amp;Sessions and tickets…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Verrouiller le poste</source>
            <translation>&amp;Lock the desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>&amp;Écrans</source>
            <translation>S&amp;creens</translation>
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
            <source>Cette arrivée était déjà annulée.</source>
            <translation>This check-in was already undone.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Changer d'a&amp;gent…</source>
            <translation>&amp;Change agent…</translation>
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
            <source>Fin de journée et &amp;export…</source>
            <translation>End of day and &amp;export…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Guichet — {title}</source>
            <translation>Guichet — {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Im&amp;primer le dernier bon repas…</source>
            <translation>&amp;Print the last meal voucher…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Imprimer les &amp;badges…</source>
            <translation>Print &amp;badges…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Liste des membres de la séance</source>
            <translation>Members of the session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Mode &amp;restaurateur…</source>
            <translation>Cate&amp;rer mode…</translation>
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
            <source>Noms affichés</source>
            <translation>Names shown</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Noms masqués (Ctrl+Maj+N pour les afficher)</source>
            <translation>Names hidden (Ctrl+Shift+N to show them)</translation>
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
            <source>Repas d'un &amp;invité…</source>
            <translation>&amp;Guest's meal…</translation>
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
            <source>Réglage du s&amp;canner…</source>
            <translation>Sc&amp;anner set-up…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Réglages du &amp;poste…</source>
            <translation>Desk se&amp;ttings…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>S&amp;tock du jour…</source>
            <translation>Today's s&amp;tock…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Scanner avec la ca&amp;méra…</source>
            <translation>Scan with the &amp;camera…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Séance</source>
            <translation>Session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" />
            <source>Tableau de &amp;bord…</source>
            <translation>&amp;Dashboard…</translation>
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
            <source>Écran d'accueil</source>
            <translation>Welcome desk screen</translation>
        </message>
    </context>
    <context>
        <name>MemberCardDialog</name>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>(par nom)</source>
            <translation>(by name)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>(sans repas)</source>
            <translation>(no lunch)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Annuler une remise</source>
            <translation>Undo a hand-out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Annuler « {what} » ?
L'original reste dans le journal ; une contre-écriture l'annule. &amp;Motif :</source>
            <translation>Undo “{what}”?
The original stays in the log; a counter-entry cancels it. &amp;Reason:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Assistance : {v}</source>
            <translation>Assistance: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Ce changement de statut n'est pas possible.</source>
            <translation>This change of status is not possible.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Ce justificatif est introuvable (annulé ?).</source>
            <translation>This receipt cannot be found (undone?).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Cette ligne ne s'annule pas ici.</source>
            <translation>This line cannot be undone here.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Cette remise est introuvable.</source>
            <translation>This hand-out cannot be found.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Cette remise était déjà annulée.</source>
            <translation>This hand-out was already undone.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Choisissez d'abord un justificatif de stationnement.</source>
            <translation>First choose a parking receipt.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Choisissez d'abord une remise (repas, tickets, justificatif).</source>
            <translation>First choose a hand-out (meal, tickets, receipt).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Détail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Fiche du membre</source>
            <translation>Member card</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Fiche membre — {name}</source>
            <translation>Member card — {name}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Historique du membre par séance</source>
            <translation>The member's history by session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Justificatif : {status}.</source>
            <translation>Receipt: {status}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Ligne choisie</source>
            <translation>Chosen line</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Menu : {v}</source>
            <translation>Menu: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>non éligible</source>
            <translation>not eligible</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>n° {serials}</source>
            <translation>no. {serials}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>oui</source>
            <translation>yes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Pass repas</source>
            <translation>Meal pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Pass transport : {v}</source>
            <translation>Transport pass: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Présent·e à {n} séance(s) sur {total} — stationnement : {count} justificatif(s), {amount} (hors rejetés)</source>
            <translation>Present at {n} of {total} session(s) — parking: {count} receipt(s), {amount} (rejected ones left out)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Quand, où, par qui</source>
            <translation>When, where, by whom</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Rejeter le justificatif {park} n° {number} ({amount}). &amp;Motif :</source>
            <translation>Reject the receipt {park} no. {number} ({amount}). &amp;Reason:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Rejeter un justificatif</source>
            <translation>Reject a receipt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>remis</source>
            <translation>handed out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>remis quand même : {reason}</source>
            <translation>handed out anyway: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Remise annulée (motif : {reason}).</source>
            <translation>Hand-out undone (reason: {reason}).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Résultat de la dernière action</source>
            <translation>Result of the last action</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>servi à {time}</source>
            <translation>served at {time}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Stationnement</source>
            <translation>Parking</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Stationnement : {v}</source>
            <translation>Parking: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>statut : {status} — {amount} — {park}, n° {number}, du {day}</source>
            <translation>status: {status} — {amount} — {park}, no. {number}, of {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Statut : {v}</source>
            <translation>Status: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Séance / remise</source>
            <translation>Session / hand-out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Tickets</source>
            <translation>Tickets</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Un justificatif « {now} » ne peut pas passer à « {to} ».</source>
            <translation>A receipt “{now}” cannot become “{to}”.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Un motif est obligatoire.</source>
            <translation>A reason is required.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Un rejet demande son motif.</source>
            <translation>A rejection needs its reason.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>{status} à {time} par {agent}{note}</source>
            <translation>{status} at {time} by {agent}{note}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>éligible ({reason})</source>
            <translation>eligible ({reason})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>– absent·e</source>
            <translation>– absent</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>✔ présent·e</source>
            <translation>✔ present</translation>
        </message>
    </context>
    <context>
        <name>NewSessionDialog</name>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>&amp;Ajouter la séance (Entrée)</source>
            <translation>&amp;Add the session (Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Abandonner la séance en cours de saisie ?</source>
            <translation>Discard the session being typed?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Ajouter la séance</source>
            <translation>Add the session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Ajouter une séance au calendrier</source>
            <translation>Add a session to the calendar</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Annuler (Échap)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Annuler l'ajout</source>
            <translation>Cancel adding</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>La séance n'a pas été ajoutée.</source>
            <translation>The session was not added.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>La séance rejoint le calendrier avec le plan de tickets habituel (modifiable ensuite dans l'écran des séances). Entrée : ajouter ; Échap : annuler.</source>
            <translation>The session joins the calendar with the usual ticket plan (which you can change afterwards on the sessions screen). Enter: add; Esc: cancel.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Nouvelle séance</source>
            <translation>New session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Réponse à l'ajout</source>
            <translation>Result of adding</translation>
        </message>
    </context>
    <context>
        <name>NoticeDialog</name>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>&amp;Enregistrer</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>&amp;Imprimer…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>&amp;Modifier…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Enregistrer le texte (Ctrl+S)</source>
            <translation>Save the text (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Fermer (Échap)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Impression impossible : {error}</source>
            <translation>Could not print: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Imprimer la notice (Ctrl+P)</source>
            <translation>Print the notice (Ctrl+P)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Information des membres sur leurs données</source>
            <translation>Information for members about their data</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Modification abandonnée : rien n'a changé.</source>
            <translation>Editing abandoned: nothing changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Modifier le texte de la notice (Ctrl+Maj+M)</source>
            <translation>Edit the text of the notice (Ctrl+Shift+M)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Notice d'information</source>
            <translation>Information notice</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Notice enregistrée.</source>
            <translation>Notice saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Préparation du document…</source>
            <translation>Preparing the document…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notice_dialog.py" />
            <source>Titre</source>
            <translation>Title</translation>
        </message>
    </context>
    <context>
        <name>OfficeWindow</name>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>&amp;Bureau</source>
            <translation>&amp;Office</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>&amp;Importer des exports…</source>
            <translation>&amp;Import exports…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>&amp;Préparer un poste…</source>
            <translation>&amp;Prepare a desk…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>&amp;Résoudre…</source>
            <translation>Re&amp;solve…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Actualiser</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Anomalie</source>
            <translation>Anomaly</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Anomalies</source>
            <translation>Anomalies</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Anomalies ({count})</source>
            <translation>Anomalies ({count})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Anomalies de fusion</source>
            <translation>Merge anomalies</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Archive chiffrée</source>
            <translation>Encrypted archive</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Aucun conflit choisi.</source>
            <translation>No conflict chosen.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Aucun export trouvé dans {folder}.</source>
            <translation>No export found in {folder}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Ce conflit était déjà résolu.</source>
            <translation>This conflict was already resolved.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Conflit</source>
            <translation>Conflict</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Conflits</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Conflits ({count})</source>
            <translation>Conflicts ({count})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Conflits entre guichets</source>
            <translation>Conflicts between desks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Ctrl+Maj+O</source>
            <translation>Ctrl+Shift+O</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Ctrl+Maj+R</source>
            <translation>Ctrl+Shift+R</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Ctrl+O</source>
            <translation>Ctrl+O</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Ctrl+R ou Entrée</source>
            <translation>Ctrl+R or Enter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Dossier des exports (clé USB)</source>
            <translation>Exports folder (USB stick)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Dossier des rapports</source>
            <translation>Reports folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Détail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Détectée le</source>
            <translation>Detected on</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Exports (*.manifest.json *.zip *.sqlite);;Tous les fichiers (*)</source>
            <translation>Exports (*.manifest.json *.zip *.sqlite);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Fait</source>
            <translation>Fact</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Fait 1 (poste — agent — heure)</source>
            <translation>Fact 1 (desk — agent — time)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Fait 2 (poste — agent — heure)</source>
            <translation>Fact 2 (desk — agent — time)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Faits nouveaux</source>
            <translation>New facts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Fichier</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Fichier (empreinte)</source>
            <translation>File (fingerprint)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Fichier du poste à créer</source>
            <translation>File of the desk to create</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Fichiers Guichet (*.sqlite)</source>
            <translation>Guichet files (*.sqlite)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Fusion : {imported} importé(s), {again} déjà importé(s), {refused} refusé(s) ; {conflicts} conflit(s) ouvert(s).</source>
            <translation>Merge: {imported} imported, {again} already imported, {refused} refused; {conflicts} open conflict(s).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Fusion des exports…</source>
            <translation>Merging the exports…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Guichet — Bureau — {title}</source>
            <translation>Guichet — Office — {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Historique des imports</source>
            <translation>Import history</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Identifiant</source>
            <translation>Identifier</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Importer des exports de guichet</source>
            <translation>Import desk exports</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Importer des exports…</source>
            <translation>Import exports…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Importer un &amp;dossier (clé USB)…</source>
            <translation>Import a &amp;folder (USB stick)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Importer un dossier (clé USB)…</source>
            <translation>Import a folder (USB stick)…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Imports</source>
            <translation>Imports</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Membre</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Nom du poste (ex. Guichet 2) :</source>
            <translation>Name of the desk (e.g. Guichet 2):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>N°</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Phrase secrète des archives chiffrées (reçue par un autre canal) :</source>
            <translation>Passphrase of the encrypted archives (received through another channel):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Poste</source>
            <translation>Desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Préparation du poste…</source>
            <translation>Preparing the desk…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Préparer un poste</source>
            <translation>Prepare a desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Préparer un poste…</source>
            <translation>Prepare a desk…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Période :</source>
            <translation>Period:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Quitter</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Rappor&amp;ts…</source>
            <translation>Repor&amp;ts…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Rapports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Rapports en cours…</source>
            <translation>Writing reports…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Rapports…</source>
            <translation>Reports…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Résoudre le conflit…</source>
            <translation>Resolve the conflict…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Résultat</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Séance</source>
            <translation>Session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Toute la convention</source>
            <translation>The whole convention</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Week-end {n}</source>
            <translation>Weekend {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>✔ Conflit résolu ({kind}, {member}) : motif noté.</source>
            <translation>✔ Conflict resolved ({kind}, {member}): reason recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>✔ Poste « {label} » préparé : {path} (clé : {key}). Copiez ces deux fichiers sur le portable du poste ; la clé ne doit pas sortir de ce portable.</source>
            <translation>✔ Desk “{label}” prepared: {path} (key: {key}). Copy these two files onto the desk's laptop; the key must never leave that laptop.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>✔ Rapport écrit : {count} fichiers dans {folder} (PDF : {pdf}).</source>
            <translation>✔ Report written: {count} files in {folder} (PDF: {pdf}).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>✖ Ce fait ne fait pas partie du conflit.</source>
            <translation>✖ This fact is not part of the conflict.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>✖ Dossier illisible : {folder} ({error}).</source>
            <translation>✖ Unreadable folder: {folder} ({error}).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>✖ Opération impossible : {error}</source>
            <translation>✖ Operation failed: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>✖ Un motif est obligatoire.</source>
            <translation>✖ A reason is required.</translation>
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
        <name>ProductsPage</name>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>&amp;Actif :</source>
            <translation>&amp;Active:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>&amp;Enregistrer le produit (Ctrl+S)</source>
            <translation>&amp;Save the product (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>&amp;Gratuité :</source>
            <translation>Free &amp;travel:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>&amp;Nom :</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>&amp;Prix unitaire (€) :</source>
            <translation>Unit &amp;price (€):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>(inactif)</source>
            <translation>(inactive)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>Catalogue des produits tickets</source>
            <translation>Ticket product catalogue</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>dès le {day}</source>
            <translation>from {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>Enregistrer le produit</source>
            <translation>Save the product</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>ex. 1,60</source>
            <translation>e.g. 1,60</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>Indiquez le nom du produit.</source>
            <translation>Enter the name of the product.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>inutile pour un titulaire de pass ou en gratuité</source>
            <translation>not needed by a pass holder or under free travel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>JJ/MM/AAAA (vide : sans début)</source>
            <translation>DD/MM/YYYY (empty: no start)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>JJ/MM/AAAA (vide : sans fin)</source>
            <translation>DD/MM/YYYY (empty: no end)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>jusqu'au {day}</source>
            <translation>until {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>La fin de validité précède son début.</source>
            <translation>The end of validity comes before its start.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>Le prix ne peut pas être négatif.</source>
            <translation>The price cannot be negative.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>Le produit modifié n'est pas enregistré.</source>
            <translation>The changed product is not saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>N&amp;ouveau produit (Ctrl+N)</source>
            <translation>Ne&amp;w product (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>Nouveau produit</source>
            <translation>New product</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>Nouveau produit : saisissez son nom et son prix.</source>
            <translation>New product: enter its name and price.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>proposé aux guichets</source>
            <translation>offered at the desks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>Un autre produit porte déjà ce nom.</source>
            <translation>Another product already has this name.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>Valable &amp;du :</source>
            <translation>Valid &amp;from:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>Valable &amp;jusqu'au :</source>
            <translation>Valid &amp;until:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>« {text} » n'est pas une date : saisissez JJ/MM/AAAA.</source>
            <translation>“{text}” is not a date: type DD/MM/YYYY.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/products_page.py" />
            <source>✔ Produit enregistré : {text}</source>
            <translation>✔ Product saved: {text}</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Confirmer (Entrée)</source>
            <translation>Confirm (Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Motif</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>motif (obligatoire)</source>
            <translation>reason (required)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Ne rien changer (Échap)</source>
            <translation>Change nothing (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>Saisissez le motif.</source>
            <translation>Type the reason.</translation>
        </message>
    </context>
    <context>
        <name>ResolveDialog</name>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>&amp;1  {fact}</source>
            <translation>&amp;1  {fact}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>&amp;2  {fact}</source>
            <translation>&amp;2  {fact}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>&amp;Motif (obligatoire) :</source>
            <translation>&amp;Reason (required):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>&amp;Résoudre</source>
            <translation>Re&amp;solve</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Annuler</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Annuler (Échap) : le conflit reste ouvert</source>
            <translation>Cancel (Esc): the conflict stays open</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Fait à garder (l'autre est annulé, jamais effacé) :</source>
            <translation>Fact to keep (the other is voided, never erased):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>membre inconnu</source>
            <translation>unknown member</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Motif de la résolution</source>
            <translation>Reason for the resolution</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>Résoudre le conflit</source>
            <translation>Resolve the conflict</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/office_window.py" />
            <source>{kind} — {member}</source>
            <translation>{kind} — {member}</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>&amp;Restaurer cette sauvegarde</source>
            <translation>&amp;Restore this backup</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>&amp;Sauvegardes de {name} :</source>
            <translation>&amp;Backups of {name}:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>aucun</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Aucune sauvegarde de ce fichier dans {folder}.</source>
            <translation>No backup of this file in {folder}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Contenu de la sauvegarde</source>
            <translation>Contents of the backup</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Remplacer {name} par cette sauvegarde ?
Le fichier actuel est gardé à côté (.avant-restauration-…), rien n'est effacé.</source>
            <translation>Replace {name} with this backup?
The current file is kept beside it (.avant-restauration-…), nothing is erased.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Restaurer</source>
            <translation>Restore</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Restaurer une sauvegarde</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Sauvegarde du {taken}
Poste : {desk}
Membres : {members}
Faits enregistrés : {events}
Dernier fait : {last}
Taille : {size} Ko</source>
            <translation>Backup of {taken}
Desk: {desk}
Members: {members}
Facts recorded: {events}
Last fact: {last}
Size: {size} KB</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Sauvegarde du {when}</source>
            <translation>Backup of {when}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Sauvegardes, la plus récente en premier</source>
            <translation>Backups, the latest first</translation>
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
        <name>ScannerSetupDialog</name>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>&amp;Ce que le scanner a tapé :</source>
            <translation>What the s&amp;canner typed:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>&amp;Diagnostic :</source>
            <translation>&amp;Diagnosis:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>&amp;Fermer</source>
            <translation>Clos&amp;e</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>&amp;Imprimer la feuille de test…</source>
            <translation>&amp;Print the test sheet…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>&amp;Recommencer (F5)</source>
            <translation>&amp;Start again (F5)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Ce que le scanner a tapé</source>
            <translation>What the scanner typed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Cliquez dans le champ ci-dessous (ou Alt+C), puis scannez le code à droite ou celui de la feuille de test. Le scanner doit taper exactement :</source>
            <translation>Click in the field below (or Alt+C), then scan the code on the right or the one on the test sheet. The scanner must type exactly:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Code attendu</source>
            <translation>Expected code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Diagnostic du scanner</source>
            <translation>Scanner diagnosis</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>En attente d'un scan…</source>
            <translation>Waiting for a scan…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>En attente du scan du code de test.</source>
            <translation>Waiting for the test code to be scanned.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Feuille de test en cours…</source>
            <translation>Making the test sheet…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Feuille de test impossible : {error}</source>
            <translation>Test sheet failed: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Feuille de test prête : {path}</source>
            <translation>Test sheet ready: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Lecture en cours…</source>
            <translation>Reading…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Les touches invisibles sont montrées : ⏎ Entrée, ⇥ Tab, ␣ espace.</source>
            <translation>Invisible keys are shown: ⏎ Enter, ⇥ Tab, ␣ space.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>QR code de test à scanner</source>
            <translation>Test QR code to scan</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Réglage du scanner</source>
            <translation>Scanner set-up</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Résultat du test</source>
            <translation>Test result</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>Scannez ce code de test</source>
            <translation>Scan this test code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>ℹ À savoir : </source>
            <translation>ℹ Good to know: </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>✔ </source>
            <translation>✔ </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>✔ Le scanner est prêt.</source>
            <translation>✔ The scanner is ready.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>✖ Problème : </source>
            <translation>✖ Problem: </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/scanner_setup.py" />
            <source>✖ À corriger avant d'ouvrir le guichet :</source>
            <translation>✖ To fix before opening the desk:</translation>
        </message>
    </context>
    <context>
        <name>SessionFields</name>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>&amp;Date :</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>&amp;Lieu :</source>
            <translation>&amp;Venue:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>&amp;Partie de journée :</source>
            <translation>&amp;Part of day:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>&amp;Repas :</source>
            <translation>&amp;Lunch:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>&amp;Week-end n° :</source>
            <translation>&amp;Weekend no.:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>1, 2, 3… (vide : hors week-end)</source>
            <translation>1, 2, 3… (empty: outside a weekend)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>déjeuner fourni (pass repas)</source>
            <translation>lunch provided (meal pass)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Indiquez le libellé de la séance.</source>
            <translation>Enter the label of the session.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Indiquez le lieu de la séance.</source>
            <translation>Enter the place of the session.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>JJ/MM/AAAA</source>
            <translation>DD/MM/YYYY</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Le week-end est un numéro de 1 à 9, ou vide.</source>
            <translation>The weekend is a number from 1 to 9, or empty.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Le {day} a déjà une séance à ce moment : « {label} » ({part}). Une journée occupe le matin et l'après-midi : choisissez une autre partie de journée ou un autre jour.</source>
            <translation>{day} already has a session at that time: “{label}” ({part}). A full day takes the morning and the afternoon: choose another part of the day or another day.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Li&amp;bellé :</source>
            <translation>La&amp;bel:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Partie de journée inconnue.</source>
            <translation>Unknown part of day.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>« {text} » n'est pas une date : saisissez JJ/MM/AAAA.</source>
            <translation>“{text}” is not a date: type DD/MM/YYYY.</translation>
        </message>
    </context>
    <context>
        <name>SessionsScreen</name>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Ajouter une séance… (Ctrl+N)</source>
            <translation>&amp;Add a session… (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>&amp;Enregistrer la séance (Ctrl+S)</source>
            <translation>&amp;Save the session (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Ajouter une séance</source>
            <translation>Add a session</translation>
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
            <source>Fermer (Échap)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Fermer l'écran des séances</source>
            <translation>Close the sessions screen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>La séance modifiée n'est pas enregistrée.</source>
            <translation>The changed session is not saved.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Liste des séances</source>
            <translation>List of sessions</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Modifier la séance</source>
            <translation>Edit the session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Produits tickets (Ctrl+2)</source>
            <translation>Ticket products (Ctrl+2)</translation>
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
            <source>S&amp;upprimer la séance (Suppr)</source>
            <translation>Dele&amp;te the session (Del)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>sans repas</source>
            <translation>no lunch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>sans tickets</source>
            <translation>no tickets</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Seul un responsable ou le bureau modifie le calendrier : rien n'a été changé.</source>
            <translation>Only a supervisor or the office changes the calendar: nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Suppression annulée : la séance est gardée.</source>
            <translation>Deletion cancelled: the session is kept.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Supprimer la séance « {title} »</source>
            <translation>Delete the session “{title}”</translation>
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
            <source>Séances ou produits tickets</source>
            <translation>Sessions or ticket products</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>tickets : {tickets}</source>
            <translation>tickets: {tickets}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>Tickets remis par présence (0 : aucun)</source>
            <translation>Tickets handed out per attendance (0: none)</translation>
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
            <source>« {title} » : des faits y sont déjà enregistrés : la séance ne peut plus être supprimée ; corrigez-la plutôt.</source>
            <translation>“{title}”: facts are already recorded at it: the session can no longer be deleted; correct it instead.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>État de l'enregistrement</source>
            <translation>Save status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>✔ Séance ajoutée : {title}</source>
            <translation>✔ Session added: {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>✔ Séance enregistrée : {title}</source>
            <translation>✔ Session saved: {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/sessions_screen.py" />
            <source>✔ Séance supprimée : {title}</source>
            <translation>✔ Session deleted: {title}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>&amp;Appliquer</source>
            <translation>&amp;Apply</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>&amp;Imprimante :</source>
            <translation>&amp;Printer:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>&amp;Langue :</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>&amp;Nom du poste :</source>
            <translation>Desk &amp;name:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>&amp;Parcourir…</source>
            <translation>B&amp;rowse…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>&amp;Thème :</source>
            <translation>&amp;Theme:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>&amp;Verrouillage après :</source>
            <translation>Loc&amp;k after:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Annuler (Échap)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Choisir le dossier d'export</source>
            <translation>Choose the export folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Choisir le dossier de sauvegarde</source>
            <translation>Choose the backup folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Choisir un dossier</source>
            <translation>Choose a folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Dossier d'&amp;export :</source>
            <translation>&amp;Export folder:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Dossier de &amp;sauvegarde :</source>
            <translation>&amp;Backup folder:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Fichier de ce guichet :</source>
            <translation>File of this desk:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Imprimante du système</source>
            <translation>The system's printer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Inte&amp;rvalle de sauvegarde :</source>
            <translation>Backup &amp;interval:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>jamais</source>
            <translation>never</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Jouer des s&amp;ons à chaque scan</source>
            <translation>Play s&amp;ounds at each scan</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>La langue sera changée au prochain démarrage de Guichet.</source>
            <translation>The language will change at the next start of Guichet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>OK (Entrée)</source>
            <translation>OK (Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Parco&amp;urir…</source>
            <translation>Bro&amp;wse…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Réglages du poste</source>
            <translation>Desk settings</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Taille du te&amp;xte :</source>
            <translation>Te&amp;xt size:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>{name} (absente)</source>
            <translation>{name} (missing)</translation>
        </message>
    </context>
    <context>
        <name>StartProblemDialog</name>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>&amp;Quitter sans rien changer</source>
            <translation>&amp;Quit without changing anything</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>&amp;Restaurer la dernière sauvegarde</source>
            <translation>&amp;Restore the latest backup</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>aucun</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Aucune sauvegarde de ce fichier n'a été trouvée.</source>
            <translation>No backup of this file was found.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Dernière sauvegarde :</source>
            <translation>Latest backup:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Fichier du guichet inutilisable</source>
            <translation>The desk file cannot be used</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/backup_dialog.py" />
            <source>Sauvegarde du {taken}
Poste : {desk}
Membres : {members}
Faits enregistrés : {events}
Dernier fait : {last}
Taille : {size} Ko</source>
            <translation>Backup of {taken}
Desk: {desk}
Members: {members}
Facts recorded: {events}
Last fact: {last}
Size: {size} KB</translation>
        </message>
    </context>
    <context>
        <name>StockScreen</name>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>&amp;Clôturer la journée… (Ctrl+L)</source>
            <translation>&amp;Close the day… (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>&amp;Enregistrer (Entrée)</source>
            <translation>&amp;Save (Enter)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>&amp;Mouvement :</source>
            <translation>&amp;Movement:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>&amp;Produit :</source>
            <translation>&amp;Product:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>&amp;Quantité :</source>
            <translation>&amp;Quantity:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>&amp;Rouvrir la journée… (Ctrl+Maj+L)</source>
            <translation>&amp;Reopen the day… (Ctrl+Shift+L)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Abîmés / perdus</source>
            <translation>Damaged / lost</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Clôture de la journée</source>
            <translation>Closing the day</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Comptage d'ouverture</source>
            <translation>Opening count</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Comptage de clôture</source>
            <translation>Closing count</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Comptez d'abord le stock de clôture : {names}.</source>
            <translation>First count the closing stock: {names}.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Erreur de saisie</source>
            <translation>Input error</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Explication : {text}</source>
            <translation>Explanation: {text}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Fermer (Échap)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>La journée est clôturée : plus aucune saisie n'est possible.</source>
            <translation>The day is closed: no more entries are possible.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>N&amp;ote :</source>
            <translation>N&amp;ote:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>nombre</source>
            <translation>number</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Nombre de tickets</source>
            <translation>Number of tickets</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>note (retours, abîmés)</source>
            <translation>note (returns, damaged)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Note du mouvement</source>
            <translation>Note on the movement</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Produit</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Produit inconnu.</source>
            <translation>Unknown product.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Remis : {n}</source>
            <translation>Handed out: {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Retour (tickets rendus)</source>
            <translation>Return (tickets given back)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Rouvrir la journée</source>
            <translation>Reopen the day</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Rouvrir la journée clôturée par {agent} à {time} ? La clôture reste dans le journal ; une contre-écriture l'annule. &amp;Motif :</source>
            <translation>Reopen the day closed by {agent} at {time}? The closing stays in the log; a counter-entry cancels it. &amp;Reason:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Saisie</source>
            <translation>Entry</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Saisissez le nombre de tickets.</source>
            <translation>Type the number of tickets.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Stock des tickets du jour</source>
            <translation>Today's ticket stock</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Stock des tickets — {desk} — {day}</source>
            <translation>Ticket stock — {desk} — {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Stock par produit</source>
            <translation>Stock by product</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Stock périmé (perte) : {value}</source>
            <translation>Expired stock (loss): {value}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Un mouvement porte sur au moins 1 ticket.</source>
            <translation>A movement covers at least 1 ticket.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>« {text} » n'est pas un nombre de tickets (ex. 40).</source>
            <translation>“{text}” is not a number of tickets (e.g. 40).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Écart total : {n}</source>
            <translation>Total difference: {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>☐ Journée ouverte : pas encore clôturée.</source>
            <translation>☐ Day open: not closed yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>☐ À compter à la clôture : {names}</source>
            <translation>☐ To count at closing: {names}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>✔ Journée clôturée par {agent} à {time} ({desk})</source>
            <translation>✔ Day closed by {agent} at {time} ({desk})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>✔ Journée clôturée.</source>
            <translation>✔ Day closed.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>✔ Journée rouverte (motif : {reason}).</source>
            <translation>✔ Day reopened (reason: {reason}).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>✔ {entry} enregistré : {name}, {n}</source>
            <translation>✔ {entry} recorded: {name}, {n}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>✖ La journée n'a pas pu être rouverte.</source>
            <translation>✖ The day could not be reopened.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>✖ Un écart demande une explication.</source>
            <translation>✖ A difference needs an explanation.</translation>
        </message>
    </context>
    <context>
        <name>StockTableModel</name>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Abîmés</source>
            <translation>Damaged</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Attendu</source>
            <translation>Expected</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Compté (clôture)</source>
            <translation>Counted (closing)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Ouverture</source>
            <translation>Opening</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Produit</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Périmé (perte)</source>
            <translation>Expired (loss)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Remis</source>
            <translation>Handed out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Retours</source>
            <translation>Returns</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>Écart</source>
            <translation>Difference</translation>
        </message>
    </context>
    <context>
        <name>TaskProgress</name>
        <message>
            <location filename="../../desktop/ui/tasks.py" />
            <source>Progression</source>
            <translation>Progress</translation>
        </message>
    </context>
    <context>
        <name>WindowScreens</name>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Aucun bon repas à imprimer pour l'instant.</source>
            <translation>No meal voucher to print yet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Badges en cours…</source>
            <translation>Making badges…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Badges enregistrés : {path}</source>
            <translation>Badges saved: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Bon repas non préparé : {error}</source>
            <translation>Meal voucher not prepared: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Bon repas prêt à imprimer (Ctrl+P) : {path}</source>
            <translation>Meal voucher ready to print (Ctrl+P): {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Bon repas…</source>
            <translation>Meal voucher…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Choisissez d'abord une personne dans la liste (Ctrl+F pour chercher).</source>
            <translation>First choose a person in the list (Ctrl+F to search).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Enregistrer les badges (PDF)</source>
            <translation>Save the badges (PDF)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Fiche du membre</source>
            <translation>Member card</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Import de la liste…</source>
            <translation>Importing the list…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Importer la liste des membres</source>
            <translation>Import the member list</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>L'opération a échoué : {error}</source>
            <translation>The operation failed: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>La sauvegarde est restaurée. Guichet va se fermer : relancez-le.</source>
            <translation>The backup is restored. Guichet will now close: start it again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Listes (*.csv *.xlsx *.ods *.txt);;Tous les fichiers (*)</source>
            <translation>Lists (*.csv *.xlsx *.ods *.txt);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Sauvegarde restaurée</source>
            <translation>Backup restored</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/window_screens.py" />
            <source>Échec</source>
            <translation>Failed</translation>
        </message>
    </context>
    <context>
        <name>WithdrawConfirmation</name>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>&amp;Retirer ces membres et importer</source>
            <translation>&amp;Withdraw these members and import</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Annuler (Échap) : ne rien modifier</source>
            <translation>Cancel (Esc): change nothing</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Import de la liste : confirmation</source>
            <translation>Roster import: confirmation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>Un membre retiré voit son badge refusé à l'accueil. Rien n'a été modifié pour l'instant. Les noms sont dans le détail.</source>
            <translation>A withdrawn member's badge is refused at the desk. Nothing has been changed yet. The names are in the details.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/import_report.py" />
            <source>« {file} » retirerait {n} des {m} membres attendus : tous ceux qui ne figurent pas dans ce fichier. Est-ce bien la liste complète ?</source>
            <translation>“{file}” would withdraw {n} of the {m} members expected: all those not in this file. Is it really the complete list?</translation>
        </message>
    </context>
    <context>
        <name>_DeskPage</name>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>&amp;Nom de ce poste :</source>
            <translation>Na&amp;me of this desk:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>C'est le nom inscrit dans le fichier {file} : il figure sur les exports et les rapports du bureau. Convention : {title} ({members} membres).</source>
            <translation>This is the name written in the file {file}: it appears on the exports and on the office’s reports. Convention: {title} ({members} members).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Comment s'appelle ce poste ?</source>
            <translation>What is this desk called?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Le bureau a nommé ce guichet en préparant son fichier.</source>
            <translation>The office named this desk when it prepared its file.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Nom de ce poste</source>
            <translation>Name of this desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>par ex. Accueil 1</source>
            <translation>e.g. Accueil 1</translation>
        </message>
    </context>
    <context>
        <name>_ExportPage</name>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Ce dossier ne peut pas être créé : {reason}</source>
            <translation>This folder cannot be created: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Choisir le dossier d'export</source>
            <translation>Choose the export folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>D&amp;ossier :</source>
            <translation>F&amp;older:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Dossier d'export</source>
            <translation>Export folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Indiquez un dossier.</source>
            <translation>Enter a folder.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Où enregistrer les exports de fin de journée (créé s'il n'existe pas).</source>
            <translation>Where to save the end-of-day exports (created if it does not exist).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Pa&amp;rcourir…</source>
            <translation>B&amp;rowse…</translation>
        </message>
    </context>
    <context>
        <name>_PrinterPage</name>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>&amp;Imprimante des badges et documents :</source>
            <translation>&amp;Printer for badges and documents:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Aucune imprimante</source>
            <translation>No printer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Aucune imprimante n'est installée : vous pourrez la choisir plus tard dans les réglages (les documents restent enregistrables en PDF).</source>
            <translation>No printer is installed: you can choose one later in the settings (documents can still be saved as PDF).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Imprimante</source>
            <translation>Printer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Imprimante du système</source>
            <translation>The system's printer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/first_start.py" />
            <source>Où imprimer les badges et les documents du jour.</source>
            <translation>Where to print the badges and the day's documents.</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <location filename="../../desktop/app.py" />
            <source>C'est le fichier de ce guichet, choisi au premier démarrage. Branchez le disque ou la clé qui le contient puis relancez Guichet, ou appelez le bureau. Guichet n'ouvre pas la démonstration à sa place.</source>
            <translation>This is the file of this desk, chosen at the first start. Plug in the drive or the USB stick that holds it and start Guichet again, or call the office. Guichet does not open the demo in its place.</translation>
        </message>
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
        <name>caterer_screen</name>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>+ {n} pass d'un autre guichet</source>
            <translation>+ {n} passes from another desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Aucun repas aujourd'hui</source>
            <translation>No meal today</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Aucune séance n'est prévue aujourd'hui : rien n'a été enregistré.</source>
            <translation>No session is planned today: nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Badge, pas un pass repas</source>
            <translation>A badge, not a meal pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>C'est le badge d'un membre : demandez son pass repas (remis au guichet).</source>
            <translation>This is a member's badge: ask for their meal pass (handed out at the desk).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Ce pass a été annulé au guichet. Ne pas servir : envoyez la personne au guichet.</source>
            <translation>This pass was cancelled at the desk. Do not serve: send the person to the desk.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Ce pass est pour : {session}. Ne pas servir : envoyez la personne au guichet.</source>
            <translation>This pass is for: {session}. Do not serve: send the person to the desk.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Ce pass n'appartient pas à cette convention. Rien n'a été enregistré.</source>
            <translation>This pass does not belong to this convention. Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Code illisible</source>
            <translation>Unreadable code</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Déjà servi à {time}</source>
            <translation>Already served at {time}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>La signature de ce pass ne correspond pas (pass falsifié ou abîmé). Ne pas servir : envoyez la personne au guichet.</source>
            <translation>The signature of this pass does not match (forged or damaged pass). Do not serve: send the person to the desk.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Le code lu est incomplet ou abîmé : scannez à nouveau le pass.</source>
            <translation>The code read is incomplete or damaged: scan the pass again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>le QR code du pass</source>
            <translation>the QR code of the pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Le scan était vide : scannez à nouveau.</source>
            <translation>The scan was empty: scan again.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Le scanner tape avec une autre disposition de clavier (QWERTY/AZERTY) : réglez-le avec sa fiche de configuration.</source>
            <translation>The scanner types with another keyboard layout (QWERTY/AZERTY): set it up with its configuration sheet.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Pass annulé</source>
            <translation>Pass cancelled</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Pass d'un autre repas</source>
            <translation>Pass for another meal</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Pass d'une autre convention</source>
            <translation>Pass of another convention</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Pass non valable</source>
            <translation>Invalid pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Pass émis à un autre guichet (signature vérifiée)</source>
            <translation>Pass issued at another desk (signature checked)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Prêt : scannez un pass repas</source>
            <translation>Ready: scan a meal pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Rien n'a été lu</source>
            <translation>Nothing was read</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Scanner mal configuré (clavier)</source>
            <translation>Scanner misconfigured (keyboard)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Servi</source>
            <translation>Served</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>Servis : {served} / {passes} pass remis (membres {sm} / {pm}, invités {sg} / {pg})</source>
            <translation>Served: {served} / {passes} passes handed out (members {sm} / {pm}, guests {sg} / {pg})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>standard</source>
            <translation>standard</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>{desk}, agent {agent}</source>
            <translation>{desk}, agent {agent}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>{name} — invité·e ({role})</source>
            <translation>{name} — guest ({role})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>{name} — menu {menu}</source>
            <translation>{name} — {menu} menu</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/caterer_screen.py" />
            <source>{who}
Déjà servi ({where}) : ne pas servir une seconde fois.</source>
            <translation>{who}
Already served ({where}): do not serve a second time.</translation>
        </message>
    </context>
    <context>
        <name>demo_marker</name>
        <message>
            <location filename="../../desktop/ui/demo_marker.py" />
            <source>DÉMONSTRATION — membres fictifs : n'accueillez pas de vrais membres sur ce fichier</source>
            <translation>DEMO — fictitious members: do not welcome real members on this file</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/demo_marker.py" />
            <source>Guichet — DÉMONSTRATION — {title}</source>
            <translation>Guichet — DEMO — {title}</translation>
        </message>
    </context>
    <context>
        <name>guest_meal_dialog</name>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Aucun bon repas ne peut être remis à cette séance.</source>
            <translation>No meal pass can be given at this session.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Aucun bon repas ne peut être remis.</source>
            <translation>No meal pass can be given.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Aucune séance aujourd'hui</source>
            <translation>No session today</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Autre</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Expert·e</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Guichet, agent</source>
            <translation>Desk, agent</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Heure</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Motif d'un autre bon</source>
            <translation>Reason for another pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Nom</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Pas de repas prévu à cette séance</source>
            <translation>No lunch at this session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Personnel</source>
            <translation>Staff</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Prêt : nom de l'invité, puis Entrée</source>
            <translation>Ready: the guest's name, then Enter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Rôle</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Un bon repas par personne et par repas, compté à part des membres.</source>
            <translation>One meal pass per person and per lunch, counted apart from members.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/guest_meal_dialog.py" />
            <source>Élu·e</source>
            <translation>Elected official</translation>
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
        <name>journal</name>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>&amp;Agent :</source>
            <translation>&amp;Agent:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>&amp;Du :</source>
            <translation>F&amp;rom:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>&amp;Fait :</source>
            <translation>&amp;Fact:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>&amp;Membre :</source>
            <translation>&amp;Member:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>1 fait</source>
            <translation>1 fact</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>a&amp;u :</source>
            <translation>&amp;until:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Annulation</source>
            <translation>Cancellation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Approbation d'un responsable</source>
            <translation>Supervisor's approval</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Badge révoqué</source>
            <translation>Badge revoked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Badge émis</source>
            <translation>Badge issued</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Clôture de journée</source>
            <translation>Day closed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Code PIN changé</source>
            <translation>PIN changed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Comptage du stock</source>
            <translation>Stock count</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Compte activé ou désactivé</source>
            <translation>Account enabled or disabled</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Compte créé</source>
            <translation>Account created</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Compte déverrouillé</source>
            <translation>Account unlocked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Compte verrouillé</source>
            <translation>Account locked</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Conflit accepté</source>
            <translation>Conflict accepted</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Connexion</source>
            <translation>Login</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Contrôles de fin de journée</source>
            <translation>End-of-day checks</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Depuis</source>
            <translation>From</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Détail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>E&amp;xporter en CSV…</source>
            <translation>E&amp;xport as CSV…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Export du journal</source>
            <translation>Log export</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Export impossible : {error}</source>
            <translation>Export failed: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Exporter le journal</source>
            <translation>Export the log</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Exporter les faits filtrés (Ctrl+S)</source>
            <translation>Export the filtered facts (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Fait</source>
            <translation>Fact</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Faits du journal, le plus récent en premier</source>
            <translation>Facts of the log, the latest first</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Fichier CSV (*.csv)</source>
            <translation>CSV file (*.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Filtrer par agent</source>
            <translation>Filter by agent</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Filtrer par membre</source>
            <translation>Filter by member</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Filtrer par sorte de fait</source>
            <translation>Filter by kind of fact</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Heure</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Journal des faits</source>
            <translation>Log of facts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Journal vide.</source>
            <translation>Empty log.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Jusqu'à</source>
            <translation>Until</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Justificatif de stationnement</source>
            <translation>Parking receipt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Membre</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Mot de passe changé</source>
            <translation>Password changed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Mouvement de stock</source>
            <translation>Stock movement</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>nom, prénom ou commune</source>
            <translation>surname, first name or commune</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Notice d'information modifiée</source>
            <translation>Information notice changed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Passage repas</source>
            <translation>Meal pass</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Poste</source>
            <translation>Desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Purge du poste</source>
            <translation>Desk purged</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Remise de tickets</source>
            <translation>Tickets handed out</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Repas servis</source>
            <translation>Meal served</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Rôle changé</source>
            <translation>Role changed</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Session</source>
            <translation>Session</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Statut stationnement</source>
            <translation>Parking status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Tous les agents</source>
            <translation>All agents</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Tous les faits</source>
            <translation>All facts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Vérification du journal</source>
            <translation>Log check</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Vérification du journal…</source>
            <translation>Checking the log…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Vérification impossible : {error}</source>
            <translation>Check failed: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>{n} faits</source>
            <translation>{n} facts</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>{n} faits exportés dans {path}</source>
            <translation>{n} facts exported to {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Échec de connexion</source>
            <translation>Failed login</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>Émargement</source>
            <translation>Check-in</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>État du journal</source>
            <translation>Log status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/journal_screen.py" />
            <source>✖ annulé depuis</source>
            <translation>✖ voided since</translation>
        </message>
    </context>
    <context>
        <name>member_card</name>
        <message>
            <location filename="../../desktop/ui/member_card.py" />
            <source>{time} — {desk}, agent {agent}</source>
            <translation>{time} — {desk}, agent {agent}</translation>
        </message>
    </context>
    <context>
        <name>override_reason</name>
        <message>
            <location filename="../../desktop/ui/override_reason.py" />
            <source>Remettre quand même ?</source>
            <translation>Hand out anyway?</translation>
        </message>
    </context>
    <context>
        <name>session_form</name>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>L'enregistrer maintenant ?</source>
            <translation>Save it now?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/session_form.py" />
            <source>Modifications non enregistrées</source>
            <translation>Unsaved changes</translation>
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Agrandit tout le texte de l'application.</source>
            <translation>Makes all the text of the application larger.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Ce dossier n'est pas accessible en écriture.</source>
            <translation>This folder is not writable.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>Ce dossier n'existe pas.</source>
            <translation>This folder does not exist.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Contraste élevé</source>
            <translation>High contrast</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Dossier d'export</source>
            <translation>Export folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Dossier de sauvegarde</source>
            <translation>Backup folder</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Fichier de ce guichet</source>
            <translation>File of this desk</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Imprimante par défaut</source>
            <translation>Default printer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Intervalle de sauvegarde (minutes)</source>
            <translation>Backup interval (minutes)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>L'assistant de premier démarrage a été suivi sur ce poste.</source>
            <translation>The first-start wizard has been completed on this desk.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>L'imprimante des badges et des documents ; vide : celle du système.</source>
            <translation>The printer for badges and documents; empty: the system's one.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>La langue de l'interface (prise en compte au prochain démarrage).</source>
            <translation>The language of the interface (applied at the next start).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Langue</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Le fichier préparé par le bureau pour ce poste, ouvert quand Guichet démarre sans option ; vide : la démonstration. Choisi au premier démarrage, modifiable dans les réglages ; pris en compte au prochain démarrage.</source>
            <translation>The file the office prepared for this desk, opened when Guichet starts without options; empty: the demo. Chosen at the first start, can be changed in the settings; taken into account at the next start.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Le guichet se verrouille après ce temps sans activité ; 0 : jamais.</source>
            <translation>The desk locks after this time without activity; 0: never.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Le nom de ce guichet sur les exports et les rapports (par ex. « Accueil 1 »).</source>
            <translation>The name of this desk on exports and reports (e.g. “Accueil 1”).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Le temps entre deux copies de sauvegarde.</source>
            <translation>The time between two backup copies.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Nom du poste</source>
            <translation>Desk name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Où les exports de fin de journée sont enregistrés (clé USB, partage) : le choix de dossier de Ctrl+E s'y ouvre. Les documents du jour ont leur propre dossier (Ctrl+D).</source>
            <translation>Where the end-of-day exports are saved (USB stick, share): Ctrl+E's folder choice opens there. The day's documents have their own folder (Ctrl+D).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Premier démarrage fait</source>
            <translation>First start done</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Sons</source>
            <translation>Sounds</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Standard</source>
            <translation>Standard</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Standard, ou contraste élevé (noir, blanc et jaune) pour une salle lumineuse ou une vue basse.</source>
            <translation>Standard, or high contrast (black, white and yellow) for a bright room or low vision.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Taille du texte</source>
            <translation>Text size</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Thème</source>
            <translation>Theme</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Un son différent pour une arrivée, un doublon et un refus.</source>
            <translation>A different sound for an arrival, a repeat and a refusal.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Une copie du fichier de la convention y est faite régulièrement (clé USB, autre disque).</source>
            <translation>A copy of the convention's file is made there regularly (USB stick, another disk).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings.py" />
            <source>Verrouillage après inactivité (minutes)</source>
            <translation>Lock after inactivity (minutes)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/settings_dialog.py" />
            <source>{n} caractères au plus.</source>
            <translation>{n} characters at most.</translation>
        </message>
    </context>
    <context>
        <name>stock_screen</name>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>(périmé)</source>
            <translation>(expired)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>+{n} (en trop)</source>
            <translation>+{n} (over)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>0 (juste)</source>
            <translation>0 (exact)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>{n} (report)</source>
            <translation>{n} (carried over)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>à compter</source>
            <translation>to count</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/stock_screen.py" />
            <source>−{n} (manque)</source>
            <translation>−{n} (short)</translation>
        </message>
    </context>
    <context>
        <name>wording</name>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>après-midi</source>
            <translation>afternoon</translation>
        </message>
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
            <source>Choisissez la séance (Alt+S), ou ajoutez celle du jour : F6 puis Ctrl+N.</source>
            <translation>Choose the session (Alt+S), or add today's: F6 then Ctrl+N.</translation>
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
            <source>journée</source>
            <translation>full day</translation>
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
            <source>matin</source>
            <translation>morning</translation>
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
            <source>soirée</source>
            <translation>evening</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>voir le responsable</source>
            <translation>see the person in charge</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>{name} : aucune séance n'est prévue aujourd'hui. Rien n'a été enregistré. Choisissez la séance (Alt+S), ou ajoutez celle du jour : F6 puis Ctrl+N.</source>
            <translation>{name}: no session is planned today. Nothing was recorded. Choose the session (Alt+S), or add today's: F6 then Ctrl+N.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/wording.py" />
            <source>{name} ne fait plus partie de la convention. Rien n'a été enregistré : voyez le responsable.</source>
            <translation>{name} is no longer part of the convention. Nothing was recorded: see the person in charge.</translation>
        </message>
    </context>
</TS>
