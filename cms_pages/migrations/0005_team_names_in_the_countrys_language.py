"""The admin names each country's team, moderation workflow and approval step in the country's language.

Databases loaded before held English names built from codes ("FR — publishing", "France — editors",
"Translators — Español"); the rows that still bear them get their new names. A name chosen in the
admin since stays. The tables are copied here as they were when this migration was written.
"""

from django.db import migrations

TEAM_NAMES = {
    "fr": {
        "editors": "Rédaction {country}",
        "moderators": "Modération {country}",
        "workflow": "Relecture de l'équipe {country}",
        "task": "Validation par la modération {country}",
    },
    "en": {
        "editors": "{country} editors",
        "moderators": "{country} moderators",
        "workflow": "{country} team review",
        "task": "Approval by the {country} moderators",
    },
    "es": {
        "editors": "Redacción de {country}",
        "moderators": "Moderación de {country}",
        "workflow": "Revisión del equipo de {country}",
        "task": "Aprobación de la moderación de {country}",
    },
    "it": {
        "editors": "Redazione {country}",
        "moderators": "Moderazione {country}",
        "workflow": "Revisione del team {country}",
        "task": "Approvazione della moderazione {country}",
    },
    "de": {
        "editors": "Redaktion {country}",
        "moderators": "Moderation {country}",
        "workflow": "Prüfung durch das Team {country}",
        "task": "Freigabe durch die Moderation {country}",
    },
    "pt": {
        "editors": "Redação de {country}",
        "moderators": "Moderação de {country}",
        "workflow": "Revisão da equipa de {country}",
        "task": "Aprovação da moderação de {country}",
    },
}

TRANSLATOR_GROUPS = {
    "Translators — Français": "Traduction en français",
    "Translators — English": "Translation into English",
    "Translators — Español": "Traducción al español",
    "Translators — Italiano": "Traduzione in italiano",
    "Translators — Deutsch": "Übersetzung ins Deutsche",
    "Translators — Português": "Tradução para português",
}


def _rename(model, old: str, new: str) -> None:
    if not model.objects.filter(name=new).exists():
        model.objects.filter(name=old).update(name=new)


def name_teams_in_their_language(apps, schema_editor):
    Country = apps.get_model("workflow", "Country")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for country in Country.objects.all():
        language = country.languages[0] if country.languages else "fr"
        names = {k: v.format(country=country.name) for k, v in TEAM_NAMES.get(language, TEAM_NAMES["en"]).items()}
        _rename(Group, f"{country.name} — editors", names["editors"])
        _rename(Group, f"{country.name} — moderators", names["moderators"])
        _rename(Workflow, f"{country.code} — publishing", names["workflow"])
        _rename(Task, f"{country.code} — moderators' approval", names["task"])
    for old, new in TRANSLATOR_GROUPS.items():
        _rename(Group, old, new)


class Migration(migrations.Migration):
    dependencies = [
        ("cms_pages", "0004_phone_hours_and_legal_pages"),
        ("workflow", "0024_organisation_opening_hours"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(name_teams_in_their_language, migrations.RunPython.noop)]
