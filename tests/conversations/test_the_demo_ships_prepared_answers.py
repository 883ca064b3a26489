"""The demo ships prepared answers (first steps, documents to bring, an emergency) in each
language of the site; loading it again adds none twice and keeps what the teams rewrote."""

from django.conf import settings

from conversations.demo import load_canned_replies
from conversations.models import CannedReply


def test_every_language_gets_the_three_prepared_answers_once():
    CannedReply.objects.all().delete()

    assert load_canned_replies() == 3 * len(settings.LANGUAGES)

    rewritten = CannedReply.objects.get(language="fr", title="En cas d'urgence")
    rewritten.text = "Appelez le 112, puis l'association au 05 56 00 00 00."
    rewritten.save()

    assert load_canned_replies() == 0
    for code, _name in settings.LANGUAGES:
        assert CannedReply.objects.filter(language=code).count() == 3
    assert CannedReply.objects.get(pk=rewritten.pk).text.startswith("Appelez le 112, puis")
