"""Each country's team, moderation workflow and approval step are named in the country's language."""

import importlib
import re

from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Task, Workflow

from cms_pages.models import CountryPage
from workflow.models import Country

#: Names built from a country code and English words, as the admin once showed them.
ENGLISH_CODE_PATTERN = re.compile(
    r"^[A-Z]{2} — |— (publishing|editors|moderators|moderators' approval)$|^Translators —"
)


def test_no_workflow_step_or_group_of_the_demo_reads_as_an_english_code(demo):
    names = [
        *Workflow.objects.values_list("name", flat=True),
        *Task.objects.values_list("name", flat=True),
        *Group.objects.values_list("name", flat=True),
    ]

    assert names
    assert [name for name in names if ENGLISH_CODE_PATTERN.search(name)] == []


def test_the_french_team_reviews_in_french(demo):
    france = Country.objects.get(code="FR")
    section = CountryPage.objects.get(country=france, locale__language_code="fr")

    workflow = section.get_workflow()
    assert workflow.name == "Relecture de l'équipe France"
    assert [task.name for task in workflow.tasks] == ["Validation par la modération France"]
    assert france.communications_editors.name == "Rédaction France"
    assert france.communications_moderators.name == "Modération France"


def test_the_spanish_team_reviews_in_spanish_in_every_language_of_its_section(demo):
    spain = Country.objects.get(code="ES")

    workflows = {page.get_workflow().name for page in CountryPage.objects.filter(country=spain)}
    assert workflows == {"Revisión del equipo de España"}
    assert spain.communications_moderators.name == "Moderación de España"


def test_translator_groups_are_named_in_the_language_they_translate_into(demo):
    assert Group.objects.filter(name="Traducción al español", user__username="translator.es").exists()
    assert Group.objects.filter(name="Translation into English", user__username="translator.en").exists()


def test_a_database_loaded_before_gets_the_new_names():
    moderators = Group.objects.create(name="Portugal — moderators")
    Country.objects.create(code="PT", name="Portugal", languages=["pt"], communications_moderators=moderators)
    Workflow.objects.create(name="PT — publishing")
    GroupApprovalTask.objects.create(name="PT — moderators' approval")
    Group.objects.create(name="Translators — Italiano")
    chosen = Group.objects.create(name="Équipe éditoriale")
    migration = importlib.import_module("cms_pages.migrations.0005_team_names_in_the_countrys_language")

    migration.name_teams_in_their_language(apps, None)

    assert Workflow.objects.filter(name="Revisão da equipa de Portugal").exists()
    assert Task.objects.filter(name="Aprovação da moderação de Portugal").exists()
    assert Group.objects.filter(name__in=["Moderação de Portugal", "Traduzione in italiano"]).count() == 2
    chosen.refresh_from_db()
    assert chosen.name == "Équipe éditoriale"
