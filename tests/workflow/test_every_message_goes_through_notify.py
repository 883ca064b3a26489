"""Every message to a person or a staff member goes through workflow.notifications.notify():
no other module of ours sends an email itself, and every kind has its templates."""

import re
from pathlib import Path

import pytest
from django.template.loader import get_template

from workflow.notifications import KINDS

ROOT = Path(__file__).resolve().parents[2]
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py")) + ["site"]
SENDING = re.compile(r"\b(send_mail|send_mass_mail|mail_admins|mail_managers|EmailMessage|EmailMultiAlternatives)\b")


def test_no_module_but_notifications_sends_an_email():
    senders = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and SENDING.search(path.read_text(encoding="utf-8"))
    ]

    assert senders == ["workflow/notifications.py"]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_has_its_body_template(kind):
    assert get_template(KINDS[kind].body_template)
