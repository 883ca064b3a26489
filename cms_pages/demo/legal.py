"""The demo's legal pages, in the six languages of the site: privacy, legal notice, accessibility, cookies.

Plausible text for a public service under the GDPR: who is the controller in each country,
for what purposes and on which legal bases data are used, how long they are kept, the rights of
the people concerned, the data protection officers and the supervisory authorities. Each page
is a list of (heading, rich text) sections.
"""

#: The date the demo's legal texts were last revised.
LAST_UPDATED = "2026-09-01"

#: Contacts the texts cite, the same in every language.
FR_DPO = '<a href="mailto:dpo@cnav.example">dpo@cnav.example</a>'
ES_DPO = '<a href="mailto:dpd@inss.example">dpd@inss.example</a>'
ACCESS = '<a href="mailto:accessibilite@weshare.example">accessibilite@weshare.example</a>'

LEGAL = {
    "fr": {
        "privacy": {
            "slug": "donnees-personnelles",
            "title": "Données personnelles",
            "intro": (
                "Comment nous utilisons les informations que vous nous confiez quand vous proposez ou cherchez une "
                "chambre, et comment exercer vos droits."
            ),
            "sections": [
                (
                    "Qui est responsable de vos données ?",
                    "<p>En France, le responsable du traitement est la Caisse nationale d'assurance vieillesse "
                    "(CNAV), 110 avenue de Flandre, 75019 Paris, qui conduit le programme avec les CARSAT et les "
                    "associations locales. En Espagne, c'est l'Instituto Nacional de la Seguridad Social (INSS), "
                    "calle de Padre Damián 4, 28036 Madrid. L'association qui suit votre dossier agit pour leur "
                    "compte, comme sous-traitant.</p>",
                ),
                (
                    "Pourquoi nous les utilisons",
                    "<ul><li>étudier votre candidature, vérifier qu'elle remplit les conditions du programme et vous "
                    "rappeler ;</li><li>proposer des binômes hôte et hébergé, préparer et faire signer la "
                    "convention ;</li><li>accompagner la cohabitation et, le cas échéant, y mettre fin ;</li>"
                    "<li>établir des statistiques anonymes sur le programme.</li></ul>",
                ),
                (
                    "Sur quelle base légale",
                    "<p>Le traitement est nécessaire à une mission d'intérêt public confiée aux caisses de retraite "
                    "(article 6.1.e du RGPD). Les informations sur votre santé ou votre autonomie, si vous choisissez "
                    "de nous les donner, ne sont utilisées qu'avec votre consentement explicite (article 9.2.a), que "
                    "vous pouvez retirer à tout moment.</p>",
                ),
                (
                    "Combien de temps nous les gardons",
                    "<p>Un dossier en cours est conservé tant que vous participez au programme. Un dossier refusé, "
                    "retiré ou clos est anonymisé deux ans après sa clôture ; les conventions signées sont gardées "
                    "cinq ans après leur fin, durée de prescription des actions civiles. Les messages du formulaire "
                    "de contact sont effacés après un an.</p>",
                ),
                (
                    "Qui peut les voir",
                    "<p>Seules les personnes qui traitent votre dossier : l'association de votre territoire, la "
                    "caisse de retraite qui finance le programme et, une fois le binôme proposé, la personne avec "
                    "qui vous cohabiterez (prénom, âge, centres d'intérêt, jamais vos coordonnées sans votre "
                    "accord). Vos données sont hébergées dans l'Union européenne et ne sont jamais vendues.</p>",
                ),
                (
                    "Vos droits",
                    "<p>Vous pouvez accéder à vos données, les faire rectifier ou effacer, demander la limitation "
                    "du traitement, vous y opposer pour des raisons tenant à votre situation et retirer votre "
                    f"consentement. Écrivez au délégué à la protection des données de la CNAV : {FR_DPO}, ou par "
                    "courrier à l'adresse ci-dessus. Nous répondons sous un mois.</p>"
                    "<p>Si vous estimez que vos droits ne sont pas respectés, vous pouvez saisir la Commission "
                    "nationale de l'informatique et des libertés (CNIL), 3 place de Fontenoy, 75007 Paris, "
                    "www.cnil.fr. En Espagne, le délégué de l'INSS est joignable à "
                    f"{ES_DPO} et l'autorité de contrôle est l'Agencia Española de Protección de Datos (AEPD).</p>",
                ),
            ],
        },
        "legal-notice": {
            "slug": "mentions-legales",
            "title": "Mentions légales",
            "intro": "Qui publie ce site, qui l'héberge et à quelles conditions vous pouvez réutiliser son contenu.",
            "sections": [
                (
                    "Éditeur",
                    "<p>Caisse nationale d'assurance vieillesse (CNAV), organisme de droit privé chargé d'une "
                    "mission de service public, 110 avenue de Flandre, 75019 Paris. Directeur de la publication : "
                    "le directeur général de la CNAV. Contact : cohabitation@cnav.example.</p>",
                ),
                (
                    "Hébergement",
                    "<p>Le site est hébergé en France par un prestataire qualifié SecNumCloud, dans des centres de "
                    "données situés à Paris et à Strasbourg.</p>",
                ),
                (
                    "Réutilisation des contenus",
                    "<p>Les textes de ce site sont publiés sous Licence Ouverte 2.0 : vous pouvez les reprendre en "
                    "citant leur source. Les photographies restent la propriété de leurs auteurs et ne peuvent être "
                    "réutilisées sans leur accord.</p>",
                ),
            ],
        },
        "accessibility": {
            "slug": "accessibilite",
            "title": "Déclaration d'accessibilité",
            "intro": "Nous voulons que chacun puisse utiliser ce site, quels que soient son âge et ses capacités.",
            "sections": [
                (
                    "État de conformité",
                    "<p>Ce site est partiellement conforme au référentiel général d'amélioration de "
                    "l'accessibilité (RGAA 4.1) : un audit interne de septembre 2026 relève un taux de conformité "
                    "de 91 %. Les documents PDF anciens ne sont pas tous accessibles ; ils sont remplacés au fil "
                    "de leur mise à jour.</p>",
                ),
                (
                    "Signaler un problème",
                    f"<p>Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez-nous à {ACCESS} ou "
                    "appelez l'association de votre territoire : nous vous apporterons l'information sous une autre "
                    "forme.</p>",
                ),
                (
                    "Voies de recours",
                    "<p>Si notre réponse ne vous satisfait pas, vous pouvez saisir le Défenseur des droits, en "
                    "ligne sur www.defenseurdesdroits.fr, par courrier gratuit (Défenseur des droits, Libre réponse "
                    "71120, 75342 Paris Cedex 07) ou auprès de l'un de ses délégués.</p>",
                ),
            ],
        },
        "cookies": {
            "slug": "cookies",
            "title": "Cookies",
            "intro": "Ce site ne dépose aucun cookie publicitaire ni de mesure d'audience.",
            "sections": [
                (
                    "Les seuls cookies utilisés",
                    "<p>Quand vous remplissez un formulaire, un cookie de session garde vos réponses d'une étape à "
                    "l'autre et un cookie de sécurité protège l'envoi contre la falsification. Ils sont "
                    "indispensables au service, ne vous suivent sur aucun autre site et disparaissent à la "
                    "fermeture de votre navigateur ou au bout de deux semaines au plus.</p>",
                ),
                (
                    "Pourquoi aucun bandeau",
                    "<p>Ces cookies étant strictement nécessaires, la loi ne demande pas votre consentement "
                    "(article 82 de la loi Informatique et Libertés). Si nous ajoutions un jour une mesure "
                    "d'audience, elle serait anonyme ou soumise à votre accord.</p>",
                ),
            ],
        },
    },
    "en": {
        "privacy": {
            "slug": "privacy",
            "title": "Privacy notice",
            "intro": (
                "How we use the information you give us when you offer or look for a room, and how to exercise "
                "your rights."
            ),
            "sections": [
                (
                    "Who is responsible for your data",
                    "<p>In France, the controller is the national old-age insurance fund (Caisse nationale "
                    "d'assurance vieillesse, CNAV), 110 avenue de Flandre, 75019 Paris, which runs the programme "
                    "with the regional pension funds and local associations. In Spain, it is the National Social "
                    "Security Institute (INSS), calle de Padre Damián 4, 28036 Madrid. The association that follows "
                    "your application acts on their behalf, as a processor.</p>",
                ),
                (
                    "What we use it for",
                    "<ul><li>to review your application, check it meets the programme's conditions and call you "
                    "back;</li><li>to suggest host and guest pairings, prepare the agreement and have it "
                    "signed;</li><li>to support you while you live together and, if need be, to end the "
                    "arrangement;</li><li>to produce anonymous statistics about the programme.</li></ul>",
                ),
                (
                    "Legal basis",
                    "<p>Processing is necessary for a task carried out in the public interest entrusted to the "
                    "pension funds (Article 6(1)(e) GDPR). Information about your health or independence, if you "
                    "choose to share it, is used only with your explicit consent (Article 9(2)(a)), which you may "
                    "withdraw at any time.</p>",
                ),
                (
                    "How long we keep it",
                    "<p>An open file is kept while you take part in the programme. A rejected, withdrawn or closed "
                    "file is anonymised two years after it is closed; signed agreements are kept for five years "
                    "after they end, the limitation period for civil claims. Messages sent through the contact form "
                    "are deleted after one year.</p>",
                ),
                (
                    "Who can see it",
                    "<p>Only the people handling your file: the association of your area, the pension fund that "
                    "finances the programme and, once a pairing is suggested, the person you would live with (first "
                    "name, age, interests; never your contact details without your agreement). Your data are hosted "
                    "in the European Union and are never sold.</p>",
                ),
                (
                    "Your rights",
                    "<p>You may access your data, have it corrected or erased, ask for processing to be restricted, "
                    "object to it on grounds relating to your situation and withdraw your consent. Write to the "
                    f"CNAV's data protection officer at {FR_DPO}, or by post to the address above. We reply within "
                    "one month.</p>"
                    "<p>If you believe your rights have not been respected, you may complain to the French data "
                    "protection authority, the CNIL (3 place de Fontenoy, 75007 Paris, www.cnil.fr). In Spain, the "
                    f"INSS's data protection officer can be reached at {ES_DPO} and the supervisory authority is the "
                    "Spanish Data Protection Agency (AEPD).</p>",
                ),
            ],
        },
        "legal-notice": {
            "slug": "legal-notice",
            "title": "Legal notice",
            "intro": "Who publishes this site, who hosts it, and how you may reuse its content.",
            "sections": [
                (
                    "Publisher",
                    "<p>Caisse nationale d'assurance vieillesse (CNAV), a body entrusted with a public-service "
                    "mission, 110 avenue de Flandre, 75019 Paris, France. Director of publication: the CNAV's "
                    "director general. Contact: cohabitation@cnav.example.</p>",
                ),
                (
                    "Hosting",
                    "<p>The site is hosted in France by a SecNumCloud-qualified provider, in data centres in Paris "
                    "and Strasbourg.</p>",
                ),
                (
                    "Reusing the content",
                    "<p>The texts of this site are published under the Open Licence 2.0: you may reuse them, citing "
                    "their source. Photographs remain the property of their authors and may not be reused without "
                    "their permission.</p>",
                ),
            ],
        },
        "accessibility": {
            "slug": "accessibility",
            "title": "Accessibility statement",
            "intro": "We want everyone to be able to use this site, whatever their age or abilities.",
            "sections": [
                (
                    "Compliance status",
                    "<p>This site partially conforms to the Web Content Accessibility Guidelines (WCAG 2.1, level "
                    "AA) and to the French standard RGAA 4.1: an internal audit in September 2026 found 91% of "
                    "criteria met. Some older PDF documents are not accessible yet; they are replaced as they are "
                    "updated.</p>",
                ),
                (
                    "Report a problem",
                    f"<p>If you cannot reach some content or a service, write to us at {ACCESS} or call the "
                    "association of your area: we will give you the information in another form.</p>",
                ),
                (
                    "Enforcement",
                    "<p>If our answer does not satisfy you, you may contact the Defender of Rights (Défenseur des "
                    "droits) in France, online at www.defenseurdesdroits.fr, or the body that enforces accessibility "
                    "in your country.</p>",
                ),
            ],
        },
        "cookies": {
            "slug": "cookies",
            "title": "Cookie statement",
            "intro": "This site sets no advertising or audience-measurement cookies.",
            "sections": [
                (
                    "The only cookies we use",
                    "<p>When you fill in a form, a session cookie keeps your answers from one step to the next and "
                    "a security cookie protects what you send against forgery. They are essential to the service, "
                    "follow you on no other site, and disappear when you close your browser or after two weeks at "
                    "most.</p>",
                ),
                (
                    "Why there is no cookie banner",
                    "<p>As these cookies are strictly necessary, the law does not require your consent (Article "
                    "5(3) of the ePrivacy Directive). Should we ever measure audience, it would be anonymous or "
                    "subject to your consent.</p>",
                ),
            ],
        },
    },
    "es": {
        "privacy": {
            "slug": "proteccion-de-datos",
            "title": "Protección de datos",
            "intro": (
                "Cómo usamos la información que nos confía cuando ofrece o busca una habitación, y cómo ejercer "
                "sus derechos."
            ),
            "sections": [
                (
                    "Responsable del tratamiento",
                    "<p>En España, el responsable es el Instituto Nacional de la Seguridad Social (INSS), calle de "
                    "Padre Damián 4, 28036 Madrid. En Francia, es la Caisse nationale d'assurance vieillesse (CNAV), "
                    "110 avenue de Flandre, 75019 París. La asociación que sigue su solicitud actúa por su cuenta, "
                    "como encargada del tratamiento.</p>",
                ),
                (
                    "Finalidades",
                    "<ul><li>estudiar su solicitud, comprobar que cumple las condiciones del programa y llamarle;"
                    "</li><li>proponer parejas de anfitrión e invitado, preparar y firmar el convenio;</li>"
                    "<li>acompañar la convivencia y, si fuera necesario, ponerle fin;</li><li>elaborar "
                    "estadísticas anónimas del programa.</li></ul>",
                ),
                (
                    "Base jurídica",
                    "<p>El tratamiento es necesario para cumplir una misión de interés público (artículo 6.1.e del "
                    "RGPD). Los datos sobre su salud o autonomía, si decide facilitarlos, solo se usan con su "
                    "consentimiento explícito (artículo 9.2.a), que puede retirar en cualquier momento.</p>",
                ),
                (
                    "Plazo de conservación",
                    "<p>Una solicitud en curso se conserva mientras participe en el programa. Una solicitud "
                    "rechazada, retirada o cerrada se anonimiza dos años después de su cierre; los convenios "
                    "firmados se conservan cinco años tras su fin. Los mensajes del formulario de contacto se "
                    "borran al cabo de un año.</p>",
                ),
                (
                    "Destinatarios",
                    "<p>Solo quienes tramitan su solicitud: la asociación de su zona, el organismo que financia el "
                    "programa y, una vez propuesta la pareja, la persona con quien convivirá (nombre, edad, "
                    "aficiones; nunca sus datos de contacto sin su acuerdo). Sus datos se alojan en la Unión "
                    "Europea y nunca se venden.</p>",
                ),
                (
                    "Sus derechos",
                    "<p>Puede acceder a sus datos, rectificarlos o suprimirlos, solicitar la limitación del "
                    "tratamiento, oponerse a él por motivos relacionados con su situación y retirar su "
                    f"consentimiento. Escriba al delegado de protección de datos del INSS: {ES_DPO}, o por correo "
                    "postal a la dirección indicada. Respondemos en el plazo de un mes.</p>"
                    "<p>Si considera que no se han respetado sus derechos, puede presentar una reclamación ante la "
                    "Agencia Española de Protección de Datos (AEPD), calle de Jorge Juan 6, 28001 Madrid, "
                    f"www.aepd.es. En Francia, el delegado de la CNAV atiende en {FR_DPO} y la autoridad de control "
                    "es la CNIL.</p>",
                ),
            ],
        },
        "legal-notice": {
            "slug": "aviso-legal",
            "title": "Aviso legal",
            "intro": "Quién publica este sitio, quién lo aloja y en qué condiciones puede reutilizar su contenido.",
            "sections": [
                (
                    "Titular",
                    "<p>Caisse nationale d'assurance vieillesse (CNAV), organismo con misión de servicio público, "
                    "110 avenue de Flandre, 75019 París (Francia), en colaboración con el INSS para el programa en "
                    "España. Contacto: cohabitation@cnav.example.</p>",
                ),
                (
                    "Alojamiento",
                    "<p>El sitio se aloja en Francia, en centros de datos de París y Estrasburgo de un proveedor "
                    "cualificado SecNumCloud.</p>",
                ),
                (
                    "Reutilización",
                    "<p>Los textos se publican con la Licencia Abierta 2.0: puede reutilizarlos citando la fuente. "
                    "Las fotografías pertenecen a sus autores y no pueden reutilizarse sin su permiso.</p>",
                ),
            ],
        },
        "accessibility": {
            "slug": "accesibilidad",
            "title": "Declaración de accesibilidad",
            "intro": "Queremos que todas las personas puedan usar este sitio, sea cual sea su edad o capacidad.",
            "sections": [
                (
                    "Situación de cumplimiento",
                    "<p>Este sitio es parcialmente conforme con la norma UNE-EN 301549:2022 y las pautas WCAG 2.1 "
                    "nivel AA: una auditoría interna de septiembre de 2026 constata que se cumple el 91 % de los "
                    "criterios. Algunos documentos PDF antiguos aún no son accesibles.</p>",
                ),
                (
                    "Comunicar un problema",
                    f"<p>Si no puede acceder a un contenido o servicio, escríbanos a {ACCESS} o llame a la "
                    "asociación de su zona: le daremos la información en otro formato.</p>",
                ),
                (
                    "Procedimiento de reclamación",
                    "<p>Si nuestra respuesta no le satisface, puede dirigirse a la Oficina de Atención a la "
                    "Discapacidad (OADIS) o al organismo competente de su comunidad autónoma.</p>",
                ),
            ],
        },
        "cookies": {
            "slug": "cookies",
            "title": "Política de cookies",
            "intro": "Este sitio no instala cookies publicitarias ni de medición de audiencia.",
            "sections": [
                (
                    "Las únicas cookies que usamos",
                    "<p>Cuando rellena un formulario, una cookie de sesión guarda sus respuestas de un paso a otro y "
                    "una cookie de seguridad protege el envío contra la falsificación. Son imprescindibles para el "
                    "servicio, no le siguen en ningún otro sitio y desaparecen al cerrar el navegador o, como "
                    "máximo, a las dos semanas.</p>",
                ),
                (
                    "Por qué no hay aviso de cookies",
                    "<p>Al ser estrictamente necesarias, la ley no exige su consentimiento (artículo 22.2 de la "
                    "LSSI). Si algún día midiéramos la audiencia, sería de forma anónima o con su permiso.</p>",
                ),
            ],
        },
    },
    "it": {
        "privacy": {
            "slug": "privacy",
            "title": "Informativa sulla privacy",
            "intro": (
                "Come usiamo le informazioni che ci affida quando offre o cerca una stanza, e come esercitare i "
                "suoi diritti."
            ),
            "sections": [
                (
                    "Titolare del trattamento",
                    "<p>In Francia il titolare è la Caisse nationale d'assurance vieillesse (CNAV), 110 avenue de "
                    "Flandre, 75019 Parigi; in Spagna l'Instituto Nacional de la Seguridad Social (INSS), calle de "
                    "Padre Damián 4, 28036 Madrid. L'associazione che segue la sua domanda agisce per loro conto, "
                    "come responsabile del trattamento.</p>",
                ),
                (
                    "Finalità",
                    "<ul><li>esaminare la sua domanda, verificare che rispetti le condizioni del programma e "
                    "richiamarla;</li><li>proporre abbinamenti tra ospitante e ospite, preparare e far firmare la "
                    "convenzione;</li><li>accompagnare la convivenza e, se necessario, concluderla;</li><li>produrre "
                    "statistiche anonime sul programma.</li></ul>",
                ),
                (
                    "Base giuridica",
                    "<p>Il trattamento è necessario per l'esecuzione di un compito di interesse pubblico (articolo "
                    "6, paragrafo 1, lettera e, del GDPR). Le informazioni sulla sua salute o autonomia, se sceglie "
                    "di fornirle, sono usate solo con il suo consenso esplicito (articolo 9, paragrafo 2, lettera "
                    "a), che può revocare in qualsiasi momento.</p>",
                ),
                (
                    "Periodo di conservazione",
                    "<p>Una domanda in corso è conservata finché partecipa al programma. Una domanda respinta, "
                    "ritirata o chiusa è resa anonima due anni dopo la chiusura; le convenzioni firmate sono "
                    "conservate cinque anni dopo la loro fine. I messaggi del modulo di contatto sono cancellati dopo "
                    "un anno.</p>",
                ),
                (
                    "I suoi diritti",
                    "<p>Può accedere ai suoi dati, chiederne la rettifica o la cancellazione, la limitazione del "
                    "trattamento, opporsi per motivi legati alla sua situazione e revocare il consenso. Scriva al "
                    f"responsabile della protezione dei dati della CNAV ({FR_DPO}) o dell'INSS ({ES_DPO}). "
                    "Rispondiamo entro un mese.</p>"
                    "<p>Può proporre reclamo all'autorità di controllo del paese del programma: la CNIL in Francia "
                    "(www.cnil.fr), l'AEPD in Spagna (www.aepd.es), oppure al Garante per la protezione dei dati "
                    "personali se risiede in Italia.</p>",
                ),
            ],
        },
        "legal-notice": {
            "slug": "note-legali",
            "title": "Note legali",
            "intro": "Chi pubblica questo sito, chi lo ospita e a quali condizioni può riutilizzarne i contenuti.",
            "sections": [
                (
                    "Editore",
                    "<p>Caisse nationale d'assurance vieillesse (CNAV), ente con missione di servizio pubblico, "
                    "110 avenue de Flandre, 75019 Parigi (Francia). Contatto: cohabitation@cnav.example.</p>",
                ),
                (
                    "Hosting",
                    "<p>Il sito è ospitato in Francia da un fornitore qualificato SecNumCloud, in centri dati a "
                    "Parigi e Strasburgo.</p>",
                ),
                (
                    "Riutilizzo dei contenuti",
                    "<p>I testi sono pubblicati con Licenza Aperta 2.0: può riutilizzarli citandone la fonte. Le "
                    "fotografie restano di proprietà dei loro autori.</p>",
                ),
            ],
        },
        "accessibility": {
            "slug": "accessibilita",
            "title": "Dichiarazione di accessibilità",
            "intro": "Vogliamo che tutti possano usare questo sito, qualunque siano la loro età e le loro capacità.",
            "sections": [
                (
                    "Stato di conformità",
                    "<p>Il sito è parzialmente conforme alle linee guida WCAG 2.1 livello AA: un audit interno di "
                    "settembre 2026 rileva il 91 % dei criteri soddisfatti. Alcuni vecchi documenti PDF non sono "
                    "ancora accessibili.</p>",
                ),
                (
                    "Segnalare un problema",
                    f"<p>Se non riesce ad accedere a un contenuto o a un servizio, ci scriva a {ACCESS}: le "
                    "forniremo l'informazione in un'altra forma.</p>",
                ),
            ],
        },
        "cookies": {
            "slug": "cookie",
            "title": "Informativa sui cookie",
            "intro": "Questo sito non usa cookie pubblicitari né di misurazione del pubblico.",
            "sections": [
                (
                    "Gli unici cookie usati",
                    "<p>Quando compila un modulo, un cookie di sessione conserva le sue risposte da un passaggio "
                    "all'altro e un cookie di sicurezza protegge l'invio dalla contraffazione. Sono indispensabili "
                    "al servizio, non la seguono su altri siti e scadono alla chiusura del browser o al massimo dopo "
                    "due settimane; per questo non serve il suo consenso.</p>",
                ),
            ],
        },
    },
    "de": {
        "privacy": {
            "slug": "datenschutz",
            "title": "Datenschutzerklärung",
            "intro": (
                "Wie wir die Angaben verwenden, die Sie uns anvertrauen, wenn Sie ein Zimmer anbieten oder suchen, "
                "und wie Sie Ihre Rechte wahrnehmen."
            ),
            "sections": [
                (
                    "Verantwortliche Stelle",
                    "<p>In Frankreich ist Verantwortlicher die Caisse nationale d'assurance vieillesse (CNAV), 110 "
                    "avenue de Flandre, 75019 Paris; in Spanien das Instituto Nacional de la Seguridad Social "
                    "(INSS), calle de Padre Damián 4, 28036 Madrid. Der Verein, der Ihre Bewerbung begleitet, "
                    "handelt in ihrem Auftrag als Auftragsverarbeiter.</p>",
                ),
                (
                    "Zwecke",
                    "<ul><li>Ihre Bewerbung prüfen, die Voraussetzungen des Programms kontrollieren und Sie "
                    "zurückrufen;</li><li>Paare aus Gastgebenden und Gästen vorschlagen, die Vereinbarung vorbereiten "
                    "und unterzeichnen lassen;</li><li>das Zusammenleben begleiten und es bei Bedarf beenden;</li>"
                    "<li>anonyme Statistiken über das Programm erstellen.</li></ul>",
                ),
                (
                    "Rechtsgrundlage",
                    "<p>Die Verarbeitung ist für die Wahrnehmung einer Aufgabe im öffentlichen Interesse "
                    "erforderlich (Art. 6 Abs. 1 lit. e DSGVO). Angaben zu Ihrer Gesundheit oder Selbstständigkeit "
                    "verwenden wir nur mit Ihrer ausdrücklichen Einwilligung (Art. 9 Abs. 2 lit. a DSGVO), die Sie "
                    "jederzeit widerrufen können.</p>",
                ),
                (
                    "Speicherdauer",
                    "<p>Eine laufende Bewerbung wird aufbewahrt, solange Sie am Programm teilnehmen. Abgelehnte, "
                    "zurückgezogene oder abgeschlossene Bewerbungen werden zwei Jahre nach Abschluss anonymisiert; "
                    "unterzeichnete Vereinbarungen fünf Jahre nach ihrem Ende. Nachrichten aus dem Kontaktformular "
                    "werden nach einem Jahr gelöscht.</p>",
                ),
                (
                    "Ihre Rechte",
                    "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, "
                    "Widerspruch aus Gründen, die sich aus Ihrer besonderen Situation ergeben, und Widerruf Ihrer "
                    f"Einwilligung. Wenden Sie sich an den Datenschutzbeauftragten der CNAV ({FR_DPO}) oder des "
                    f"INSS ({ES_DPO}). Wir antworten innerhalb eines Monats.</p>"
                    "<p>Sie können sich bei der Aufsichtsbehörde des jeweiligen Landes beschweren: der CNIL in "
                    "Frankreich (www.cnil.fr), der AEPD in Spanien (www.aepd.es) oder der Datenschutzbehörde Ihres "
                    "Wohnsitzes.</p>",
                ),
            ],
        },
        "legal-notice": {
            "slug": "impressum",
            "title": "Impressum",
            "intro": "Wer diese Website herausgibt, wer sie betreibt und wie Sie ihre Inhalte weiterverwenden dürfen.",
            "sections": [
                (
                    "Herausgeber",
                    "<p>Caisse nationale d'assurance vieillesse (CNAV), mit einer öffentlichen Aufgabe betraute "
                    "Einrichtung, 110 avenue de Flandre, 75019 Paris, Frankreich. Kontakt: "
                    "cohabitation@cnav.example.</p>",
                ),
                (
                    "Hosting",
                    "<p>Die Website wird in Frankreich von einem SecNumCloud-qualifizierten Anbieter in "
                    "Rechenzentren in Paris und Straßburg betrieben.</p>",
                ),
                (
                    "Weiterverwendung",
                    "<p>Die Texte stehen unter der Offenen Lizenz 2.0 (Licence Ouverte) und dürfen mit "
                    "Quellenangabe weiterverwendet werden. Die Fotos bleiben Eigentum ihrer Urheber.</p>",
                ),
            ],
        },
        "accessibility": {
            "slug": "barrierefreiheit",
            "title": "Erklärung zur Barrierefreiheit",
            "intro": "Alle sollen diese Website nutzen können, unabhängig von Alter und Fähigkeiten.",
            "sections": [
                (
                    "Stand der Vereinbarkeit",
                    "<p>Die Website ist teilweise mit den WCAG 2.1 (Stufe AA) vereinbar: Eine interne Prüfung im "
                    "September 2026 ergab, dass 91 % der Kriterien erfüllt sind. Einige ältere PDF-Dokumente sind "
                    "noch nicht barrierefrei.</p>",
                ),
                (
                    "Barrieren melden",
                    f"<p>Wenn Sie einen Inhalt oder Dienst nicht nutzen können, schreiben Sie uns an {ACCESS}: "
                    "Wir stellen Ihnen die Information in anderer Form bereit.</p>",
                ),
            ],
        },
        "cookies": {
            "slug": "cookies",
            "title": "Cookie-Hinweis",
            "intro": "Diese Website setzt keine Werbe- oder Reichweitenmessungs-Cookies.",
            "sections": [
                (
                    "Die einzigen Cookies",
                    "<p>Wenn Sie ein Formular ausfüllen, speichert ein Sitzungscookie Ihre Antworten von Schritt zu "
                    "Schritt, und ein Sicherheitscookie schützt das Absenden vor Fälschung. Sie sind für den Dienst "
                    "unbedingt erforderlich, verfolgen Sie auf keiner anderen Website und verfallen beim Schließen "
                    "des Browsers oder spätestens nach zwei Wochen; eine Einwilligung ist daher nicht nötig.</p>",
                ),
            ],
        },
    },
    "pt": {
        "privacy": {
            "slug": "privacidade",
            "title": "Aviso de privacidade",
            "intro": (
                "Como usamos as informações que nos confia quando oferece ou procura um quarto, e como exercer os "
                "seus direitos."
            ),
            "sections": [
                (
                    "Responsável pelo tratamento",
                    "<p>Em França, o responsável é a Caisse nationale d'assurance vieillesse (CNAV), 110 avenue de "
                    "Flandre, 75019 Paris; em Espanha, o Instituto Nacional de la Seguridad Social (INSS), calle de "
                    "Padre Damián 4, 28036 Madrid. A associação que acompanha a sua candidatura atua por conta "
                    "deles, como subcontratante.</p>",
                ),
                (
                    "Finalidades",
                    "<ul><li>analisar a sua candidatura, verificar que cumpre as condições do programa e "
                    "contactá-lo;</li><li>propor pares de anfitrião e hóspede, preparar e assinar a convenção;</li>"
                    "<li>acompanhar a coabitação e, se necessário, pôr-lhe termo;</li><li>produzir estatísticas "
                    "anónimas sobre o programa.</li></ul>",
                ),
                (
                    "Fundamento jurídico",
                    "<p>O tratamento é necessário ao exercício de funções de interesse público (artigo 6.º, n.º 1, "
                    "alínea e), do RGPD). Os dados sobre a sua saúde ou autonomia, se optar por os fornecer, só são "
                    "usados com o seu consentimento explícito (artigo 9.º, n.º 2, alínea a)), que pode retirar a "
                    "qualquer momento.</p>",
                ),
                (
                    "Prazo de conservação",
                    "<p>Uma candidatura em curso é conservada enquanto participar no programa. Uma candidatura "
                    "recusada, retirada ou encerrada é anonimizada dois anos após o encerramento; as convenções "
                    "assinadas são conservadas cinco anos após o seu fim.</p>",
                ),
                (
                    "Os seus direitos",
                    "<p>Pode aceder aos seus dados, pedir a sua retificação ou apagamento, a limitação do "
                    "tratamento, opor-se por motivos relacionados com a sua situação e retirar o consentimento. "
                    f"Escreva ao encarregado da proteção de dados da CNAV ({FR_DPO}) ou do INSS ({ES_DPO}). "
                    "Respondemos no prazo de um mês.</p>"
                    "<p>Pode apresentar reclamação à autoridade de controlo do país do programa: a CNIL em França "
                    "(www.cnil.fr), a AEPD em Espanha (www.aepd.es), ou à CNPD se residir em Portugal.</p>",
                ),
            ],
        },
        "legal-notice": {
            "slug": "informacao-legal",
            "title": "Informação legal",
            "intro": "Quem publica este sítio, quem o aloja e em que condições pode reutilizar o seu conteúdo.",
            "sections": [
                (
                    "Editor",
                    "<p>Caisse nationale d'assurance vieillesse (CNAV), organismo com missão de serviço público, "
                    "110 avenue de Flandre, 75019 Paris (França). Contacto: cohabitation@cnav.example.</p>",
                ),
                (
                    "Alojamento",
                    "<p>O sítio está alojado em França por um fornecedor qualificado SecNumCloud, em centros de "
                    "dados em Paris e Estrasburgo.</p>",
                ),
                (
                    "Reutilização",
                    "<p>Os textos são publicados sob a Licença Aberta 2.0: pode reutilizá-los citando a fonte. As "
                    "fotografias pertencem aos seus autores.</p>",
                ),
            ],
        },
        "accessibility": {
            "slug": "acessibilidade",
            "title": "Declaração de acessibilidade",
            "intro": "Queremos que todos possam usar este sítio, qualquer que seja a sua idade ou capacidade.",
            "sections": [
                (
                    "Estado de conformidade",
                    "<p>Este sítio está parcialmente conforme com as diretrizes WCAG 2.1 de nível AA: uma auditoria "
                    "interna de setembro de 2026 verificou 91 % dos critérios cumpridos. Alguns documentos PDF "
                    "antigos ainda não são acessíveis.</p>",
                ),
                (
                    "Comunicar um problema",
                    f"<p>Se não conseguir aceder a um conteúdo ou serviço, escreva-nos para {ACCESS}: daremos a "
                    "informação noutro formato.</p>",
                ),
            ],
        },
        "cookies": {
            "slug": "cookies",
            "title": "Política de cookies",
            "intro": "Este sítio não utiliza cookies publicitários nem de medição de audiência.",
            "sections": [
                (
                    "Os únicos cookies utilizados",
                    "<p>Quando preenche um formulário, um cookie de sessão guarda as suas respostas de um passo para "
                    "o seguinte e um cookie de segurança protege o envio contra falsificação. São indispensáveis ao "
                    "serviço, não o seguem noutros sítios e expiram ao fechar o navegador ou, no máximo, ao fim de "
                    "duas semanas; por isso não é necessário o seu consentimento.</p>",
                ),
            ],
        },
    },
}

#: How to reach each national programme, per language of its section: (phone, opening hours).
REACH = {
    "FR": {
        "fr": ("05 35 55 12 40", "Du lundi au vendredi, de 9 h à 17 h"),
        "en": ("+33 5 35 55 12 40", "Monday to Friday, 9 am to 5 pm (Paris time)"),
    },
    "ES": {
        "es": ("910 55 12 40", "De lunes a viernes, de 9:00 a 14:00 y de 16:00 a 18:00"),
        "en": ("+34 910 55 12 40", "Monday to Friday, 9 am to 2 pm and 4 pm to 6 pm (Madrid time)"),
    },
}
