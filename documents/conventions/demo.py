"""Demo convention templates: France (French, English, Italian) and Spain (Spanish, English)."""

from wagtail.blocks import StreamValue

from workflow.models import Country

from ..models import ConventionTemplate

ARTICLES = {
    "fr": (
        "Convention d'hébergement intergénérationnel solidaire",
        [
            (
                "Les parties",
                "<p>{host_name}, ci-après « l'hôte », accueille {guest_name}, ci-après « le jeune accueilli », à son domicile : {address}.</p>",
            ),
            (
                "Objet",
                "<p>L'hôte met à disposition {room}, du {start_date} au {end_date}, dans le cadre de la cohabitation intergénérationnelle solidaire.</p>",
            ),
            (
                "Contrepartie",
                "<p>Le jeune accueilli participe aux charges à hauteur de {contribution} {currency} par mois et assure une présence de {presence} soirées par semaine.</p>",
            ),
            ("Vie commune", "<p>Les règles de la maison figurent en annexe : {house_rules}.</p>"),
            (
                "Période d'essai et fin",
                "<p>Une période d'essai de {trial_days} jours précède la signature. Chaque partie peut mettre fin à la convention avec un préavis de {notice_days} jours.</p>",
            ),
            (
                "Accompagnement",
                "<p>{association} accompagne le binôme ; {pension_office} contresigne la présente convention n° {reference}.</p>",
            ),
        ],
        "<p>Cohabitation intergénérationnelle solidaire (articles L. 118-1 et suivants du code de l'action sociale et des familles). La contrepartie financière est modeste et plafonnée ; la convention ne constitue pas un bail d'habitation. Préavis d'un mois.</p>",
    ),
    "en": (
        "Intergenerational homesharing agreement",
        [
            ("The parties", "<p>{host_name}, the host, welcomes {guest_name}, the guest, at home: {address}.</p>"),
            (
                "Purpose",
                "<p>The host provides {room} from {start_date} to {end_date}, as intergenerational solidarity homesharing.</p>",
            ),
            (
                "In return",
                "<p>The guest contributes {contribution} {currency} a month to the charges and is present {presence} evenings a week.</p>",
            ),
            ("Living together", "<p>The house rules are in the annex: {house_rules}.</p>"),
            (
                "Trial period and end",
                "<p>A trial period of {trial_days} days comes before signing. Either party may end this agreement with {notice_days} days' notice.</p>",
            ),
            (
                "Support",
                "<p>{association} accompanies the pair; {pension_office} counter-signs this agreement no. {reference}.</p>",
            ),
        ],
        "<p>This agreement is not a tenancy. The contribution is modest and capped by the national programme.</p>",
    ),
    "it": (
        "Convenzione di coabitazione intergenerazionale",
        [
            (
                "Le parti",
                "<p>{host_name}, l'ospitante, accoglie {guest_name}, l'ospitato, presso il proprio domicilio: {address}.</p>",
            ),
            ("Oggetto", "<p>L'ospitante mette a disposizione {room} dal {start_date} al {end_date}.</p>"),
            (
                "Contropartita",
                "<p>L'ospitato contribuisce alle spese con {contribution} {currency} al mese e garantisce una presenza di {presence} sere a settimana.</p>",
            ),
            ("Vita in comune", "<p>Le regole della casa sono in allegato: {house_rules}.</p>"),
            (
                "Periodo di prova e fine",
                "<p>Un periodo di prova di {trial_days} giorni precede la firma. Ciascuna parte può recedere con un preavviso di {notice_days} giorni.</p>",
            ),
            (
                "Accompagnamento",
                "<p>{association} accompagna la coppia; {pension_office} controfirma la presente convenzione n. {reference}.</p>",
            ),
        ],
        "<p>La presente convenzione non costituisce un contratto di locazione.</p>",
    ),
    "es": (
        "Convenio de convivencia intergeneracional",
        [
            (
                "Las partes",
                "<p>{host_name}, el anfitrión, acoge a {guest_name}, el joven acogido, en su domicilio: {address}.</p>",
            ),
            ("Objeto", "<p>El anfitrión pone a disposición {room} del {start_date} al {end_date}.</p>"),
            (
                "Contrapartida",
                "<p>El joven acogido participa en los gastos con {contribution} {currency} al mes y asegura una presencia de {presence} noches por semana.</p>",
            ),
            ("Vida en común", "<p>Las normas de la casa figuran en el anexo: {house_rules}.</p>"),
            (
                "Periodo de prueba y fin",
                "<p>Un periodo de prueba de {trial_days} días precede a la firma. Cada parte puede poner fin al convenio con un preaviso de {notice_days} días.</p>",
            ),
            (
                "Acompañamiento",
                "<p>{association} acompaña a la pareja; {pension_office} refrenda el presente convenio n.º {reference}.</p>",
            ),
        ],
        "<p>Este convenio no constituye un contrato de arrendamiento.</p>",
    ),
}
LANGUAGES = {"FR": ["fr", "en", "it"], "ES": ["es", "en"]}


def build_demo_convention_templates() -> int:
    """Create the demo templates that do not exist yet; returns how many were created."""
    created = 0
    for code, languages in LANGUAGES.items():
        country = Country.objects.filter(code=code).first()
        if country is None:
            continue
        for language in languages:
            if ConventionTemplate.objects.filter(country=country, language=language).exists():
                continue
            title, articles, legal = ARTICLES[language]
            template = ConventionTemplate(country=country, language=language, title=title, legal_mentions=legal)
            template.articles = StreamValue(
                template.articles.stream_block,
                [("article", {"heading": heading, "body": body}) for heading, body in articles],
                is_lazy=False,
            )
            template.full_clean()
            template.save()
            created += 1
    return created
