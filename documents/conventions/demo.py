"""Demo convention templates: every demo country (France, Spain) in the six languages of the
platform, so that any host and guest read the same convention side by side in their own language.

Each language carries the whole text, article for article in the same order: the parties and
who represents the association, the room and the rooms shared, the dates, the contribution and
how it is paid, insurance, house rules, the trial period and the notice (the country's settings,
through ``{trial_days}`` and ``{notice_days}``), support, disputes, and where, when and in how
many originals the convention is made. Only the law a country's programme rests on differs.
"""

from wagtail.blocks import StreamValue

from workflow.models import Country

from ..models import ConventionTemplate

#: Title and articles (heading, body) per language; the same twelve articles in each.
ARTICLES = {
    "fr": (
        "Convention d'hébergement intergénérationnel solidaire",
        [
            (
                "Article 1 – Les parties",
                "<p>Entre <b>{host_name}</b>, né(e) le {host_birth_date}, demeurant {address}, ci-après « l'hôte » ;</p>"
                "<p>et <b>{guest_name}</b>, né(e) le {guest_birth_date}, domicilié(e) {guest_address}, ci-après « le jeune accueilli » ;</p>"
                "<p>en présence de <b>{association}</b>, association tiers de confiance, dont le siège est {association_address}, "
                "représentée par {association_representative}, ci-après « l'association » ;</p>"
                "<p>et de <b>{pension_office}</b>, organisme de retraite qui contresigne la présente convention.</p>",
            ),
            (
                "Article 2 – Objet et nature",
                "<p>La présente convention organise la cohabitation intergénérationnelle solidaire de l'hôte et du jeune accueilli. "
                "Elle est un contrat civil : elle ne constitue pas un bail d'habitation et ne confère au jeune accueilli aucun droit au maintien dans les lieux.</p>",
            ),
            (
                "Article 3 – Le logement",
                "<p>L'hôte met à la disposition du jeune accueilli, à son domicile situé {address}, {room} d'une surface de {room_size} m², {furnished}, "
                "pour son usage personnel et exclusif. Le jeune accueilli a accès aux pièces partagées avec l'hôte : {shared_rooms}.</p>",
            ),
            (
                "Article 4 – Durée",
                "<p>La convention prend effet le {start_date} et prend fin le {end_date}, sans tacite reconduction. "
                "Elle peut être prolongée par avenant signé des mêmes parties.</p>",
            ),
            (
                "Article 5 – Contribution aux charges et paiement",
                "<p>Le jeune accueilli verse à l'hôte une contribution aux charges de <b>{contribution} {currency} par mois</b>, "
                "payable d'avance, au plus tard le 5 de chaque mois, par virement bancaire ou par tout autre moyen convenu par écrit. "
                "L'hôte en délivre un reçu sur demande. Aucun dépôt de garantie n'est demandé. "
                "Le premier et le dernier mois sont dus au prorata des jours d'occupation.</p>",
            ),
            (
                "Article 6 – Présence et services",
                "<p>Le jeune accueilli assure une présence de {presence} soirées par semaine et rend de menus services convenus entre les parties. "
                "Cette présence n'est pas un travail : elle ne donne lieu à aucun lien de subordination ni à aucune rémunération, "
                "et ne remplace pas l'aide d'un professionnel.</p>",
            ),
            (
                "Article 7 – Assurance",
                "<p>Le jeune accueilli souscrit une assurance de responsabilité civile couvrant son séjour et en remet l'attestation à l'association avant son arrivée. "
                "L'hôte informe l'assureur de son habitation de l'accueil ; s'il est locataire, il en informe son bailleur.</p>",
            ),
            (
                "Article 8 – Règles de la maison",
                "<p>Les parties s'engagent à respecter les règles de la maison suivantes, reprises en annexe : {house_rules}. "
                "Chacun respecte la vie privée de l'autre ; le jeune accueilli ne sous-loue ni ne prête la chambre.</p>",
            ),
            (
                "Article 9 – Période d'essai et fin de la convention",
                "<p>Une période d'essai de <b>{trial_days} jours</b> court à compter de l'arrivée du jeune accueilli ; pendant celle-ci, chaque partie peut mettre fin à la convention sans préavis. "
                "Au-delà, chaque partie peut y mettre fin par écrit avec un préavis de <b>{notice_days} jours</b>, en informant l'association. "
                "En cas de manquement grave, la convention peut être rompue sans préavis après intervention de l'association.</p>",
            ),
            (
                "Article 10 – Accompagnement",
                "<p>{association} accompagne le binôme pendant toute la durée de la convention : elle prend des nouvelles régulièrement et peut être sollicitée par chaque partie. "
                "{pension_office} contresigne la présente convention.</p>",
            ),
            (
                "Article 11 – Différends",
                "<p>En cas de désaccord, les parties recherchent d'abord une solution amiable avec l'aide de l'association. "
                "À défaut, le litige est porté devant la juridiction compétente du lieu du logement.</p>",
            ),
            (
                "Article 12 – Signature",
                "<p>Fait à {made_at}, le {made_on}, en {originals} originaux, un pour chaque partie, "
                "sous forme électronique : chaque partie signe ce même document et en reçoit un exemplaire. Convention n° {reference}.</p>",
            ),
        ],
    ),
    "en": (
        "Intergenerational homesharing agreement",
        [
            (
                "Article 1 – The parties",
                "<p>Between <b>{host_name}</b>, born on {host_birth_date}, living at {address}, hereinafter “the host”;</p>"
                "<p>and <b>{guest_name}</b>, born on {guest_birth_date}, of {guest_address}, hereinafter “the guest”;</p>"
                "<p>in the presence of <b>{association}</b>, the association acting as trusted third party, whose registered office is at {association_address}, "
                "represented by {association_representative}, hereinafter “the association”;</p>"
                "<p>and of <b>{pension_office}</b>, the pension office that countersigns this agreement.</p>",
            ),
            (
                "Article 2 – Purpose and nature",
                "<p>This agreement organises the intergenerational solidarity homesharing of the host and the guest. "
                "It is a civil contract: it is not a tenancy and gives the guest no right to remain in the home.</p>",
            ),
            (
                "Article 3 – The accommodation",
                "<p>The host provides the guest, in the home at {address}, with {room} of {room_size} m², {furnished}, "
                "for the guest's personal and exclusive use. The guest may use the rooms shared with the host: {shared_rooms}.</p>",
            ),
            (
                "Article 4 – Duration",
                "<p>This agreement takes effect on {start_date} and ends on {end_date}; it is not renewed automatically. "
                "It may be extended by an amendment signed by the same parties.</p>",
            ),
            (
                "Article 5 – Contribution to charges and payment",
                "<p>The guest pays the host a contribution to charges of <b>{contribution} {currency} a month</b>, "
                "in advance, no later than the 5th of each month, by bank transfer or by any other means agreed in writing. "
                "The host gives a receipt on request. No deposit is asked. "
                "The first and last months are due in proportion to the days of stay.</p>",
            ),
            (
                "Article 6 – Presence and help",
                "<p>The guest is present {presence} evenings a week and gives small services agreed between the parties. "
                "This presence is not work: it creates no employment relationship and no pay, "
                "and does not replace the help of a professional.</p>",
            ),
            (
                "Article 7 – Insurance",
                "<p>The guest takes out civil liability insurance covering the stay and gives its certificate to the association before arriving. "
                "The host informs the insurer of the home of the stay; a host who rents the home informs the landlord.</p>",
            ),
            (
                "Article 8 – House rules",
                "<p>The parties undertake to respect the following house rules, repeated in the annex: {house_rules}. "
                "Each respects the other's privacy; the guest neither sublets nor lends the room.</p>",
            ),
            (
                "Article 9 – Trial period and end of the agreement",
                "<p>A trial period of <b>{trial_days} days</b> runs from the guest's arrival; during it, either party may end the agreement without notice. "
                "After it, either party may end it in writing with <b>{notice_days} days'</b> notice, informing the association. "
                "In case of serious breach, the agreement may be ended without notice after the association has stepped in.</p>",
            ),
            (
                "Article 10 – Support",
                "<p>{association} supports the pair throughout the agreement: it checks in regularly and either party may call on it. "
                "{pension_office} countersigns this agreement.</p>",
            ),
            (
                "Article 11 – Disputes",
                "<p>In case of disagreement, the parties first seek an amicable solution with the association's help. "
                "Failing that, the dispute goes before the competent court of the place of the home.</p>",
            ),
            (
                "Article 12 – Signature",
                "<p>Made at {made_at} on {made_on}, in {originals} originals, one for each party, "
                "in electronic form: each party signs this same document and receives a copy of it. Agreement no. {reference}.</p>",
            ),
        ],
    ),
    "es": (
        "Convenio de convivencia intergeneracional solidaria",
        [
            (
                "Artículo 1 – Las partes",
                "<p>De una parte, <b>{host_name}</b>, nacido/a el {host_birth_date}, con domicilio en {address}, en adelante «el anfitrión»;</p>"
                "<p>de otra parte, <b>{guest_name}</b>, nacido/a el {guest_birth_date}, con domicilio en {guest_address}, en adelante «el joven acogido»;</p>"
                "<p>en presencia de <b>{association}</b>, asociación que actúa como tercero de confianza, con sede en {association_address}, "
                "representada por {association_representative}, en adelante «la asociación»;</p>"
                "<p>y de <b>{pension_office}</b>, organismo de pensiones que refrenda el presente convenio.</p>",
            ),
            (
                "Artículo 2 – Objeto y naturaleza",
                "<p>El presente convenio organiza la convivencia intergeneracional solidaria del anfitrión y del joven acogido. "
                "Es un contrato civil: no constituye un contrato de arrendamiento y no concede al joven acogido ningún derecho de permanencia en la vivienda.</p>",
            ),
            (
                "Artículo 3 – El alojamiento",
                "<p>El anfitrión pone a disposición del joven acogido, en su domicilio situado en {address}, {room} de {room_size} m², {furnished}, "
                "para su uso personal y exclusivo. El joven acogido tiene acceso a las estancias compartidas con el anfitrión: {shared_rooms}.</p>",
            ),
            (
                "Artículo 4 – Duración",
                "<p>El convenio surte efecto el {start_date} y termina el {end_date}, sin prórroga tácita. "
                "Puede prorrogarse mediante una adenda firmada por las mismas partes.</p>",
            ),
            (
                "Artículo 5 – Contribución a los gastos y pago",
                "<p>El joven acogido abona al anfitrión una contribución a los gastos de <b>{contribution} {currency} al mes</b>, "
                "por adelantado, a más tardar el día 5 de cada mes, mediante transferencia bancaria o cualquier otro medio acordado por escrito. "
                "El anfitrión entrega un recibo si se le solicita. No se exige fianza. "
                "El primer y el último mes se pagan en proporción a los días de estancia.</p>",
            ),
            (
                "Artículo 6 – Presencia y ayuda",
                "<p>El joven acogido asegura una presencia de {presence} noches por semana y presta pequeños servicios acordados entre las partes. "
                "Esta presencia no es un trabajo: no crea relación laboral ni da lugar a remuneración, "
                "y no sustituye la ayuda de un profesional.</p>",
            ),
            (
                "Artículo 7 – Seguro",
                "<p>El joven acogido contrata un seguro de responsabilidad civil que cubra su estancia y entrega el certificado a la asociación antes de su llegada. "
                "El anfitrión informa de la acogida a la aseguradora de su vivienda; si es inquilino, informa a su arrendador.</p>",
            ),
            (
                "Artículo 8 – Normas de la casa",
                "<p>Las partes se comprometen a respetar las siguientes normas de la casa, recogidas en el anexo: {house_rules}. "
                "Cada uno respeta la intimidad del otro; el joven acogido no subarrienda ni presta la habitación.</p>",
            ),
            (
                "Artículo 9 – Periodo de prueba y fin del convenio",
                "<p>Un periodo de prueba de <b>{trial_days} días</b> corre desde la llegada del joven acogido; durante el mismo, cada parte puede poner fin al convenio sin preaviso. "
                "Después, cada parte puede ponerle fin por escrito con un preaviso de <b>{notice_days} días</b>, informando a la asociación. "
                "En caso de incumplimiento grave, el convenio puede resolverse sin preaviso tras la intervención de la asociación.</p>",
            ),
            (
                "Artículo 10 – Acompañamiento",
                "<p>{association} acompaña a la pareja durante toda la vigencia del convenio: se interesa regularmente por ella y cualquiera de las partes puede acudir a ella. "
                "{pension_office} refrenda el presente convenio.</p>",
            ),
            (
                "Artículo 11 – Controversias",
                "<p>En caso de desacuerdo, las partes buscan primero una solución amistosa con la ayuda de la asociación. "
                "En su defecto, la controversia se somete al juzgado competente del lugar de la vivienda.</p>",
            ),
            (
                "Artículo 12 – Firma",
                "<p>Hecho en {made_at}, el {made_on}, en {originals} ejemplares originales, uno para cada parte, "
                "en forma electrónica: cada parte firma este mismo documento y recibe una copia. Convenio n.º {reference}.</p>",
            ),
        ],
    ),
    "it": (
        "Convenzione di coabitazione intergenerazionale solidale",
        [
            (
                "Articolo 1 – Le parti",
                "<p>Tra <b>{host_name}</b>, nato/a il {host_birth_date}, residente in {address}, di seguito «l'ospitante»;</p>"
                "<p>e <b>{guest_name}</b>, nato/a il {guest_birth_date}, domiciliato/a in {guest_address}, di seguito «l'ospitato»;</p>"
                "<p>alla presenza di <b>{association}</b>, associazione che agisce come terzo di fiducia, con sede in {association_address}, "
                "rappresentata da {association_representative}, di seguito «l'associazione»;</p>"
                "<p>e di <b>{pension_office}</b>, ente previdenziale che controfirma la presente convenzione.</p>",
            ),
            (
                "Articolo 2 – Oggetto e natura",
                "<p>La presente convenzione disciplina la coabitazione intergenerazionale solidale dell'ospitante e dell'ospitato. "
                "È un contratto civile: non costituisce un contratto di locazione e non conferisce all'ospitato alcun diritto di permanere nell'alloggio.</p>",
            ),
            (
                "Articolo 3 – L'alloggio",
                "<p>L'ospitante mette a disposizione dell'ospitato, nel proprio domicilio in {address}, {room} di {room_size} m², {furnished}, "
                "per suo uso personale ed esclusivo. L'ospitato ha accesso ai locali condivisi con l'ospitante: {shared_rooms}.</p>",
            ),
            (
                "Articolo 4 – Durata",
                "<p>La convenzione decorre dal {start_date} e termina il {end_date}, senza rinnovo tacito. "
                "Può essere prorogata con un atto aggiuntivo firmato dalle stesse parti.</p>",
            ),
            (
                "Articolo 5 – Contributo alle spese e pagamento",
                "<p>L'ospitato versa all'ospitante un contributo alle spese di <b>{contribution} {currency} al mese</b>, "
                "in anticipo, entro il giorno 5 di ogni mese, tramite bonifico bancario o altro mezzo concordato per iscritto. "
                "L'ospitante rilascia ricevuta su richiesta. Non è richiesto alcun deposito cauzionale. "
                "Il primo e l'ultimo mese sono dovuti in proporzione ai giorni di permanenza.</p>",
            ),
            (
                "Articolo 6 – Presenza e aiuto",
                "<p>L'ospitato garantisce una presenza di {presence} sere a settimana e presta piccoli servizi concordati tra le parti. "
                "Questa presenza non è un lavoro: non crea alcun rapporto di lavoro subordinato né dà diritto a retribuzione, "
                "e non sostituisce l'aiuto di un professionista.</p>",
            ),
            (
                "Articolo 7 – Assicurazione",
                "<p>L'ospitato stipula un'assicurazione di responsabilità civile che copra il soggiorno e ne consegna il certificato all'associazione prima dell'arrivo. "
                "L'ospitante informa dell'accoglienza l'assicuratore della propria abitazione; se è in affitto, ne informa il locatore.</p>",
            ),
            (
                "Articolo 8 – Regole della casa",
                "<p>Le parti si impegnano a rispettare le seguenti regole della casa, riportate in allegato: {house_rules}. "
                "Ciascuno rispetta la vita privata dell'altro; l'ospitato non subaffitta né presta la camera.</p>",
            ),
            (
                "Articolo 9 – Periodo di prova e fine della convenzione",
                "<p>Un periodo di prova di <b>{trial_days} giorni</b> decorre dall'arrivo dell'ospitato; durante tale periodo ciascuna parte può recedere senza preavviso. "
                "Successivamente, ciascuna parte può recedere per iscritto con un preavviso di <b>{notice_days} giorni</b>, informandone l'associazione. "
                "In caso di grave inadempimento, la convenzione può essere risolta senza preavviso dopo l'intervento dell'associazione.</p>",
            ),
            (
                "Articolo 10 – Accompagnamento",
                "<p>{association} accompagna la coppia per tutta la durata della convenzione: si informa regolarmente e ciascuna parte può rivolgersi ad essa. "
                "{pension_office} controfirma la presente convenzione.</p>",
            ),
            (
                "Articolo 11 – Controversie",
                "<p>In caso di disaccordo, le parti cercano anzitutto una soluzione amichevole con l'aiuto dell'associazione. "
                "In mancanza, la controversia è deferita al giudice competente del luogo dell'alloggio.</p>",
            ),
            (
                "Articolo 12 – Firma",
                "<p>Fatto a {made_at}, il {made_on}, in {originals} originali, uno per ciascuna parte, "
                "in forma elettronica: ciascuna parte firma questo stesso documento e ne riceve una copia. Convenzione n. {reference}.</p>",
            ),
        ],
    ),
    "de": (
        "Vereinbarung über generationenübergreifendes solidarisches Wohnen",
        [
            (
                "Artikel 1 – Die Parteien",
                "<p>Zwischen <b>{host_name}</b>, geboren am {host_birth_date}, wohnhaft {address}, nachstehend „Gastgeber“;</p>"
                "<p>und <b>{guest_name}</b>, geboren am {guest_birth_date}, wohnhaft {guest_address}, nachstehend „Gast“;</p>"
                "<p>im Beisein von <b>{association}</b>, dem Verein als Vertrauensdritter, mit Sitz in {association_address}, "
                "vertreten durch {association_representative}, nachstehend „der Verein“;</p>"
                "<p>und von <b>{pension_office}</b>, der Rentenkasse, die diese Vereinbarung gegenzeichnet.</p>",
            ),
            (
                "Artikel 2 – Gegenstand und Rechtsnatur",
                "<p>Diese Vereinbarung regelt das generationenübergreifende solidarische Wohnen von Gastgeber und Gast. "
                "Sie ist ein zivilrechtlicher Vertrag: Sie ist kein Mietvertrag und gibt dem Gast kein Recht, in der Wohnung zu verbleiben.</p>",
            ),
            (
                "Artikel 3 – Die Unterkunft",
                "<p>Der Gastgeber überlässt dem Gast in seiner Wohnung {address} {room} mit {room_size} m², {furnished}, "
                "zu dessen persönlicher und alleiniger Nutzung. Der Gast darf die mit dem Gastgeber geteilten Räume nutzen: {shared_rooms}.</p>",
            ),
            (
                "Artikel 4 – Dauer",
                "<p>Die Vereinbarung gilt ab dem {start_date} und endet am {end_date}; sie verlängert sich nicht stillschweigend. "
                "Sie kann durch einen von denselben Parteien unterzeichneten Nachtrag verlängert werden.</p>",
            ),
            (
                "Artikel 5 – Beitrag zu den Nebenkosten und Zahlung",
                "<p>Der Gast zahlt dem Gastgeber einen Beitrag zu den Nebenkosten von <b>{contribution} {currency} im Monat</b>, "
                "im Voraus, spätestens am 5. jedes Monats, per Überweisung oder auf eine andere schriftlich vereinbarte Weise. "
                "Der Gastgeber stellt auf Wunsch eine Quittung aus. Eine Kaution wird nicht verlangt. "
                "Der erste und der letzte Monat werden anteilig nach Aufenthaltstagen gezahlt.</p>",
            ),
            (
                "Artikel 6 – Anwesenheit und Hilfe",
                "<p>Der Gast ist an {presence} Abenden pro Woche anwesend und leistet kleine, zwischen den Parteien vereinbarte Hilfen. "
                "Diese Anwesenheit ist keine Arbeit: Sie begründet kein Arbeitsverhältnis und keinen Lohnanspruch "
                "und ersetzt nicht die Hilfe einer Fachkraft.</p>",
            ),
            (
                "Artikel 7 – Versicherung",
                "<p>Der Gast schließt eine Haftpflichtversicherung für seinen Aufenthalt ab und legt dem Verein vor seiner Ankunft den Nachweis vor. "
                "Der Gastgeber informiert den Versicherer seiner Wohnung über die Aufnahme; ist er Mieter, informiert er seinen Vermieter.</p>",
            ),
            (
                "Artikel 8 – Hausregeln",
                "<p>Die Parteien verpflichten sich, die folgenden Hausregeln einzuhalten, die im Anhang wiedergegeben sind: {house_rules}. "
                "Jeder achtet die Privatsphäre des anderen; der Gast vermietet das Zimmer weder unter noch überlässt er es anderen.</p>",
            ),
            (
                "Artikel 9 – Probezeit und Ende der Vereinbarung",
                "<p>Eine Probezeit von <b>{trial_days} Tagen</b> beginnt mit der Ankunft des Gastes; während dieser Zeit kann jede Partei die Vereinbarung ohne Frist beenden. "
                "Danach kann jede Partei sie schriftlich mit einer Frist von <b>{notice_days} Tagen</b> kündigen und informiert den Verein. "
                "Bei schwerem Verstoß kann die Vereinbarung nach Einschaltung des Vereins fristlos beendet werden.</p>",
            ),
            (
                "Artikel 10 – Begleitung",
                "<p>{association} begleitet das Tandem während der gesamten Dauer der Vereinbarung: Der Verein meldet sich regelmäßig und jede Partei kann sich an ihn wenden. "
                "{pension_office} zeichnet diese Vereinbarung gegen.</p>",
            ),
            (
                "Artikel 11 – Streitigkeiten",
                "<p>Bei Meinungsverschiedenheiten suchen die Parteien zunächst mit Hilfe des Vereins eine gütliche Lösung. "
                "Gelingt dies nicht, ist das Gericht am Ort der Wohnung zuständig.</p>",
            ),
            (
                "Artikel 12 – Unterzeichnung",
                "<p>Geschehen zu {made_at} am {made_on}, in {originals} Originalen, eines für jede Partei, "
                "in elektronischer Form: Jede Partei unterzeichnet dieses selbe Dokument und erhält eine Ausfertigung. Vereinbarung Nr. {reference}.</p>",
            ),
        ],
    ),
    "pt": (
        "Convenção de coabitação intergeracional solidária",
        [
            (
                "Artigo 1.º – As partes",
                "<p>Entre <b>{host_name}</b>, nascido/a em {host_birth_date}, residente em {address}, doravante «o anfitrião»;</p>"
                "<p>e <b>{guest_name}</b>, nascido/a em {guest_birth_date}, com domicílio em {guest_address}, doravante «o jovem acolhido»;</p>"
                "<p>na presença de <b>{association}</b>, associação que atua como terceiro de confiança, com sede em {association_address}, "
                "representada por {association_representative}, doravante «a associação»;</p>"
                "<p>e de <b>{pension_office}</b>, organismo de pensões que referenda a presente convenção.</p>",
            ),
            (
                "Artigo 2.º – Objeto e natureza",
                "<p>A presente convenção organiza a coabitação intergeracional solidária do anfitrião e do jovem acolhido. "
                "É um contrato civil: não constitui um contrato de arrendamento e não confere ao jovem acolhido qualquer direito de permanência na habitação.</p>",
            ),
            (
                "Artigo 3.º – O alojamento",
                "<p>O anfitrião põe à disposição do jovem acolhido, no seu domicílio situado em {address}, {room} com {room_size} m², {furnished}, "
                "para seu uso pessoal e exclusivo. O jovem acolhido tem acesso às divisões partilhadas com o anfitrião: {shared_rooms}.</p>",
            ),
            (
                "Artigo 4.º – Duração",
                "<p>A convenção produz efeitos em {start_date} e termina em {end_date}, sem renovação tácita. "
                "Pode ser prorrogada por aditamento assinado pelas mesmas partes.</p>",
            ),
            (
                "Artigo 5.º – Contribuição para as despesas e pagamento",
                "<p>O jovem acolhido paga ao anfitrião uma contribuição para as despesas de <b>{contribution} {currency} por mês</b>, "
                "antecipadamente, até ao dia 5 de cada mês, por transferência bancária ou por qualquer outro meio acordado por escrito. "
                "O anfitrião emite recibo a pedido. Não é exigida caução. "
                "O primeiro e o último mês são devidos na proporção dos dias de estadia.</p>",
            ),
            (
                "Artigo 6.º – Presença e ajuda",
                "<p>O jovem acolhido assegura uma presença de {presence} noites por semana e presta pequenos serviços acordados entre as partes. "
                "Esta presença não é um trabalho: não cria qualquer relação laboral nem dá lugar a remuneração, "
                "e não substitui a ajuda de um profissional.</p>",
            ),
            (
                "Artigo 7.º – Seguro",
                "<p>O jovem acolhido subscreve um seguro de responsabilidade civil que cubra a sua estadia e entrega o respetivo certificado à associação antes da chegada. "
                "O anfitrião informa a seguradora da sua habitação do acolhimento; se for arrendatário, informa o senhorio.</p>",
            ),
            (
                "Artigo 8.º – Regras da casa",
                "<p>As partes comprometem-se a respeitar as seguintes regras da casa, reproduzidas em anexo: {house_rules}. "
                "Cada um respeita a privacidade do outro; o jovem acolhido não subarrenda nem empresta o quarto.</p>",
            ),
            (
                "Artigo 9.º – Período experimental e fim da convenção",
                "<p>Um período experimental de <b>{trial_days} dias</b> decorre a partir da chegada do jovem acolhido; durante esse período, qualquer parte pode pôr termo à convenção sem pré-aviso. "
                "Depois disso, qualquer parte pode pôr-lhe termo por escrito com um pré-aviso de <b>{notice_days} dias</b>, informando a associação. "
                "Em caso de incumprimento grave, a convenção pode cessar sem pré-aviso após a intervenção da associação.</p>",
            ),
            (
                "Artigo 10.º – Acompanhamento",
                "<p>{association} acompanha o par durante toda a vigência da convenção: contacta-o regularmente e qualquer das partes pode recorrer a ela. "
                "{pension_office} referenda a presente convenção.</p>",
            ),
            (
                "Artigo 11.º – Litígios",
                "<p>Em caso de desacordo, as partes procuram primeiro uma solução amigável com a ajuda da associação. "
                "Na falta dela, o litígio é submetido ao tribunal competente do lugar da habitação.</p>",
            ),
            (
                "Artigo 12.º – Assinatura",
                "<p>Feito em {made_at}, em {made_on}, em {originals} originais, um para cada parte, "
                "em forma eletrónica: cada parte assina este mesmo documento e recebe uma cópia. Convenção n.º {reference}.</p>",
            ),
        ],
    ),
}

#: The law each country's programme rests on, as its legal mentions say it in each language.
LEGAL = {
    "FR": {
        "fr": "<p>Cohabitation intergénérationnelle solidaire au sens des articles L. 118-1 à L. 118-3 du code de l'action sociale et des familles "
        "(loi n° 2018-1021 du 23 novembre 2018, dite ELAN). La contribution financière est modeste et ne peut excéder le plafond fixé par le programme national. "
        "La convention ne relève pas de la loi n° 89-462 du 6 juillet 1989 relative aux baux d'habitation.</p>",
        "en": "<p>Intergenerational solidarity homesharing within the meaning of articles L. 118-1 to L. 118-3 of the French Social Action and Families Code "
        "(law no. 2018-1021 of 23 November 2018, known as ELAN). The financial contribution is modest and may not exceed the cap set by the national programme. "
        "This agreement does not fall under French law no. 89-462 of 6 July 1989 on residential tenancies.</p>",
        "es": "<p>Convivencia intergeneracional solidaria en el sentido de los artículos L. 118-1 a L. 118-3 del Código francés de la acción social y de las familias "
        "(ley n.º 2018-1021 de 23 de noviembre de 2018, llamada ELAN). La contribución económica es modesta y no puede superar el límite fijado por el programa nacional. "
        "El convenio no está sujeto a la ley francesa n.º 89-462 de 6 de julio de 1989 sobre arrendamientos de vivienda.</p>",
        "it": "<p>Coabitazione intergenerazionale solidale ai sensi degli articoli da L. 118-1 a L. 118-3 del Codice francese dell'azione sociale e delle famiglie "
        "(legge n. 2018-1021 del 23 novembre 2018, detta ELAN). Il contributo economico è modesto e non può superare il limite fissato dal programma nazionale. "
        "La convenzione non rientra nella legge francese n. 89-462 del 6 luglio 1989 sulle locazioni abitative.</p>",
        "de": "<p>Generationenübergreifendes solidarisches Wohnen im Sinne der Artikel L. 118-1 bis L. 118-3 des französischen Gesetzbuchs über soziale Maßnahmen und Familien "
        "(Gesetz Nr. 2018-1021 vom 23. November 2018, „ELAN“). Der finanzielle Beitrag ist bescheiden und darf die vom nationalen Programm festgelegte Obergrenze nicht überschreiten. "
        "Die Vereinbarung unterliegt nicht dem französischen Gesetz Nr. 89-462 vom 6. Juli 1989 über Wohnraummietverträge.</p>",
        "pt": "<p>Coabitação intergeracional solidária na aceção dos artigos L. 118-1 a L. 118-3 do Código francês da ação social e das famílias "
        "(lei n.º 2018-1021 de 23 de novembro de 2018, dita ELAN). A contribuição financeira é modesta e não pode exceder o limite fixado pelo programa nacional. "
        "A convenção não está sujeita à lei francesa n.º 89-462 de 6 de julho de 1989 relativa ao arrendamento habitacional.</p>",
    },
    "ES": {
        "fr": "<p>Contrat atypique conclu en vertu de l'autonomie de la volonté (article 1255 du Code civil espagnol). "
        "Il ne relève pas de la loi 29/1994 du 24 novembre sur les baux urbains. La contribution est modeste et plafonnée par le programme national.</p>",
        "en": "<p>An atypical contract made under freedom of contract (article 1255 of the Spanish Civil Code). "
        "It does not fall under Spanish Law 29/1994 of 24 November on urban leases. The contribution is modest and capped by the national programme.</p>",
        "es": "<p>Contrato atípico celebrado al amparo de la autonomía de la voluntad (artículo 1255 del Código Civil). "
        "No está sujeto a la Ley 29/1994, de 24 de noviembre, de Arrendamientos Urbanos. La contribución es modesta y está limitada por el programa nacional.</p>",
        "it": "<p>Contratto atipico concluso in base all'autonomia contrattuale (articolo 1255 del Codice civile spagnolo). "
        "Non rientra nella legge spagnola 29/1994 del 24 novembre sulle locazioni urbane. Il contributo è modesto e limitato dal programma nazionale.</p>",
        "de": "<p>Ein atypischer Vertrag im Rahmen der Vertragsfreiheit (Artikel 1255 des spanischen Zivilgesetzbuchs). "
        "Er unterliegt nicht dem spanischen Gesetz 29/1994 vom 24. November über städtische Mietverhältnisse. Der Beitrag ist bescheiden und vom nationalen Programm begrenzt.</p>",
        "pt": "<p>Contrato atípico celebrado ao abrigo da liberdade contratual (artigo 1255.º do Código Civil espanhol). "
        "Não está sujeito à Lei espanhola 29/1994, de 24 de novembro, sobre arrendamentos urbanos. A contribuição é modesta e limitada pelo programa nacional.</p>",
    },
}
#: The platform's six languages, for every demo country.
LANGUAGES = {code: ["fr", "en", "es", "it", "de", "pt"] for code in LEGAL}


def demo_template(country, language: str, *, law: str) -> ConventionTemplate:
    """A saved demo template for ``country`` in ``language``, with the legal mentions of ``law``
    (a key of :data:`LEGAL`: the programme whose law the country follows)."""
    title, articles = ARTICLES[language]
    template = ConventionTemplate(country=country, language=language, title=title, legal_mentions=LEGAL[law][language])
    template.articles = StreamValue(
        template.articles.stream_block,
        [("article", {"heading": heading, "body": body}) for heading, body in articles],
        is_lazy=False,
    )
    template.full_clean()
    template.save()
    return template


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
            demo_template(country, language, law=code)
            created += 1
    return created
