"""Each step of the application form opens with a short summary in plain words: what it asks,
why, and about how long it takes."""

import pytest
from django.utils import translation
from django.utils.html import escape

from workflow.enums import ApplicationKind
from workflow.forms import STEPS

from .factories_easy_reading import french_form_page, french_steps, step_url


@pytest.mark.parametrize("kind", ["host", "guest"])
def test_every_step_of_the_form_shows_its_summary_at_the_top(client, demo, kind):
    page = french_form_page(kind)
    answers = french_steps(kind)
    steps = STEPS[ApplicationKind(kind)]
    for number, step in enumerate(steps, start=1):
        response = client.get(step_url(page, number))
        html = response.content.decode()
        with translation.override("fr"):
            summary = str(step.summary)

        assert response.status_code == 200
        assert summary, f"step {step.slug} has no summary"
        assert 'class="step-summary"' in html
        summary = escape(summary)
        assert summary in html
        heading = html.index("<h2>", html.index('class="progress"'))
        assert heading < html.index(summary) < html.index('<form method="post"'), "the summary opens the step"
        sent = client.post(step_url(page, number), answers[number - 1])
        assert sent.status_code == 302, sent.content.decode()[:3000]


def test_every_summary_is_short_and_says_how_long_the_step_takes():
    for kind, steps in STEPS.items():
        for step in steps:
            with translation.override("en"):
                summary = str(step.summary)
            assert len(summary.split()) <= 40, f"{kind} {step.slug}: a summary is read at a glance"
            assert "minutes" in summary, f"{kind} {step.slug}: say how long the step takes"
