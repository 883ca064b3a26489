"""Cost of the platform's convention path against a bare WeasyPrint + pyHanko script (the floor).

    .venv/bin/python bench/convention.py [--rounds 5] [--out FILE] [--quick]

Both do the same work on the same convention: render the PDF, place four signature fields,
four PAdES signatures with timestamps, the final document timestamp with validation data
(PAdES B-LTA) and a full validation. The platform also reads and writes the database, issues
the signers' certificates, checks their one-time codes, encrypts each version of the file at
rest and records every step; its final validation is the one it runs before sealing. Goal:
platform ≤ 1.3 × floor. ``--out FILE`` writes the platform's signed PDF to FILE and the root
certificate to FILE.root.pem. The last line is one JSON object with the figures.

``--quick`` shows in a few seconds that the bench still works (CI): one round, and the tables
created from the models instead of by the migrations (which take half a minute); its figures
are not judged against the goal.
"""

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("WESHARE_VAR_DIR", tempfile.mkdtemp(prefix="weshare-bench-"))
os.environ.pop("DATABASE_URL", None)  # a throw-away SQLite database


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out")
    parser.add_argument("--quick", action="store_true", help="one round, tables from the models; goal not judged")
    args = parser.parse_args()
    if args.quick:
        args.rounds = 1
    return args


class _NoMigrations(dict):
    """MIGRATION_MODULES for every app: none, so the test database is created from the models."""

    def __contains__(self, app_label):
        return True

    def __getitem__(self, app_label):
        return None


ARGS = arguments()

import django  # noqa: E402
from django.conf import settings  # noqa: E402

if ARGS.quick:
    settings.MIGRATION_MODULES = _NoMigrations()
django.setup()

from datetime import date, timedelta  # noqa: E402

import weasyprint  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def world():
    """Country, territory, association, pension office, staff with authenticator apps, two approved files."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.workflow.factories import (
        ApplicationFactory,
        OrganisationFactory,
        StaffMembershipFactory,
        TerritoryFactory,
        association_covering,
        set_state,
    )

    territory = TerritoryFactory(department=True)
    territory.parent.pension_office = OrganisationFactory(pension_office=True, country=territory.country)
    territory.parent.save()
    advisor = StaffMembershipFactory(organisation=association_covering(territory)).user
    officer = StaffMembershipFactory(organisation=territory.parent.pension_office, role="pension_officer").user
    for user in (advisor, officer):
        TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return territory, advisor, officer, ApplicationFactory, set_state


def signing_pairing(territory, advisor, factory, set_state, n):
    from documents.conventions.services import convention_render
    from pairings.services import pairing_act, pairing_answer, pairing_propose

    today = date.today()
    answers = {
        "languages": ["fr", "it"],
        "evenings_per_week": 3,
        "contribution": "90",
        "budget": "150",
        "start_date": today.isoformat(),
        "end_date": (today + timedelta(days=250)).isoformat(),
        "pets_ok": True,
    }
    host = set_state(
        factory(territory=territory, country=territory.country, answers=answers, host=True, language="fr"), "approved"
    )
    guest = set_state(
        factory(territory=territory, country=territory.country, answers=answers, language="it"), "approved"
    )
    pairing = pairing_propose(host=host, guest=guest, by=advisor)
    for party in ("guest", "host"):
        pairing_answer(pairing_id=pairing.pk, party=party, accept=True)
    for action in ("schedule_meeting", "start_trial"):
        pairing_act(pairing_id=pairing.pk, action=action, by=advisor)
    return pairing, convention_render


def templates(country):
    from tests.documents.conftest import make_template

    for language in ("fr", "it"):
        make_template(country, language).save()


def code_for(convention, application):
    from documents.conventions.services import signing_code_send

    signing_code_send(convention_id=convention.pk, application=application)
    return re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE).group(1)


def app_code(user):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=user)
    device.last_t = -1  # the bench signs many conventions within one 30-second step
    device.save(update_fields=["last_t"])
    return f"{totp(device.bin_key):06d}"


def platform_once(territory, advisor, officer, factory, set_state, n):
    """The platform's path, timed from rendering to the sealed, verified file."""
    from documents.conventions.services import convention_sign, read_pdf
    from pairings.services import pairing_act

    pairing, _render = signing_pairing(territory, advisor, factory, set_state, n)
    started = time.perf_counter()
    # Drafting queues the rendering task, which runs once the transition is committed.
    pairing_act(pairing_id=pairing.pk, action="draft_convention", by=advisor)
    timed = time.perf_counter() - started
    convention = pairing.conventions.get()
    if convention.state != "rendered":
        raise RuntimeError("the rendering task did not run")
    pairing_act(pairing_id=pairing.pk, action="open_signing", by=advisor)
    codes = {"guest": code_for(convention, pairing.guest), "host": code_for(convention, pairing.host)}
    started = time.perf_counter()
    convention_sign(convention_id=convention.pk, party="guest", code=codes["guest"], application=pairing.guest)
    convention_sign(convention_id=convention.pk, party="host", code=codes["host"], application=pairing.host)
    timed += time.perf_counter() - started
    advisor_code, officer_code = app_code(advisor), app_code(officer)
    started = time.perf_counter()
    convention_sign(convention_id=convention.pk, party="association", code=advisor_code, user=advisor)
    sealed = convention_sign(convention_id=convention.pk, party="pension_office", code=officer_code, user=officer)
    timed += time.perf_counter() - started
    if sealed.state != "sealed":
        raise RuntimeError(f"not sealed: {sealed.state}")
    return timed, sealed, read_pdf(sealed)


def floor_once(html: str, boxes: dict, tools: dict) -> float:
    """The same steps by a bare script: WeasyPrint, then pyHanko, no database, keys already in memory."""
    from documents import signing
    from documents.conventions.rendering import safe_url_fetcher

    started = time.perf_counter()
    pdf = weasyprint.HTML(string=html, base_url=tools["base_url"], url_fetcher=safe_url_fetcher()).write_pdf(
        pdf_variant="pdf/a-2b"
    )
    pdf = signing.add_signature_fields(pdf, boxes)
    for party, signer in tools["signers"].items():
        pdf = signing.sign(
            pdf,
            field_name=f"signature_{party}",
            signer=signer,
            role=party,
            timestamper=tools["timestamper"],
            context=tools["context"](),
        )
    pdf = signing.seal(pdf, timestamper=tools["timestamper"], context=tools["context"]())
    report = signing.verify(pdf, tools["context"])
    elapsed = time.perf_counter() - started
    if not (report.ok and report.level == "B-LTA"):
        raise RuntimeError(f"the floor's file does not validate: {report}")
    return elapsed


def floor_tools(convention):
    from documents.conventions import authority
    from documents.models import SignerCertificate

    signers = {}
    for step in convention.steps.filter(action="signed").order_by("at"):
        with authority.signer_for(SignerCertificate.objects.get(pk=step.certificate_id)) as signer:
            signers[step.party] = signer
    context = authority.validation_context()  # built once: the floor's CRLs are fixed files
    return {
        "signers": signers,
        "timestamper": authority.timestamper(),
        "context": lambda: context,
        "base_url": str(ROOT / "documents" / "static" / "documents" / "fonts"),
    }


def main() -> None:
    args = ARGS
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    call_command("pki_init", verbosity=0)
    territory, advisor, officer, factory, set_state = world()
    templates(territory.country)

    from documents.conventions import rendering

    platform_times, last = [], None
    for n in range(args.rounds + 1):
        seconds, sealed, pdf = platform_once(territory, advisor, officer, factory, set_state, n)
        if n:  # the first round warms the caches of both paths
            platform_times.append(seconds)
        last = (sealed, pdf)
    sealed, pdf = last
    # The floor renders the same HTML and signs with the same keys.
    html_holder = {}
    original = weasyprint.HTML

    def capture(*a, **kw):
        html_holder["html"] = kw.get("string")
        return original(*a, **kw)

    weasyprint.HTML = capture
    try:
        _pdf, boxes = rendering.render(sealed)
    finally:
        weasyprint.HTML = original
    tools = floor_tools(sealed)
    floor_times = [floor_once(html_holder["html"], boxes, tools) for _ in range(args.rounds + 1)][1:]

    floor_s, platform_s = statistics.median(floor_times), statistics.median(platform_times)
    ratio = platform_s / floor_s
    print(f"floor (bare WeasyPrint + pyHanko): {floor_s:.3f} s a convention (median of {len(floor_times)})")
    print(f"platform (render, 4 signatures, seal, validation): {platform_s:.3f} s (median of {len(platform_times)})")
    print(f"ratio: {ratio:.2f}" + ("" if args.quick else "  goal ≤ 1.3"))
    if args.out:
        from documents.conventions import authority
        from documents.pki import cert_pem

        Path(args.out).write_bytes(pdf)
        Path(args.out + ".root.pem").write_bytes(cert_pem(authority.root_certificate()))
        print(f"signed convention: {args.out}; root certificate: {args.out}.root.pem")
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
    print(
        json.dumps(
            {
                "floor_s": round(floor_s, 3),
                "platform_s": round(platform_s, 3),
                "ratio": round(ratio, 2),
                "goal_met": None if args.quick else ratio <= 1.3,
                "quick": args.quick,
            }
        )
    )


if __name__ == "__main__":
    main()
