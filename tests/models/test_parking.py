"""Parking receipts: eligibility, presence, the form's checks, the scan, duplicates, status."""

import hashlib
import json
from dataclasses import replace
from datetime import date

import pytest

from desktop.models import checkin, members
from desktop.models.attachments import MAX_BYTES, content, export
from desktop.models.convention import get_session
from desktop.models.convention_settings import parking_ceiling, set_parking_ceiling
from desktop.models.facts import ConfirmReason, HandoutOutcome, VoidOutcome, void_fact
from desktop.models.parking import (
    ReceiptStatus,
    StatusOutcome,
    change_status,
    eligibility,
    get_receipt,
    receipts,
    record_receipt,
    set_eligibility,
)
from desktop.models.receipt_form import ReceiptForm

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(40)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


def _member(db, surname):
    return next(m for m in members.all_members(db) if m.surname == surname)


def _present(db, desk, clock, surname, session):
    member = _member(db, surname)
    assert checkin.check_in_member(db, member.id, session, desk, clock).recorded
    return member


def _receipt_facts(db):
    rows = db.execute(
        "SELECT id, agent, member_id, session_id, payload FROM events "
        "WHERE kind = 'parking.receipt' ORDER BY seq"
    ).fetchall()
    return [(*row[:4], json.loads(row[4])) for row in rows]


def _count(db, table):
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.fixture
def saturday(demo_db):
    return get_session(demo_db, "we1-samedi")


@pytest.fixture
def scan(tmp_path):
    path = tmp_path / "ticket parking.png"
    path.write_bytes(PNG)
    return path


def _form(scan, **changes):
    form = ReceiptForm(
        car_park="Parking Gaumont-Circé", receipt_no="A 123 456", amount="12,50", scan_path=scan
    )
    return replace(form, **changes)


def test_receipt_for_an_eligible_present_member(demo_db, desk, clock, saturday, scan):
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    assert member.parking_eligible
    result = record_receipt(
        demo_db, member.id, saturday, _form(scan, time_in="8h40", time_out="18:05"), desk, clock
    )
    assert result.outcome is HandoutOutcome.RECORDED and result.line_key == "parking"
    ((event_id, agent, member_id, session_id, payload),) = _receipt_facts(demo_db)
    assert (event_id, agent, member_id, session_id) == (
        result.event_id,
        "Martin",
        member.id,
        "we1-samedi",
    )
    digest = hashlib.sha256(PNG).hexdigest()
    assert payload == {
        "car_park": "Parking Gaumont-Circé",
        "receipt_number": "A 123 456",
        "amount_cents": 1250,
        "day": "2023-11-11",
        "time_in": "08:40",
        "time_out": "18:05",
        "scan": {
            "sha256": digest,
            "name": "ticket parking.png",
            "size": len(PNG),
            "media_type": "image/png",
        },
    }
    stored = demo_db.execute("SELECT sha256, media_type, size FROM attachments").fetchall()
    assert stored == [(digest, "image/png", len(PNG))]
    assert content(demo_db, digest) == PNG
    receipt = result.receipt
    assert receipt.status is ReceiptStatus.RECEIVED and receipt.amount_cents == 1250
    assert receipt.day == date(2023, 11, 11) and receipt.attachment.sha256 == digest


def test_receipt_for_an_absent_member_is_refused(demo_db, desk, clock, saturday, scan):
    member = _member(demo_db, "ROUSSEL")
    result = record_receipt(demo_db, member.id, saturday, _form(scan), desk, clock)
    assert result.outcome is HandoutOutcome.NOT_PRESENT
    assert _receipt_facts(demo_db) == [] and _count(demo_db, "attachments") == 0


def test_receipt_for_a_member_not_eligible_is_refused(demo_db, desk, clock, saturday, scan):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    result = record_receipt(demo_db, member.id, saturday, _form(scan), desk, clock)
    assert result.outcome is HandoutOutcome.NOT_ELIGIBLE
    assert _receipt_facts(demo_db) == []


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "supérieur à 0,00 €"),
        ("-3", "négatif"),
        ("12,505", "deux chiffres après la virgule"),
        ("1e9", "n'est pas un montant"),
        ("abc", "« abc » n'est pas un montant"),
        ("30,01", "dépasse le plafond de remboursement (30,00 €)"),
        ("", "Montant vide"),
    ],
)
def test_bad_amounts_are_refused_with_precise_messages(
    demo_db, desk, clock, saturday, scan, amount, words
):
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    result = record_receipt(demo_db, member.id, saturday, _form(scan, amount=amount), desk, clock)
    assert result.outcome is HandoutOutcome.INVALID
    ((field, message),) = [(e.field, e.message) for e in result.errors]
    assert field == "amount" and words in message
    assert _receipt_facts(demo_db) == [] and _count(demo_db, "attachments") == 0


def test_the_ceiling_is_a_setting_of_the_file(demo_db, desk, clock, saturday, scan):
    assert parking_ceiling(demo_db) == 3000
    set_parking_ceiling(demo_db, 4500)
    assert demo_db.execute(
        "SELECT value FROM convention_settings WHERE key = 'parking_ceiling_cents'"
    ).fetchone() == ("4500",)
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    result = record_receipt(demo_db, member.id, saturday, _form(scan, amount="45.00"), desk, clock)
    assert result.recorded and result.receipt.amount_cents == 4500


def test_every_field_problem_is_reported_at_once(demo_db, desk, clock, saturday, tmp_path):
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    form = ReceiptForm(
        car_park=" ",
        receipt_no="",
        amount="abc",
        scan_path=tmp_path / "absent.jpg",
        day="31/02/2023",
        time_in="25:00",
        time_out="",
    )
    result = record_receipt(demo_db, member.id, saturday, form, desk, clock)
    assert result.outcome is HandoutOutcome.INVALID
    assert [e.field for e in result.errors] == [
        "car_park",
        "receipt_no",
        "amount",
        "day",
        "time_in",
        "scan",
    ]
    late = record_receipt(
        demo_db, member.id, saturday, _form(tmp_path, time_in="18:00", time_out="9:00"), desk, clock
    )
    assert [e.field for e in late.errors] == ["time_out", "scan"]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("vide.png", b"", "est vide"),
        ("note.txt", b"ticket 12,50", "ni une image"),
        ("faux.pdf", b"<html>pas un pdf</html>", "ni une image"),
    ],
)
def test_scans_must_be_images_or_pdf_and_not_empty(
    demo_db, desk, clock, saturday, tmp_path, name, data, words
):
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    path = tmp_path / name
    path.write_bytes(data)
    result = record_receipt(demo_db, member.id, saturday, _form(path), desk, clock)
    assert result.outcome is HandoutOutcome.INVALID
    ((error,),) = [result.errors]
    assert error.field == "scan" and words in error.message


def test_scans_over_20_mb_are_refused(demo_db, desk, clock, saturday, tmp_path):
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    path = tmp_path / "enorme.jpg"
    with path.open("wb") as handle:
        handle.write(JPEG)
        handle.truncate(MAX_BYTES + 1)
    result = record_receipt(demo_db, member.id, saturday, _form(path), desk, clock)
    assert result.outcome is HandoutOutcome.INVALID
    assert "20 Mo au plus" in result.errors[0].message


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (JPEG, "image/jpeg"),
        (PDF, "application/pdf"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
    ],
)
def test_images_and_pdf_are_recognised_by_their_bytes(
    demo_db, desk, clock, saturday, tmp_path, data, media_type
):
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    path = tmp_path / "scan.bin"  # the name says nothing: the bytes decide
    path.write_bytes(data)
    result = record_receipt(demo_db, member.id, saturday, _form(path), desk, clock)
    assert result.recorded and result.receipt.attachment.media_type == media_type
    out = export(demo_db, result.receipt.attachment.sha256, tmp_path / "copie")
    assert out.read_bytes() == data


def test_the_same_receipt_number_twice_for_one_car_park_is_refused(
    demo_db, desk, clock, saturday, scan
):
    first = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    other = _present(demo_db, desk, clock, "GARCIA", saturday)
    recorded = record_receipt(demo_db, first.id, saturday, _form(scan), desk, clock)
    assert recorded.recorded
    same = _form(scan, car_park="parking gaumont-circe", receipt_no="a123456")
    refused = record_receipt(
        demo_db, other.id, saturday, same, desk, clock, override_reason="je confirme"
    )
    assert refused.outcome is HandoutOutcome.DUPLICATE_RECEIPT and not refused.outcome.can_override
    assert [p.event_id for p in refused.prior] == [recorded.event_id]
    assert len(_receipt_facts(demo_db)) == 1
    elsewhere = record_receipt(
        demo_db, other.id, saturday, _form(scan, car_park="Parking Comédie"), desk, clock
    )
    assert elsewhere.recorded
    assert _count(demo_db, "attachments") == 1  # the same scan is stored once


def test_a_second_receipt_for_the_same_member_and_day_needs_confirmation(
    demo_db, desk, clock, saturday, scan
):
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    first = record_receipt(demo_db, member.id, saturday, _form(scan), desk, clock)
    second_form = _form(scan, receipt_no="B-999", amount="4.20")
    asked = record_receipt(demo_db, member.id, saturday, second_form, desk, clock)
    assert asked.outcome is HandoutOutcome.NEEDS_CONFIRMATION
    assert asked.reasons == (ConfirmReason.SECOND_RECEIPT_SAME_DAY,)
    assert [p.event_id for p in asked.prior] == [first.event_id]
    assert len(_receipt_facts(demo_db)) == 1
    confirmed = record_receipt(
        demo_db, member.id, saturday, second_form, desk, clock, override_reason="aller et retour"
    )
    assert confirmed.recorded and confirmed.receipt.override_reason == "aller et retour"
    assert _receipt_facts(demo_db)[1][4]["override"] == {
        "reason": "aller et retour",
        "reasons": ["second_receipt_same_day"],
        "duplicate_of": [first.event_id],
    }
    assert [r.amount_cents for r in receipts(demo_db, member_id=member.id)] == [1250, 420]


def test_a_receipt_dated_another_day_needs_confirmation(demo_db, desk, clock, saturday, scan):
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    result = record_receipt(
        demo_db, member.id, saturday, _form(scan, day="10/11/2023"), desk, clock
    )
    assert result.outcome is HandoutOutcome.NEEDS_CONFIRMATION
    assert result.reasons == (ConfirmReason.DATE_NOT_SESSION_DAY,)


def test_status_moves_forward_only_and_each_change_is_a_fact(demo_db, desk, clock, saturday, scan):
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    receipt_id = record_receipt(demo_db, member.id, saturday, _form(scan), desk, clock).event_id
    office = replace(desk, agent="Bureau")
    illegal = change_status(demo_db, receipt_id, ReceiptStatus.PAID, office, clock)
    assert illegal.outcome is StatusOutcome.ILLEGAL_TRANSITION
    assert illegal.allowed == {ReceiptStatus.SENT, ReceiptStatus.REJECTED}
    clock.advance(days=3)
    sent = change_status(demo_db, receipt_id, ReceiptStatus.SENT, office, clock, "bordereau 12")
    assert sent.outcome is StatusOutcome.CHANGED and sent.receipt.status is ReceiptStatus.SENT
    no_reason = change_status(demo_db, receipt_id, ReceiptStatus.REJECTED, office, clock)
    assert no_reason.outcome is StatusOutcome.REASON_REQUIRED
    clock.advance(days=20)
    paid = change_status(demo_db, receipt_id, ReceiptStatus.PAID, office, clock)
    assert paid.receipt.status is ReceiptStatus.PAID
    after = change_status(demo_db, receipt_id, ReceiptStatus.REJECTED, office, clock, "trop tard")
    assert after.outcome is StatusOutcome.ILLEGAL_TRANSITION and after.allowed == frozenset()
    rows = demo_db.execute(
        "SELECT agent, target_id, payload FROM events WHERE kind = 'parking.status' ORDER BY seq"
    ).fetchall()
    assert [(a, t, json.loads(p)) for a, t, p in rows] == [
        ("Bureau", receipt_id, {"from": "reçu", "to": "transmis", "note": "bordereau 12"}),
        ("Bureau", receipt_id, {"from": "transmis", "to": "payé", "note": ""}),
    ]
    # "payé" typed by mistake: voiding the change brings the receipt back to "transmis".
    assert void_fact(demo_db, paid.event_id, "erreur de saisie", office, clock) is (
        VoidOutcome.VOIDED
    )
    assert get_receipt(demo_db, receipt_id).status is ReceiptStatus.SENT
    rejected = change_status(
        demo_db, receipt_id, ReceiptStatus.REJECTED, office, clock, "ticket illisible"
    )
    assert rejected.receipt.status is ReceiptStatus.REJECTED
    assert [c.payload["to"] for c in rejected.receipt.changes] == ["transmis", "rejeté"]
    assert change_status(demo_db, "nope", ReceiptStatus.SENT, office, clock).outcome is (
        StatusOutcome.NOT_FOUND
    )


def test_a_voided_receipt_frees_its_number(demo_db, desk, clock, saturday, scan):
    member = _present(demo_db, desk, clock, "ROUSSEL", saturday)
    wrong = record_receipt(demo_db, member.id, saturday, _form(scan, amount="21,00"), desk, clock)
    assert void_fact(demo_db, wrong.event_id, "montant mal saisi", desk, clock) is (
        VoidOutcome.VOIDED
    )
    assert receipts(demo_db) == [] and get_receipt(demo_db, wrong.event_id) is None
    again = record_receipt(demo_db, member.id, saturday, _form(scan), desk, clock)
    assert again.recorded and len(_receipt_facts(demo_db)) == 2


def test_eligibility_is_an_office_decision_with_a_reason(demo_db):
    member = _member(demo_db, "DUBOIS")
    hint = eligibility(demo_db, member.id)
    assert hint.eligible is False and hint.commune_has_tram is False  # Clapiers: no tram
    errors = set_eligibility(demo_db, member.id, True, "  ")
    assert [e.field for e in errors] == ["parking_reason"]
    assert set_eligibility(demo_db, member.id, True, "Bus à la demande seulement") == ()
    row = demo_db.execute(
        "SELECT parking_eligible, parking_reason FROM members WHERE id = ?", [member.id]
    ).fetchone()
    assert row == (1, "Bus à la demande seulement")
    montpellier = _member(demo_db, "ARNAUD")
    assert eligibility(demo_db, montpellier.id).commune_has_tram is True
