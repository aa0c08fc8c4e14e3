"""The data dictionary: every stored table and column, what it is, why it is kept, how long.

Generated from the live schema of a file (so it cannot drift from what is really stored) and a
declared map of descriptions below. A column without a description is listed by
`missing_descriptions`; a test fails on it, so a migration that adds a column must say here why
it is kept. For the Métropole's register of processing activities (RGPD article 30).
"""

from dataclasses import dataclass

import sqlite_utils

# Retention periods, named once.
DESK_UNTIL_PURGE = "poste : jusqu'à la purge après import au bureau ; bureau : voir le registre"
CONVENTION = "durée de la convention, puis justification comptable des dépenses"
ACCOUNTING = "durée de la convention puis 10 ans (pièces justificatives comptables)"
TECHNICAL = "vie du fichier"
ACCOUNT_LIFE = "tant que l'agent intervient sur la convention"


@dataclass(frozen=True)
class TableDoc:
    what: str
    why: str
    retention: str


@dataclass(frozen=True)
class ColumnDoc:
    what: str
    personal: bool = False  # personal data (RGPD) of a member or an agent


TABLES: dict[str, TableDoc] = {
    "_sqlite_migrations": TableDoc(
        "Migrations de schéma appliquées",
        "Savoir quelle version du schéma porte le fichier",
        TECHNICAL,
    ),
    "accounts": TableDoc(
        "Comptes des agents",
        "Identifier l'agent de chaque fait, verrouiller le poste",
        ACCOUNT_LIFE,
    ),
    "attachments": TableDoc(
        "Scans des justificatifs de stationnement",
        "Pièce justificative du remboursement",
        ACCOUNTING,
    ),
    "badges": TableDoc(
        "Codes des badges", "Reconnaître un membre au scan de son badge", DESK_UNTIL_PURGE
    ),
    "communes": TableDoc(
        "Communes de la Métropole (référentiel public)", "Commune de résidence", TECHNICAL
    ),
    "convention": TableDoc("La convention", "En-têtes des documents, codes des badges", TECHNICAL),
    "convention_settings": TableDoc(
        "Réglages communs à tous les postes",
        "Plafond, clé des pass repas, notice d'information",
        TECHNICAL,
    ),
    "desk_identity": TableDoc("Identité de ce poste", "Signer et numéroter ses faits", TECHNICAL),
    "desks": TableDoc(
        "Postes connus et leurs clés publiques", "Vérifier les exports signés", TECHNICAL
    ),
    "events": TableDoc(
        "Journal des faits (émargements, remises, corrections)",
        "Preuve du service fait et justification des dépenses ; ajout seul, chaîné",
        CONVENTION,
    ),
    "import_log": TableDoc(
        "Exports importés au bureau",
        "Ne rien importer deux fois, accuser réception, savoir qui a fusionné",
        CONVENTION,
    ),
    "members": TableDoc(
        "Membres de la convention",
        "Accueil, repas, transport et stationnement des membres",
        DESK_UNTIL_PURGE,
    ),
    "merge_anomalies": TableDoc(
        "Faits écartés à la fusion", "Examen par une personne, rien n'est perdu", CONVENTION
    ),
    "purge_log": TableDoc(
        "Journal des purges du poste",
        "Trace de la suppression des données personnelles",
        TECHNICAL,
    ),
    "session_tickets": TableDoc(
        "Tickets prévus par séance", "Savoir quels tickets remettre", TECHNICAL
    ),
    "sessions": TableDoc("Séances de la convention", "Calendrier, repas, émargement", TECHNICAL),
    "ticket_products": TableDoc(
        "Catalogue des titres de transport", "Remise et stock des tickets", TECHNICAL
    ),
}

COLUMNS: dict[str, dict[str, ColumnDoc]] = {
    "_sqlite_migrations": {
        "id": ColumnDoc("Numéro"),
        "migration_set": ColumnDoc("Ensemble de migrations"),
        "name": ColumnDoc("Nom de la migration"),
        "applied_at": ColumnDoc("Date d'application"),
    },
    "accounts": {
        "name": ColumnDoc("Nom de l'agent", personal=True),
        "role": ColumnDoc("Rôle : accueil, responsable ou bureau"),
        "password_hash": ColumnDoc(
            "Empreinte scrypt salée du mot de passe (jamais le mot de passe)"
        ),
        "pin_hash": ColumnDoc("Empreinte scrypt du code PIN de déverrouillage, facultatif"),
        "active": ColumnDoc("Compte actif ou désactivé"),
        "created_at": ColumnDoc("Création du compte (UTC)"),
        "changed_at": ColumnDoc("Dernière modification (UTC)"),
    },
    "attachments": {
        "sha256": ColumnDoc("Empreinte SHA-256 du fichier"),
        "media_type": ColumnDoc("Type de fichier (image ou PDF)"),
        "size": ColumnDoc("Taille en octets"),
        "content": ColumnDoc("Le scan du ticket de stationnement", personal=True),
    },
    "badges": {
        "token": ColumnDoc("Code aléatoire imprimé en QR code (ne révèle rien)"),
        "member_id": ColumnDoc("Membre porteur du badge"),
        "issued_at": ColumnDoc("Date d'émission (UTC)"),
    },
    "communes": {
        "insee": ColumnDoc("Code INSEE"),
        "name": ColumnDoc("Nom de la commune"),
        "postal_codes": ColumnDoc("Codes postaux"),
        "tram_2023": ColumnDoc("Desservie par le tramway en 2023"),
    },
    "convention": {
        "id": ColumnDoc("Toujours 1"),
        "convention_id": ColumnDoc("Identifiant de la convention"),
        "code_tag": ColumnDoc("Marque de 4 lettres des badges"),
        "title": ColumnDoc("Titre"),
        "organiser": ColumnDoc("Organisateur"),
        "deliberation": ColumnDoc("Référence de la délibération"),
    },
    "convention_settings": {
        "key": ColumnDoc("Nom du réglage"),
        "value": ColumnDoc("Valeur"),
    },
    "desk_identity": {
        "id": ColumnDoc("Toujours 1"),
        "desk_id": ColumnDoc("Identifiant du poste"),
        "label": ColumnDoc("Nom du poste"),
        "role": ColumnDoc("Poste d'accueil ou bureau"),
    },
    "desks": {
        "desk_id": ColumnDoc("Identifiant du poste"),
        "label": ColumnDoc("Nom du poste"),
        "public_key": ColumnDoc("Clé publique Ed25519 (vérification des signatures)"),
    },
    "events": {
        "id": ColumnDoc("Identifiant unique du fait (UUIDv7)"),
        "desk_id": ColumnDoc("Poste qui l'a écrit"),
        "seq": ColumnDoc("Numéro d'ordre sans trou dans ce poste"),
        "at": ColumnDoc("Heure (UTC)"),
        "agent": ColumnDoc("Agent au clavier", personal=True),
        "kind": ColumnDoc("Nature du fait (émargement, pass repas, ticket, correction...)"),
        "member_id": ColumnDoc("Membre concerné (identifiant pseudonyme, sans nom)", personal=True),
        "session_id": ColumnDoc("Séance concernée"),
        "target_id": ColumnDoc("Fait ou objet visé (correction, révocation...)"),
        "payload": ColumnDoc(
            "Détails du fait (motif, montant, numéro de reçu, nom d'un invité au repas)",
            personal=True,
        ),
        "chain": ColumnDoc("Empreinte chaînée du journal du poste (preuve de non-modification)"),
    },
    "import_log": {
        "file_sha256": ColumnDoc("Empreinte du fichier exporté"),
        "desk_id": ColumnDoc("Poste"),
        "desk_label": ColumnDoc("Nom du poste"),
        "file_name": ColumnDoc("Nom du fichier"),
        "last_seq": ColumnDoc("Dernier numéro de fait"),
        "event_count": ColumnDoc("Nombre de faits"),
        "new_events": ColumnDoc("Faits nouveaux ajoutés"),
        "anomalies": ColumnDoc("Faits écartés"),
        "exported_at": ColumnDoc("Heure de l'export (UTC)"),
        "imported_at": ColumnDoc("Heure de l'import (UTC)"),
        "agent": ColumnDoc(
            "Agent du bureau qui a fusionné l'export (vide : non noté, import antérieur "
            "ou sans agent nommé)",
            personal=True,
        ),
    },
    "members": {
        "id": ColumnDoc("Identifiant interne"),
        "external_ref": ColumnDoc("Référence du prestataire du tirage au sort"),
        "surname": ColumnDoc("Nom", personal=True),
        "first_name": ColumnDoc("Prénom", personal=True),
        "commune_insee": ColumnDoc("Commune de résidence", personal=True),
        "status": ColumnDoc("Actif, suppléant ou retiré"),
        "pass_status": ColumnDoc("Abonnement transport : aucun, week-end, 7j-7, en cours"),
        "parking_eligible": ColumnDoc("Éligible au remboursement du stationnement"),
        "parking_reason": ColumnDoc("Motif de la décision d'éligibilité", personal=True),
        "menu": ColumnDoc("Régime de repas (jamais le motif médical ou religieux)"),
        "needs_assistance": ColumnDoc("Besoin d'assistance (oui/non)", personal=True),
        "assistance_note": ColumnDoc("Note pratique d'assistance", personal=True),
        "search_key": ColumnDoc("Nom et commune sans accents, pour la recherche", personal=True),
    },
    "merge_anomalies": {
        "id": ColumnDoc("Numéro"),
        "kind": ColumnDoc("Contenu différent ou poste copié"),
        "event_id": ColumnDoc("Fait concerné"),
        "desk_id": ColumnDoc("Poste"),
        "seq": ColumnDoc("Numéro du fait"),
        "content": ColumnDoc("Le fait écarté, en entier", personal=True),
        "file_sha256": ColumnDoc("Export d'origine"),
        "detected_at": ColumnDoc("Heure de détection (UTC)"),
    },
    "purge_log": {
        "id": ColumnDoc("Numéro"),
        "at": ColumnDoc("Heure de la purge (UTC)"),
        "agent": ColumnDoc("Agent qui a purgé", personal=True),
        "export_sha256": ColumnDoc("Export dont le bureau a accusé réception"),
        "acknowledged_by": ColumnDoc("Bureau signataire de l'accusé de réception"),
        "members": ColumnDoc("Nombre de membres anonymisés"),
        "badges": ColumnDoc("Nombre de badges supprimés"),
        "attachments": ColumnDoc("Nombre de scans supprimés"),
        "details": ColumnDoc("Détail des suppressions (comptes, sans nom)"),
    },
    "session_tickets": {
        "session_id": ColumnDoc("Séance"),
        "product_id": ColumnDoc("Titre de transport"),
        "quantity": ColumnDoc("Nombre par présence"),
    },
    "sessions": {
        "id": ColumnDoc("Identifiant"),
        "day": ColumnDoc("Date"),
        "part": ColumnDoc("Partie de journée"),
        "place": ColumnDoc("Lieu"),
        "weekend": ColumnDoc("Numéro du week-end"),
        "lunch": ColumnDoc("Repas fourni"),
        "label": ColumnDoc("Intitulé"),
    },
    "ticket_products": {
        "id": ColumnDoc("Identifiant"),
        "name": ColumnDoc("Nom du titre"),
        "unit_price_cents": ColumnDoc("Prix unitaire (centimes)"),
        "valid_from": ColumnDoc("Valable à partir du"),
        "valid_until": ColumnDoc("Valable jusqu'au"),
        "free_travel_applies": ColumnDoc("Inutile pour un abonné ou en gratuité"),
        "active": ColumnDoc("Encore distribué"),
    },
}


@dataclass(frozen=True)
class Entry:
    table: str
    column: str
    type: str
    required: bool
    what: str  # "" when undeclared
    personal: bool
    why: str
    retention: str


HEADER = [
    "Table",
    "Colonne",
    "Type",
    "Obligatoire",
    "Description",
    "Donnée personnelle",
    "Finalité",
    "Conservation",
]


def _tables(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def data_dictionary(db: sqlite_utils.Database) -> list[Entry]:
    """Every column of every table of this file, with its declared description."""
    entries = []
    for table in _tables(db):
        doc = TABLES.get(table, TableDoc("", "", ""))
        for row in db.execute(f'PRAGMA table_info("{table}")').fetchall():
            column = str(row[1])
            col = COLUMNS.get(table, {}).get(column, ColumnDoc(""))
            entries.append(
                Entry(
                    table=table,
                    column=column,
                    type=str(row[2]),
                    required=bool(row[3]) or bool(row[5]),
                    what=col.what,
                    personal=col.personal,
                    why=doc.why,
                    retention=doc.retention,
                )
            )
    return entries


def missing_descriptions(db: sqlite_utils.Database) -> list[str]:
    """`table` or `table.column` stored in the file but not described here."""
    missing = [t for t in _tables(db) if t not in TABLES]
    missing += [f"{e.table}.{e.column}" for e in data_dictionary(db) if not e.what]
    return missing


def rows(db: sqlite_utils.Database) -> list[list[str]]:
    """The dictionary as spreadsheet rows (see HEADER)."""
    return [
        [
            e.table,
            e.column,
            e.type,
            "oui" if e.required else "non",
            e.what,
            "oui" if e.personal else "non",
            e.why,
            e.retention,
        ]
        for e in data_dictionary(db)
    ]


def text(db: sqlite_utils.Database) -> str:
    """Readable text, table by table."""
    lines: list[str] = []
    current = None
    for e in data_dictionary(db):
        if e.table != current:
            current = e.table
            doc = TABLES.get(e.table, TableDoc("(non décrite)", "", ""))
            lines += ["", f"{e.table} — {doc.what}"]
            lines += [f"  Finalité : {doc.why}", f"  Conservation : {doc.retention}"]
        flag = " [donnée personnelle]" if e.personal else ""
        lines.append(f"  - {e.column} ({e.type or 'ANY'}) : {e.what or '(non décrite)'}{flag}")
    return "\n".join(lines).lstrip("\n") + "\n"
