"""The demo's prepared answers: first steps, documents to bring, what to do in an emergency, in
each language of the site, for the communications teams to rewrite and the advisors to insert."""

from .models import CannedReply

REPLIES = {
    "fr": [
        (
            "Premiers pas",
            "Bienvenue ! Votre dossier est bien arrivé. Votre conseillère ou votre conseiller le lit et "
            "vous écrit ici dans les prochains jours. Vous pouvez suivre chaque étape depuis votre espace.",
        ),
        (
            "Documents à apporter",
            "Pour le rendez-vous, apportez une pièce d'identité, un justificatif de domicile de moins de "
            "trois mois et, pour les jeunes, un certificat de scolarité, de formation ou de mission.",
        ),
        (
            "En cas d'urgence",
            "En cas d'urgence, appelez le 112 (ou le 15 pour le SAMU). Prévenez ensuite votre "
            "association par téléphone aux heures d'ouverture, ou ici par message.",
        ),
    ],
    "en": [
        (
            "First steps",
            "Welcome! Your file has arrived. Your advisor is reading it and will write to you here in "
            "the coming days. You can follow each step from your space.",
        ),
        (
            "Documents to bring",
            "For the meeting, bring an identity document, a proof of address less than three months "
            "old and, for young people, a certificate of studies, training or mission.",
        ),
        (
            "In an emergency",
            "In an emergency, call 112. Then tell your association by phone during opening hours, or here by message.",
        ),
    ],
    "es": [
        (
            "Primeros pasos",
            "¡Bienvenido! Su expediente ha llegado. Su asesor lo está leyendo y le escribirá aquí en "
            "los próximos días. Puede seguir cada etapa desde su espacio.",
        ),
        (
            "Documentos que traer",
            "Para la cita, traiga un documento de identidad, un justificante de domicilio de menos de "
            "tres meses y, para los jóvenes, un certificado de estudios, formación o misión.",
        ),
        (
            "En caso de emergencia",
            "En caso de emergencia, llame al 112. Después avise a su asociación por teléfono en horario "
            "de apertura, o aquí por mensaje.",
        ),
    ],
    "it": [
        (
            "Primi passi",
            "Benvenuto! La tua pratica è arrivata. Il tuo consulente la sta leggendo e ti scriverà qui "
            "nei prossimi giorni. Puoi seguire ogni fase dal tuo spazio.",
        ),
        (
            "Documenti da portare",
            "Per l'appuntamento porta un documento d'identità, un giustificativo di domicilio di meno di "
            "tre mesi e, per i giovani, un certificato di studio, di formazione o di missione.",
        ),
        (
            "In caso di emergenza",
            "In caso di emergenza chiama il 112. Poi avvisa la tua associazione per telefono negli orari "
            "di apertura, oppure qui con un messaggio.",
        ),
    ],
    "de": [
        (
            "Erste Schritte",
            "Willkommen! Ihre Akte ist eingegangen. Ihre Beraterin oder Ihr Berater liest sie und "
            "schreibt Ihnen in den nächsten Tagen hier. Jeden Schritt verfolgen Sie in Ihrem Bereich.",
        ),
        (
            "Mitzubringende Unterlagen",
            "Bringen Sie zum Termin einen Ausweis, einen höchstens drei Monate alten Wohnsitznachweis "
            "und, für junge Menschen, eine Studien-, Ausbildungs- oder Einsatzbescheinigung mit.",
        ),
        (
            "Im Notfall",
            "Im Notfall rufen Sie die 112 an. Informieren Sie danach Ihren Verein telefonisch während "
            "der Öffnungszeiten oder hier per Nachricht.",
        ),
    ],
    "pt": [
        (
            "Primeiros passos",
            "Bem-vindo! O seu processo chegou. O seu conselheiro está a lê-lo e vai escrever-lhe aqui "
            "nos próximos dias. Pode acompanhar cada etapa a partir do seu espaço.",
        ),
        (
            "Documentos a trazer",
            "Para a reunião, traga um documento de identificação, um comprovativo de morada com menos de "
            "três meses e, para os jovens, um certificado de estudos, formação ou missão.",
        ),
        (
            "Em caso de emergência",
            "Em caso de emergência, ligue para o 112. Depois avise a sua associação por telefone no "
            "horário de abertura, ou aqui por mensagem.",
        ),
    ],
}


def load_canned_replies() -> int:
    """Add the prepared answers that are missing (by language and title); those the teams have
    rewritten stay as they are. How many were added."""
    added = 0
    for language, replies in REPLIES.items():
        for order, (title, text) in enumerate(replies):
            _reply, created = CannedReply.objects.get_or_create(
                language=language, title=title, defaults={"text": text, "sort_order": order}
            )
            added += created
    return added
