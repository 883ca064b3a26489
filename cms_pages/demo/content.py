"""Demo texts of the public site, per locale. Pure data: cms_pages.management.commands.load_demo builds the pages."""

# Illustrations: key -> (filename in cms_pages/demo/images/, {locale: alternative text}).
# Locales of the public site: fr, en, es, it, de, pt.
IMAGES = {
    "hero": (
        "hero.jpg",
        {
            "fr": (
                "Une maison au crépuscule aux fenêtres éclairées ; devant "
                "la porte, une femme âgée et un jeune homme sourient."
            ),
            "en": "A house at dusk with lit windows; in front of the door, an older woman and a young man are smiling.",
            "es": (
                "Una casa al atardecer con las ventanas iluminadas; "
                "delante de la puerta sonríen una mujer mayor y un joven."
            ),
            "it": (
                "Una casa al tramonto con le finestre illuminate; davanti "
                "alla porta sorridono una signora anziana e un ragazzo."
            ),
            "de": (
                "Ein Haus in der Abenddämmerung mit erleuchteten Fenstern; "
                "vor der Tür lächeln eine ältere Frau und ein junger Mann."
            ),
            "pt": "Uma casa ao anoitecer com as janelas iluminadas; à porta sorriem uma senhora idosa e um rapaz.",
        },
    ),
    "host": (
        "host.jpg",
        {
            "fr": (
                "Un homme âgé dans son salon, près d'un fauteuil, d'une "
                "lampe et d'une fenêtre ; un chat est couché sur le tapis."
            ),
            "en": (
                "An older man in his living room, next to an armchair, a lamp and a window; a cat is lying on the rug."
            ),
            "es": (
                "Un hombre mayor en su salón, junto a un sillón, una "
                "lámpara y una ventana; un gato descansa en la alfombra."
            ),
            "it": (
                "Un uomo anziano nel suo soggiorno, accanto a una poltrona, a "
                "una lampada e a una finestra; un gatto è sdraiato sul tappeto."
            ),
            "de": (
                "Ein älterer Mann in seinem Wohnzimmer neben Sessel, "
                "Stehlampe und Fenster; auf dem Teppich liegt eine Katze."
            ),
            "pt": (
                "Um homem idoso na sua sala, junto a um cadeirão, um "
                "candeeiro e uma janela; um gato está deitado no tapete."
            ),
        },
    ),
    "guest": (
        "guest.jpg",
        {
            "fr": (
                "Un bureau près d'une fenêtre, avec une pile de livres, "
                "un carnet ouvert, une tasse fumante et une lampe."
            ),
            "en": "A desk by a window with a pile of books, an open notebook, a steaming cup and a lamp.",
            "es": (
                "Un escritorio junto a una ventana con una pila de libros, "
                "un cuaderno abierto, una taza humeante y una lámpara."
            ),
            "it": (
                "Una scrivania vicino a una finestra con una pila di libri, "
                "un quaderno aperto, una tazza fumante e una lampada."
            ),
            "de": (
                "Ein Schreibtisch am Fenster mit einem Bücherstapel, einem "
                "aufgeschlagenen Heft, einer dampfenden Tasse und einer Lampe."
            ),
            "pt": (
                "Uma secretária junto a uma janela, com uma pilha de livros, "
                "um caderno aberto, uma chávena fumegante e um candeeiro."
            ),
        },
    ),
    "meeting": (
        "meeting.jpg",
        {
            "fr": (
                "Trois personnes souriantes autour d'une table avec une théière "
                "et des tasses : une femme âgée, une jeune femme et un homme."
            ),
            "en": (
                "Three smiling people around a table with a teapot and cups: an older woman, a young woman and a man."
            ),
            "es": (
                "Tres personas sonrientes alrededor de una mesa con una "
                "tetera y tazas: una mujer mayor, una joven y un hombre."
            ),
            "it": (
                "Tre persone sorridenti intorno a un tavolo con una teiera "
                "e delle tazze: una signora anziana, una ragazza e un uomo."
            ),
            "de": (
                "Drei lächelnde Menschen an einem Tisch mit Teekanne und "
                "Tassen: eine ältere Frau, eine junge Frau und ein Mann."
            ),
            "pt": (
                "Três pessoas sorridentes à volta de uma mesa com um bule "
                "e chávenas: uma senhora idosa, uma jovem e um homem."
            ),
        },
    ),
    "kitchen": (
        "kitchen.jpg",
        {
            "fr": "Une cuisine lumineuse avec une table dressée pour deux, une coupe de fruits et une théière.",
            "en": "A bright kitchen with a table set for two, a bowl of fruit and a teapot.",
            "es": "Una cocina luminosa con una mesa puesta para dos, un frutero y una tetera.",
            "it": "Una cucina luminosa con una tavola apparecchiata per due, una fruttiera e una teiera.",
            "de": "Eine helle Küche mit einem für zwei Personen gedeckten Tisch, einer Obstschale und einer Teekanne.",
            "pt": "Uma cozinha luminosa com uma mesa posta para dois, uma fruteira e um bule.",
        },
    ),
    "news1": (
        "news1.jpg",
        {
            "fr": (
                "Des façades en pierre aux toits d'ardoise le long d'un "
                "fleuve, avec un pont à arches, au coucher du soleil."
            ),
            "en": "Stone facades with slate roofs along a river, with an arched bridge, at sunset.",
            "es": (
                "Fachadas de piedra con tejados de pizarra a orillas de un río, con un puente de arcos, al atardecer."
            ),
            "it": "Facciate in pietra con tetti di ardesia lungo un fiume, con un ponte ad arcate, al tramonto.",
            "de": "Steinfassaden mit Schieferdächern an einem Fluss, davor eine Bogenbrücke, bei Sonnenuntergang.",
            "pt": "Fachadas de pedra com telhados de ardósia junto a um rio, com uma ponte de arcos, ao pôr do sol.",
        },
    ),
    "news2": (
        "news2.jpg",
        {
            "fr": "Une clé posée sur une convention signée, à côté d'un stylo.",
            "en": "A key resting on a signed agreement, next to a pen.",
            "es": "Una llave sobre un convenio firmado, junto a un bolígrafo.",
            "it": "Una chiave appoggiata su un accordo firmato, accanto a una penna.",
            "de": "Ein Schlüssel auf einer unterschriebenen Vereinbarung, daneben ein Stift.",
            "pt": "Uma chave pousada sobre um acordo assinado, ao lado de uma caneta.",
        },
    ),
    "news3": (
        "news3.jpg",
        {
            "fr": (
                "Un banc dans un parc en automne, sous un arbre aux feuilles dorées, avec deux tasses et une écharpe."
            ),
            "en": "A park bench in autumn under a tree with golden leaves, with two cups and a scarf on it.",
            "es": "Un banco en un parque en otoño, bajo un árbol de hojas doradas, con dos tazas y una bufanda.",
            "it": (
                "Una panchina in un parco d'autunno, sotto un albero dalle foglie dorate, con due tazze e una sciarpa."
            ),
            "de": "Eine Parkbank im Herbst unter einem Baum mit goldenem Laub, darauf zwei Becher und ein Schal.",
            "pt": (
                "Um banco de jardim no outono, debaixo de uma árvore "
                "de folhas douradas, com duas chávenas e um cachecol."
            ),
        },
    ),
}

# Home page, one entry per locale. Rich-text fields hold simple HTML (<p>, <strong>, <em>, lists).
HOME = {
    "fr": {
        "title": "Accueil",
        "seo_title": "WeShare — La cohabitation intergénérationnelle en Europe",
        "search_description": (
            "Une chambre libre chez vous ? Un logement à petit prix pour vos études ? WeShare réunit seniors et jeunes "
            "sous un même toit, avec une association de confiance."
        ),
        "hero_title": "Un toit, deux générations",
        "hero_intro": (
            "Vous avez une chambre libre et aimeriez un peu de compagnie ? Vous êtes jeune et cherchez où vous loger ? "
            "Une association de confiance vous met en relation et reste à vos côtés tout au long de la cohabitation."
        ),
        "hero_image": "hero",
        "hosts_title": "Vous avez une chambre libre",
        "hosts_text": (
            "<p>Accueillir un jeune chez soi, c'est une présence rassurante le soir, quelqu'un avec qui partager un "
            "repas ou une conversation, et parfois un coup de main pour les courses ou le téléphone.</p>"
            "<p>Vous restez <strong>maître chez vous</strong> : c'est vous qui fixez les "
            "règles de la maison, avec l'aide de l'association. Une petite participation "
            "aux charges peut être prévue, dans la limite fixée dans chaque pays.</p>"
        ),
        "guests_title": "Vous cherchez un logement",
        "guests_text": (
            "<p>Étudiant, apprenti, jeune salarié ou volontaire : une chambre chez une personne âgée vous permet de "
            "vous loger à petit prix, près de votre lieu d'études ou de travail.</p>"
            "<p>En échange, vous offrez un peu de <strong>présence et de bonne humeur</strong>. Pas de bail : une "
            "convention simple, signée avec l'association à vos côtés.</p>"
        ),
        "figures": [
            ("1 240", "binômes formés depuis 2019"),
            ("38", "villes en France et en Espagne"),
            ("95 €", "de participation mensuelle moyenne aux charges"),
            ("93 %", "des cohabitations vont jusqu'au terme prévu"),
        ],
        "testimonials": [
            {
                "quote": (
                    "Depuis que Léa est là, la maison a retrouvé des bruits de vie. Nous dînons ensemble le mardi et "
                    "le jeudi, et elle m'a appris à appeler mes petits-enfants en vidéo."
                ),
                "name": "Monique, 78 ans",
                "role": "hôte à Bordeaux",
            },
            {
                "quote": (
                    "Je n'aurais jamais pu payer seul une chambre dans le centre. Chez Carmen, j'ai trouvé bien plus "
                    "qu'un logement : nous faisons les mots croisés ensemble tous les dimanches."
                ),
                "name": "Pablo, 23 ans",
                "role": "étudiant accueilli à Madrid",
            },
        ],
        "countries_title": "Le programme près de chez vous",
        "coming_soon": (
            "Le programme n'est pas encore ouvert dans ce pays : "
            "découvrez ceux qui fonctionnent déjà en France et en Espagne."
        ),
    },
    "en": {
        "title": "Home",
        "seo_title": "WeShare — Intergenerational homesharing in Europe",
        "search_description": (
            "Have a spare room? Looking for an affordable place to live while you "
            "study? WeShare brings older and younger people together under one roof."
        ),
        "hero_title": "One roof, two generations",
        "hero_intro": (
            "Do you have a spare room and would enjoy some company? Are you young and looking for somewhere to live? A "
            "trusted local association puts you in touch and stays by your side for as long as you live together."
        ),
        "hero_image": "hero",
        "hosts_title": "You have a spare room",
        "hosts_text": (
            "<p>Welcoming a young person into your home means a reassuring presence in the evening, someone to share a "
            "meal or a chat with, and now and then a hand with the shopping or the phone.</p>"
            "<p>You remain <strong>in charge of your home</strong>: you set the "
            "house rules, with help from the association. A small contribution to "
            "household costs can be agreed, within the limit set in each country.</p>"
        ),
        "guests_title": "You are looking for a room",
        "guests_text": (
            "<p>Student, apprentice, young worker or volunteer: a room in an older "
            "person's home lets you live cheaply, close to where you study or work.</p>"
            "<p>In return, you offer a little <strong>company and good cheer</strong>. No "
            "tenancy: a simple agreement, signed with the association by your side.</p>"
        ),
        "figures": [
            ("1,240", "pairings since 2019"),
            ("38", "towns and cities in France and Spain"),
            ("€95", "average monthly contribution to household costs"),
            ("93%", "of homeshares last until the agreed end date"),
        ],
        "testimonials": [
            {
                "quote": (
                    "Since Léa moved in, the house has come back to life. We have dinner together on Tuesdays and "
                    "Thursdays, and she taught me how to video-call my grandchildren."
                ),
                "name": "Monique, 78",
                "role": "host in Bordeaux",
            },
            {
                "quote": (
                    "I could never have afforded a room in the city centre on my own. With Carmen I found much more "
                    "than a place to stay: we do the crossword together every Sunday."
                ),
                "name": "Pablo, 23",
                "role": "student living with a host in Madrid",
            },
        ],
        "countries_title": "The programme near you",
        "coming_soon": (
            "The programme is not open in this country yet: find out "
            "about the programmes already running in France and Spain."
        ),
    },
    "es": {
        "title": "Inicio",
        "seo_title": "WeShare — Convivencia intergeneracional en Europa",
        "search_description": (
            "¿Tiene una habitación libre? ¿Busca alojamiento asequible para "
            "estudiar? WeShare une a personas mayores y jóvenes bajo un mismo techo."
        ),
        "hero_title": "Un techo, dos generaciones",
        "hero_intro": (
            "¿Tiene una habitación libre y le apetece algo de compañía? ¿Es joven y busca dónde vivir? Una asociación "
            "de confianza les pone en contacto y les acompaña durante toda la convivencia."
        ),
        "hero_image": "hero",
        "hosts_title": "Tiene una habitación libre",
        "hosts_text": (
            "<p>Acoger a una persona joven en casa es contar con una presencia tranquilizadora por la noche, alguien "
            "con quien compartir una comida o una charla y, a veces, una mano con la compra o con el móvil.</p>"
            "<p>Usted sigue siendo <strong>quien decide en su casa</strong>: las normas "
            "las fija usted, con la ayuda de la asociación. Puede acordarse una pequeña "
            "aportación a los gastos, dentro del límite establecido en cada país.</p>"
        ),
        "guests_title": "Busca alojamiento",
        "guests_text": (
            "<p>Estudiantes, aprendices, jóvenes trabajadores o voluntarios: una habitación en casa de una persona "
            "mayor le permite vivir con pocos gastos, cerca de su centro de estudios o de trabajo.</p>"
            "<p>A cambio, ofrece un poco de <strong>compañía y buen humor</strong>. Sin contrato de alquiler: un "
            "convenio sencillo, firmado con la asociación a su lado.</p>"
        ),
        "figures": [
            ("1.240", "convivencias desde 2019"),
            ("38", "ciudades en Francia y España"),
            ("95 €", "de aportación media mensual a los gastos"),
            ("93 %", "de las convivencias llegan a la fecha prevista"),
        ],
        "testimonials": [
            {
                "quote": (
                    "Desde que llegó Léa, la casa ha recuperado la vida. Cenamos juntas los martes y los jueves, y me "
                    "ha enseñado a hacer videollamadas con mis nietos."
                ),
                "name": "Monique, 78 años",
                "role": "anfitriona en Burdeos",
            },
            {
                "quote": (
                    "Nunca habría podido pagar yo solo una habitación en el centro. Con Carmen he encontrado mucho más "
                    "que un alojamiento: hacemos juntos el crucigrama todos los domingos."
                ),
                "name": "Pablo, 23 años",
                "role": "estudiante acogido en Madrid",
            },
        ],
        "countries_title": "El programa cerca de usted",
        "coming_soon": (
            "El programa todavía no está disponible en este país: descubra los que ya funcionan en Francia y en España."
        ),
    },
    "it": {
        "title": "Home",
        "seo_title": "WeShare — Coabitazione tra generazioni in Europa",
        "search_description": (
            "Ha una stanza libera? Cerca un alloggio economico per studiare? WeShare riunisce anziani e giovani sotto "
            "lo stesso tetto, con un'associazione di fiducia."
        ),
        "hero_title": "Un tetto, due generazioni",
        "hero_intro": (
            "Ha una stanza libera e Le farebbe piacere un po' di compagnia? È giovane e cerca un posto dove vivere? "
            "Un'associazione di fiducia vi mette in contatto e vi accompagna per tutta la durata della coabitazione."
        ),
        "hero_image": "hero",
        "hosts_title": "Ha una stanza libera",
        "hosts_text": (
            "<p>Accogliere un giovane in casa significa avere una presenza rassicurante la sera, qualcuno con cui "
            "condividere un pasto o due chiacchiere e, a volte, una mano con la spesa o con il telefono.</p>"
            "<p>Le regole di casa <strong>le decide Lei</strong>, con l'aiuto dell'associazione. Si può concordare un "
            "piccolo contributo alle spese, entro il limite previsto in ciascun paese.</p>"
        ),
        "guests_title": "Cerca un alloggio",
        "guests_text": (
            "<p>Studenti, apprendisti, giovani lavoratori o volontari: una stanza a casa di una persona anziana "
            "permette di vivere spendendo poco, vicino al luogo di studio o di lavoro.</p>"
            "<p>In cambio si offre un po' di <strong>compagnia e di buonumore</strong>. Nessun contratto d'affitto: un "
            "accordo semplice, firmato con l'associazione al proprio fianco.</p>"
        ),
        "figures": [
            ("1.240", "coabitazioni avviate dal 2019"),
            ("38", "città in Francia e in Spagna"),
            ("95 €", "di contributo medio mensile alle spese"),
            ("93%", "delle coabitazioni arriva alla scadenza prevista"),
        ],
        "testimonials": [
            {
                "quote": (
                    "Da quando c'è Léa, la casa è tornata a vivere. Ceniamo insieme il martedì e il giovedì, e mi ha "
                    "insegnato a fare le videochiamate con i nipoti."
                ),
                "name": "Monique, 78 anni",
                "role": "ospitante a Bordeaux",
            },
            {
                "quote": (
                    "Non avrei mai potuto pagarmi da solo una stanza in centro. Da Carmen ho trovato molto più di un "
                    "alloggio: ogni domenica facciamo insieme le parole crociate."
                ),
                "name": "Pablo, 23 anni",
                "role": "studente ospitato a Madrid",
            },
        ],
        "countries_title": "Il programma vicino a Lei",
        "coming_soon": (
            "Il programma non è ancora attivo in questo paese: scopra quelli già avviati in Francia e in Spagna."
        ),
    },
    "de": {
        "title": "Startseite",
        "seo_title": "WeShare — Generationenübergreifendes Wohnen in Europa",
        "search_description": (
            "Haben Sie ein freies Zimmer? Suchen Sie eine günstige Unterkunft "
            "fürs Studium? WeShare bringt Ältere und Jüngere unter ein Dach."
        ),
        "hero_title": "Ein Dach, zwei Generationen",
        "hero_intro": (
            "Sie haben ein freies Zimmer und hätten gern etwas Gesellschaft? Sie sind "
            "jung und suchen eine Bleibe? Ein vertrauenswürdiger Verein vor Ort bringt "
            "Sie zusammen und begleitet Sie während des gesamten Zusammenlebens."
        ),
        "hero_image": "hero",
        "hosts_title": "Sie haben ein freies Zimmer",
        "hosts_text": (
            "<p>Einen jungen Menschen bei sich aufzunehmen heißt: abends nicht allein "
            "im Haus zu sein, jemanden für ein gemeinsames Essen oder ein Gespräch zu "
            "haben und manchmal Hilfe beim Einkaufen oder mit dem Telefon.</p>"
            "<p>Die Hausregeln bestimmen <strong>Sie selbst</strong> – mit Unterstützung des Vereins. Ein kleiner "
            "Beitrag zu den Nebenkosten kann vereinbart werden, im Rahmen der Obergrenze, die in jedem Land gilt.</p>"
        ),
        "guests_title": "Sie suchen ein Zimmer",
        "guests_text": (
            "<p>Studierende, Auszubildende, junge Berufstätige oder Freiwillige: Ein Zimmer bei einem älteren Menschen "
            "ermöglicht günstiges Wohnen in der Nähe von Hochschule oder Arbeitsplatz.</p>"
            "<p>Im Gegenzug schenken Sie etwas <strong>Zeit und gute Laune</strong>. Kein Mietvertrag, sondern eine "
            "einfache Vereinbarung, die Sie gemeinsam mit dem Verein unterzeichnen.</p>"
        ),
        "figures": [
            ("1.240", "Wohnpartnerschaften seit 2019"),
            ("38", "Städte in Frankreich und Spanien"),
            ("95 €", "durchschnittlicher Monatsbeitrag zu den Nebenkosten"),
            ("93 %", "der Wohnpartnerschaften dauern bis zum vereinbarten Ende"),
        ],
        "testimonials": [
            {
                "quote": (
                    "Seit Léa da ist, ist wieder Leben im Haus. Dienstags und donnerstags essen wir zusammen zu Abend, "
                    "und sie hat mir gezeigt, wie ich meine Enkel per Video anrufe."
                ),
                "name": "Monique, 78 Jahre",
                "role": "Gastgeberin in Bordeaux",
            },
            {
                "quote": (
                    "Allein hätte ich mir nie ein Zimmer im Zentrum leisten können. Bei Carmen habe ich viel mehr als "
                    "eine Unterkunft gefunden: Jeden Sonntag lösen wir zusammen das Kreuzworträtsel."
                ),
                "name": "Pablo, 23 Jahre",
                "role": "Student, wohnt bei einer Gastgeberin in Madrid",
            },
        ],
        "countries_title": "Das Programm in Ihrer Nähe",
        "coming_soon": (
            "In diesem Land ist das Programm noch nicht gestartet: Informieren Sie "
            "sich über die Angebote, die es in Frankreich und Spanien bereits gibt."
        ),
    },
    "pt": {
        "title": "Início",
        "seo_title": "WeShare — Coabitação entre gerações na Europa",
        "search_description": (
            "Tem um quarto livre? Procura alojamento acessível para estudar? "
            "O WeShare junta pessoas mais velhas e jovens sob o mesmo teto."
        ),
        "hero_title": "Um teto, duas gerações",
        "hero_intro": (
            "Tem um quarto livre e gostava de ter companhia? É jovem e procura onde viver? Uma associação de confiança "
            "põe-vos em contacto e acompanha-vos durante toda a coabitação."
        ),
        "hero_image": "hero",
        "hosts_title": "Tem um quarto livre",
        "hosts_text": (
            "<p>Acolher um jovem em casa é ter uma presença tranquilizadora à noite, alguém com quem partilhar uma "
            "refeição ou dois dedos de conversa e, por vezes, uma ajuda com as compras ou com o telemóvel.</p>"
            "<p>As regras da casa continuam a ser <strong>definidas por si</strong>, com o apoio da associação. Pode "
            "ser combinada uma pequena contribuição para as despesas, dentro do limite fixado em cada país.</p>"
        ),
        "guests_title": "Procura alojamento",
        "guests_text": (
            "<p>Estudantes, aprendizes, jovens trabalhadores ou voluntários: um quarto em casa de uma pessoa mais "
            "velha permite viver com poucos gastos, perto do local de estudo ou de trabalho.</p>"
            "<p>Em troca, oferece um pouco de <strong>companhia e boa disposição</strong>. Sem contrato de "
            "arrendamento: um acordo simples, assinado com a associação a seu lado.</p>"
        ),
        "figures": [
            ("1 240", "coabitações desde 2019"),
            ("38", "cidades em França e Espanha"),
            ("95 €", "de contribuição média mensal para as despesas"),
            ("93 %", "das coabitações chegam ao fim previsto"),
        ],
        "testimonials": [
            {
                "quote": (
                    "Desde que a Léa chegou, a casa voltou a ter vida. Jantamos juntas às terças e quintas, e ela "
                    "ensinou-me a fazer videochamadas com os meus netos."
                ),
                "name": "Monique, 78 anos",
                "role": "anfitriã em Bordéus",
            },
            {
                "quote": (
                    "Nunca teria conseguido pagar sozinho um quarto no centro. Em casa da Carmen encontrei muito mais "
                    "do que alojamento: fazemos palavras cruzadas juntos todos os domingos."
                ),
                "name": "Pablo, 23 anos",
                "role": "estudante acolhido em Madrid",
            },
        ],
        "countries_title": "O programa perto de si",
        "coming_soon": (
            "O programa ainda não está disponível neste país: conheça os que já funcionam em França e em Espanha."
        ),
    },
}

# National programmes: country code -> locale -> texts of the country page and its sub-pages.
# France is published in French and English, Spain in Spanish and English.
SECTIONS = {
    "FR": {
        "fr": {
            "title": "France",
            "slug": "france",
            "intro": (
                "En France, le programme est né à Bordeaux en 2019, avec l'Assurance retraite et la CARSAT Aquitaine. "
                "Une association locale accompagne chaque binôme, de la première rencontre à la fin de la cohabitation."
            ),
            "body": (
                "<p>Le principe est simple : une personne de <strong>60 ans ou plus</strong> qui dispose d'une chambre "
                "libre accueille chez elle un jeune de <strong>moins de 30 ans</strong> qui cherche à se loger pendant "
                "ses études, son apprentissage ou ses premiers pas dans la vie active.</p>"
                "<p>Chacun y gagne. L'hôte profite d'une présence rassurante et de moments partagés ; le jeune trouve "
                "un logement abordable et calme, souvent près de son lieu d'études. La cohabitation repose sur une "
                "convention signée par les deux personnes, avec l'association à leurs côtés.</p>"
                "<p>Le programme fonctionne aujourd'hui en Gironde et s'ouvre peu à "
                "peu à d'autres départements de Nouvelle-Aquitaine. Pour savoir s'il "
                "existe près de chez vous, appelez-nous : nous vous orienterons.</p>"
            ),
            "about": {
                "title": "Le programme en France",
                "slug": "le-programme",
                "intro": (
                    "Une cohabitation choisie, encadrée par la loi et accompagnée par une association de confiance."
                ),
                "body": (
                    "<p>Le programme part d'un constat simple : beaucoup de personnes âgées "
                    "vivent seules dans un logement devenu trop grand, et beaucoup de jeunes "
                    "peinent à trouver une chambre à un prix raisonnable. En les réunissant, "
                    "on rompt l'isolement des uns et on facilite les études des autres.</p>"
                    "<h2>Un cadre prévu par la loi</h2>"
                    "<p>Depuis la loi ELAN du 23 novembre 2018, la cohabitation intergénérationnelle solidaire est "
                    "reconnue par le Code de la construction et de l'habitation (articles L.631-17 à L.631-19). La "
                    "convention d'hébergement intergénérationnel solidaire n'est <strong>pas un bail</strong> : c'est "
                    "un contrat civil qui fixe la durée de la cohabitation, les règles de vie commune et, le cas "
                    "échéant, une participation modeste aux charges.</p>"
                    "<h2>Le rôle de l'association</h2>"
                    "<p>L'association est le tiers de confiance du binôme. Elle rencontre chaque hôte chez lui et "
                    "chaque jeune en entretien, propose les rapprochements, assiste à la première rencontre et à la "
                    "signature de la convention, puis prend régulièrement des nouvelles. En cas de difficulté, elle "
                    "écoute chacun et aide à trouver une solution.</p>"
                    "<h2>Avec le soutien de l'Assurance retraite</h2>"
                    "<p>La CARSAT Aquitaine soutient le programme dans le cadre de ses actions pour bien vieillir chez "
                    "soi. Ses conseillers peuvent vous en parler lors d'un rendez-vous retraite, et elle finance une "
                    "partie de l'accompagnement assuré par l'association.</p>"
                ),
                "image": "kitchen",
                "cta": {
                    "title": "Vous souhaitez en savoir plus ?",
                    "text": (
                        "Un conseiller de l'association répond à vos questions par téléphone, du lundi au vendredi de "
                        "9 h à 17 h, ou vient vous rencontrer chez vous."
                    ),
                    "button": "Nous contacter",
                },
            },
            "hosts": {
                "title": "Accueillir un jeune",
                "slug": "accueillir",
                "intro": (
                    "Vous avez 60 ans ou plus et une chambre libre ? Voici "
                    "comment se passe l'accueil d'un jeune, étape par étape."
                ),
                "steps": [
                    (
                        "Prendre contact",
                        (
                            "Appelez-nous ou remplissez le formulaire de contact. Un conseiller vous rappelle dans la "
                            "semaine pour répondre à vos questions, sans engagement."
                        ),
                    ),
                    (
                        "Recevoir la visite de l'association",
                        (
                            "Un conseiller vient chez vous pour faire connaissance, voir la "
                            "chambre proposée et parler de vos habitudes et de vos attentes."
                        ),
                    ),
                    (
                        "Préparer votre dossier",
                        (
                            "Nous remplissons ensemble votre dossier : la chambre, vos souhaits (horaires, animaux, "
                            "repas partagés) et la participation aux charges que vous envisagez."
                        ),
                    ),
                    (
                        "Rencontrer un jeune",
                        (
                            "L'association vous présente un jeune dont le profil vous correspond. La rencontre a lieu "
                            "chez vous, en présence du conseiller. Chacun reste libre de dire non."
                        ),
                    ),
                    (
                        "Signer la convention",
                        (
                            "Si la rencontre vous convient, vous signez la convention d'hébergement. Elle précise la "
                            "durée, les règles de vie et la participation aux charges."
                        ),
                    ),
                    (
                        "Être accompagné",
                        (
                            "Le conseiller prend de vos nouvelles après un mois, puis régulièrement. Il reste "
                            "joignable à tout moment en cas de question ou de difficulté."
                        ),
                    ),
                ],
                "body": (
                    "<p>Pour accueillir, il faut avoir <strong>60 ans ou plus</strong> et pouvoir "
                    "proposer une chambre meublée, propre et chauffée, avec un accès à la salle de "
                    "bains et à la cuisine. Vous pouvez être propriétaire ou locataire ; si vous "
                    "êtes locataire, il vous suffit d'en informer votre propriétaire à l'avance.</p>"
                    "<p>Vous choisissez avec l'association la formule qui vous convient : une "
                    "présence le soir et quelques repas partagés, ou une cohabitation plus "
                    "indépendante avec une participation aux charges. Dans tous les cas, "
                    "cette participation ne dépasse pas <strong>150 € par mois</strong>.</p>"
                    "<p>Le jeune n'est ni une aide à domicile ni un soignant. Il peut rendre de menus services — "
                    "porter les courses, vous aider avec le téléphone, sortir le chien — mais il n'a aucune obligation "
                    "de soins et il n'existe pas de relation de travail entre vous.</p>"
                ),
                "image": "host",
            },
            "guests": {
                "title": "Être accueilli",
                "slug": "etre-accueilli",
                "intro": (
                    "Vous avez moins de 30 ans et cherchez une chambre pour vos études, "
                    "votre apprentissage ou votre premier emploi ? Voici comment faire."
                ),
                "steps": [
                    (
                        "Déposer votre demande",
                        (
                            "Remplissez le formulaire de contact en indiquant votre situation, votre lieu d'études ou "
                            "de travail et la date à laquelle vous cherchez un logement."
                        ),
                    ),
                    (
                        "Passer un entretien",
                        (
                            "Un conseiller vous reçoit pour faire connaissance. Apportez une pièce "
                            "d'identité, un justificatif de votre situation (carte d'étudiant, "
                            "contrat d'apprentissage…) et un extrait de casier judiciaire."
                        ),
                    ),
                    (
                        "Recevoir une proposition",
                        (
                            "Dès qu'un hôte correspond à vos besoins, l'association vous "
                            "présente la chambre, le quartier et les habitudes de la maison."
                        ),
                    ),
                    (
                        "Rencontrer votre hôte",
                        (
                            "La rencontre a lieu chez l'hôte, en présence du conseiller. Prenez le temps de poser "
                            "toutes vos questions : vous restez libre de refuser."
                        ),
                    ),
                    (
                        "Signer et emménager",
                        (
                            "Vous signez la convention avec votre hôte et l'association. Elle précise la durée, les "
                            "règles de vie et votre participation aux charges."
                        ),
                    ),
                    (
                        "Être accompagné",
                        (
                            "Le conseiller prend de vos nouvelles tout au long de l'année. "
                            "Vous pouvez l'appeler à tout moment si quelque chose vous pèse."
                        ),
                    ),
                ],
                "body": (
                    "<p>Le programme s'adresse aux jeunes de <strong>moins de 30 ans</strong> : "
                    "étudiants, apprentis, stagiaires, jeunes salariés ou volontaires en service "
                    "civique. Il n'y a pas de condition de nationalité ni de revenus.</p>"
                    "<p>Vous ne payez pas de loyer. Selon la formule choisie, vous versez une participation aux "
                    "charges comprise entre <strong>0 et 150 € par mois</strong> (eau, électricité, chauffage, "
                    "internet). En échange, vous vous engagez à être présent certains soirs convenus à l'avance et à "
                    "respecter la tranquillité de la maison.</p>"
                    "<p>Une adhésion annuelle à l'association peut vous être demandée ; son montant vous est indiqué "
                    "dès le premier entretien. Il n'y a pas de frais d'agence.</p>"
                ),
                "image": "guest",
            },
            "faq": {
                "title": "Questions fréquentes",
                "slug": "questions-frequentes",
                "intro": (
                    "Les réponses aux questions que l'on nous pose le plus "
                    "souvent. Vous ne trouvez pas la vôtre ? Appelez-nous."
                ),
                "questions": [
                    (
                        "Combien le jeune verse-t-il à son hôte ?",
                        (
                            "<p>Il ne s'agit pas d'un loyer mais d'une <strong>participation aux charges</strong> "
                            "(eau, électricité, chauffage, internet). La loi parle d'une « contrepartie financière "
                            "modeste » ; dans notre programme, elle est comprise entre 0 et 150 € par mois.</p>"
                            "<p>Le montant dépend de la formule choisie : plus le jeune s'engage à être présent, plus "
                            "sa participation est faible. Il est inscrit dans la convention et ne peut pas être "
                            "modifié sans l'accord des deux parties.</p>"
                        ),
                    ),
                    (
                        "La convention est-elle un bail ?",
                        (
                            "<p>Non. La convention d'hébergement intergénérationnel solidaire est un contrat civil "
                            "prévu par les articles L.631-17 à L.631-19 du Code de la construction et de l'habitation. "
                            "Elle n'est pas soumise aux règles des baux d'habitation.</p>"
                            "<p>Elle ne crée pas non plus de relation de travail : les menus services que le jeune "
                            "peut rendre sont librement consentis et ne sont jamais rémunérés.</p>"
                        ),
                    ),
                    (
                        "Faut-il prévenir son assurance ?",
                        (
                            "<p>Oui. L'hôte informe son assureur habitation qu'il accueille une personne chez lui ; "
                            "dans la plupart des cas, cela ne change rien au contrat ni à son prix. Le jeune doit, de "
                            "son côté, être couvert par une assurance responsabilité civile.</p>"
                            "<p>Une attestation d'assurance est demandée à chacun "
                            "au moment de la signature de la convention.</p>"
                        ),
                    ),
                    (
                        "Comment mettre fin à la cohabitation ?",
                        (
                            "<p>Chacun peut mettre fin à la convention à tout moment, en respectant "
                            "un <strong>préavis d'un mois</strong>. Il suffit de prévenir l'autre "
                            "par écrit (lettre ou courriel) et d'en informer l'association.</p>"
                            "<p>La convention prend aussi fin à la date prévue, en général à la fin de l'année "
                            "universitaire. Elle peut être renouvelée si chacun le souhaite.</p>"
                        ),
                    ),
                    (
                        "Et si la cohabitation se passe mal ?",
                        (
                            "<p>Appelez votre conseiller dès qu'une difficulté apparaît : un "
                            "malentendu se règle souvent en une conversation. L'association peut "
                            "organiser une rencontre à trois pour remettre les choses à plat.</p>"
                            "<p>Si la cohabitation ne peut pas continuer, elle aide chacun à y mettre fin dans de "
                            "bonnes conditions et accompagne le jeune dans la recherche d'un autre logement.</p>"
                        ),
                    ),
                    (
                        "Les sommes reçues sont-elles imposables ? Ont-elles un effet sur les aides ?",
                        (
                            "<p>Lorsque la chambre fait partie de votre résidence principale et que la participation "
                            "reste modeste, les sommes perçues sont en général exonérées d'impôt sur le revenu. Les "
                            "plafonds sont revus chaque année : votre conseiller vous indique ceux en vigueur.</p>"
                            "<p>Si vous percevez une aide dont le montant dépend de vos ressources (allocation "
                            "logement, allocation de solidarité aux personnes âgées…), signalez l'accueil à "
                            "l'organisme qui vous la verse. Pour le jeune, la participation aux charges n'étant pas un "
                            "loyer, elle n'ouvre en général pas droit à une aide au logement de la CAF.</p>"
                        ),
                    ),
                    (
                        "Qui choisit et vérifie les profils ?",
                        (
                            "<p>L'association. Elle rencontre chaque hôte à son domicile et chaque jeune en entretien, "
                            "vérifie les pièces d'identité et les justificatifs, demande aux jeunes un extrait de "
                            "casier judiciaire et contacte leurs références.</p>"
                            "<p>Aucun binôme n'est formé sans une rencontre préalable en présence d'un conseiller, et "
                            "chacun reste libre de dire non sans avoir à se justifier.</p>"
                        ),
                    ),
                    (
                        "Y a-t-il des conditions d'âge ?",
                        (
                            "<p>Oui. En France, l'hôte doit avoir <strong>60 ans ou plus</strong> "
                            "et le jeune <strong>moins de 30 ans</strong> à la signature de la "
                            "convention. Vous pouvez accueillir seul ou en couple.</p>"
                            "<p>Il n'y a pas d'âge maximum pour accueillir : ce qui compte, c'est de pouvoir vivre "
                            "chez soi de façon autonome et d'en avoir envie.</p>"
                        ),
                    ),
                ],
            },
            "news": {
                "title": "Actualités",
                "slug": "actualites",
                "intro": (
                    "Les nouvelles du programme en France : rencontres, conseils pratiques et temps forts de l'année."
                ),
                "articles": [
                    {
                        "title": "Les cafés des binômes reprennent pour l'hiver",
                        "slug": "cafes-des-binomes-hiver",
                        "date": "2026-11-12",
                        "intro": (
                            "Chaque mois, hôtes et jeunes se retrouvent autour d'un goûter pour échanger et faire "
                            "connaissance. Prochain rendez-vous le samedi 5 décembre."
                        ),
                        "body": (
                            "<p>Après la pause de l'été, les cafés des binômes reprennent à la Maison des Générations "
                            "de Bordeaux. Un samedi par mois, de 15 h à 17 h, hôtes, jeunes et bénévoles de "
                            "l'association se retrouvent autour d'un thé et de gâteaux faits maison.</p>"
                            "<p>Ces après-midi sont l'occasion de partager des astuces de cohabitation, de rencontrer "
                            "d'autres binômes et, pour celles et ceux qui hésitent encore, de poser toutes leurs "
                            "questions à des personnes qui vivent l'expérience au quotidien.</p>"
                            "<p>Prochaines dates : samedi 5 décembre, samedi 9 janvier et samedi 6 "
                            "février. L'entrée est libre et la salle est accessible aux personnes à "
                            "mobilité réduite. Si vous avez besoin d'être accompagné, prévenez-nous "
                            "quelques jours avant : un bénévole peut venir vous chercher.</p>"
                        ),
                        "image": "meeting",
                    },
                    {
                        "title": "Ce que contient votre convention d'hébergement",
                        "slug": "ce-que-contient-la-convention",
                        "date": "2026-10-20",
                        "intro": (
                            "Durée, règles de vie, participation aux charges, préavis : "
                            "tour d'horizon du document que signent l'hôte et le jeune."
                        ),
                        "body": (
                            "<p>La convention d'hébergement intergénérationnel solidaire est le document qui encadre "
                            "votre cohabitation. Elle est signée par l'hôte et par le jeune, en présence de "
                            "l'association, qui en conserve un exemplaire.</p>"
                            "<p>Elle précise notamment :</p>"
                            "<ul><li>la chambre mise à disposition et les pièces "
                            "partagées (cuisine, salle de bains, salon) ;</li>"
                            "<li>la durée de la cohabitation, souvent calée sur l'année universitaire ;</li>"
                            "<li>le montant de la participation aux charges, entre 0 et 150 € par mois ;</li>"
                            "<li>les règles de vie : horaires, visites, repas, animaux, présence certains soirs ;</li>"
                            "<li>les conditions de fin, avec un préavis d'un mois.</li></ul>"
                            "<p>Avec la CARSAT Aquitaine, nous avons relu cet automne le modèle "
                            "de convention pour le rendre plus lisible. Il est désormais imprimé "
                            "en gros caractères et accompagné d'une fiche résumé d'une page.</p>"
                        ),
                        "image": "news2",
                    },
                    {
                        "title": "Rentrée 2026 : 180 nouveaux binômes en Gironde",
                        "slug": "rentree-2026-nouveaux-binomes",
                        "date": "2026-09-14",
                        "intro": (
                            "Jamais le programme n'avait réuni autant de binômes à la rentrée. Les demandes des jeunes "
                            "restent pourtant plus nombreuses que les chambres proposées."
                        ),
                        "body": (
                            "<p>Depuis la fin du mois d'août, 180 nouveaux binômes ont signé "
                            "leur convention à Bordeaux, Pessac, Talence, Mérignac et Bègles. "
                            "C'est un record depuis le lancement du programme en 2019.</p>"
                            "<p>Les demandes des jeunes restent toutefois deux fois plus nombreuses que "
                            "les chambres disponibles, en particulier pour les apprentis, dont la "
                            "formation commence souvent en octobre. Si vous avez une chambre libre près "
                            "du tramway ou d'un campus, votre accueil peut changer une année d'études.</p>"
                            "<p>Pour en savoir plus sans engagement, appelez-nous ou venez à l'un de nos cafés des "
                            "binômes : des hôtes y racontent leur expérience.</p>"
                        ),
                        "image": "news1",
                    },
                ],
            },
            "contact": {
                "title": "Nous contacter",
                "slug": "contact",
                "intro": (
                    "Une question, une envie de vous lancer ? Écrivez-nous ou appelez-nous : un conseiller de "
                    "l'association vous répond. Nous pouvons aussi venir vous rencontrer chez vous."
                ),
                "address": (
                    "Association Ensemble sous un même toit\nMaison des Générations\n14 rue du Tilleul\n33000 Bordeaux"
                ),
                "phone": "05 35 55 12 40",
                "opening_hours": "Du lundi au vendredi, de 9 h à 17 h",
                "email": "bordeaux@weshare.example",
                "thank_you": (
                    "<p>Merci, votre message a bien été envoyé.</p>"
                    "<p>Un conseiller vous répondra sous cinq jours ouvrés. Si votre demande est urgente, appelez-nous "
                    "au 05 35 55 12 40, du lundi au vendredi de 9 h à 17 h.</p>"
                ),
                "fields": [
                    ("Nom et prénom", "singleline", True),
                    ("Adresse électronique", "email", True),
                    ("Téléphone", "singleline", False),
                    (
                        "Vous êtes",
                        "dropdown",
                        True,
                        [
                            "Une personne de 60 ans ou plus qui souhaite accueillir",
                            "Un jeune qui cherche un logement",
                            "Un proche ou un professionnel",
                        ],
                    ),
                    ("Votre message", "multiline", True),
                ],
            },
        },
        "en": {
            "title": "France",
            "slug": "france",
            "intro": (
                "In France, the programme began in Bordeaux in 2019, with the national "
                "pension service and CARSAT Aquitaine. A local association supports "
                "every pair, from the first meeting to the end of their time together."
            ),
            "body": (
                "<p>The idea is simple: a person aged <strong>60 or over</strong> with a spare "
                "room welcomes a young person <strong>under 30</strong> who needs somewhere to "
                "live while studying, training as an apprentice or starting out at work.</p>"
                "<p>Everyone gains. The host enjoys a reassuring presence and moments shared; the young person finds "
                "an affordable, quiet home, often close to where they study. The homeshare is based on an agreement "
                "signed by both people, with the association at their side.</p>"
                "<p>The programme currently runs in the Gironde and is gradually opening "
                "in other parts of Nouvelle-Aquitaine. To find out whether it is available "
                "near you, give us a call and we will point you in the right direction.</p>"
            ),
            "about": {
                "title": "About the programme in France",
                "slug": "about-the-programme",
                "intro": "A homeshare you choose, set out in law and supported by a trusted association.",
                "body": (
                    "<p>The programme starts from a simple observation: many older people live alone in a home that "
                    "has become too big for them, and many young people struggle to find a room at a reasonable price. "
                    "Bringing them together eases loneliness for some and makes studying possible for others.</p>"
                    "<h2>A framework set out in law</h2>"
                    "<p>Since the ELAN Act of 23 November 2018, intergenerational solidarity homesharing has been "
                    "recognised in the French Construction and Housing Code (articles L.631-17 to L.631-19). The "
                    "agreement, called a <em>convention d'hébergement intergénérationnel solidaire</em>, is "
                    "<strong>not a tenancy</strong>: it is a civil contract that sets the length of the stay, the "
                    "house rules and, where relevant, a modest contribution to household costs.</p>"
                    "<h2>The role of the association</h2>"
                    "<p>The association is the pair's trusted third party. It meets every host at "
                    "home and every young person in an interview, suggests matches, attends the first "
                    "meeting and the signing of the agreement, and then keeps in touch regularly. If "
                    "difficulties arise, it listens to both sides and helps find a solution.</p>"
                    "<h2>With the support of the pension service</h2>"
                    "<p>CARSAT Aquitaine, the regional pension fund, supports the programme as part of its work to "
                    "help people age well at home. Its advisers can tell you about it during a retirement appointment, "
                    "and it funds part of the support provided by the association.</p>"
                ),
                "image": "kitchen",
                "cta": {
                    "title": "Would you like to know more?",
                    "text": (
                        "An adviser from the association will answer your questions by phone, "
                        "Monday to Friday from 9 am to 5 pm, or come and see you at home."
                    ),
                    "button": "Contact us",
                },
            },
            "hosts": {
                "title": "Hosting a young person",
                "slug": "hosting",
                "intro": (
                    "Are you 60 or over with a spare room? Here is how hosting a young person works, step by step."
                ),
                "steps": [
                    (
                        "Get in touch",
                        (
                            "Call us or fill in the contact form. An adviser will call you back within the week to "
                            "answer your questions, with no commitment."
                        ),
                    ),
                    (
                        "A visit from the association",
                        (
                            "An adviser comes to your home to get to know you, see the room you are offering and talk "
                            "about your habits and what you are looking for."
                        ),
                    ),
                    (
                        "Prepare your application",
                        (
                            "Together we complete your application: the room, your wishes (daily routine, pets, shared "
                            "meals) and the contribution to household costs you have in mind."
                        ),
                    ),
                    (
                        "Meet a young person",
                        (
                            "The association introduces a young person whose profile suits you. You meet at your home, "
                            "with the adviser present. Either of you is free to say no."
                        ),
                    ),
                    (
                        "Sign the agreement",
                        (
                            "If the meeting goes well, you sign the homesharing agreement. It sets out the length of "
                            "the stay, the house rules and the contribution to costs."
                        ),
                    ),
                    (
                        "Ongoing support",
                        (
                            "The adviser checks in with you after one month and then regularly, and can be reached at "
                            "any time if you have a question or a concern."
                        ),
                    ),
                ],
                "body": (
                    "<p>To host, you must be <strong>60 or over</strong> and able to offer a clean, heated, furnished "
                    "room with access to the bathroom and kitchen. You can own or rent your home; if you rent, you "
                    "simply need to inform your landlord beforehand.</p>"
                    "<p>With the association, you choose the arrangement that suits you: company in the evenings and a "
                    "few shared meals, or a more independent homeshare with a contribution to household costs. In "
                    "every case, that contribution is no more than <strong>€150 a month</strong>.</p>"
                    "<p>The young person is not a home help or a carer. They may help out with small things — carrying "
                    "the shopping, showing you something on the phone, walking the dog — but they have no caring "
                    "duties and there is no employment relationship between you.</p>"
                ),
                "image": "host",
            },
            "guests": {
                "title": "Finding a room",
                "slug": "finding-a-room",
                "intro": (
                    "Are you under 30 and looking for a room while you study, train "
                    "as an apprentice or start your first job? Here is what to do."
                ),
                "steps": [
                    (
                        "Send your request",
                        (
                            "Fill in the contact form, telling us about your situation, "
                            "where you study or work and when you need somewhere to live."
                        ),
                    ),
                    (
                        "Come for an interview",
                        (
                            "An adviser meets you to get to know you. Bring an identity document, proof of your "
                            "situation (student card, apprenticeship contract…) and a criminal record certificate."
                        ),
                    ),
                    (
                        "Receive a proposal",
                        (
                            "As soon as a host matches your needs, the association tells you about the room, the "
                            "neighbourhood and how the household runs."
                        ),
                    ),
                    (
                        "Meet your host",
                        (
                            "The meeting takes place at the host's home, with the adviser present. Take your time and "
                            "ask all your questions: you are free to decline."
                        ),
                    ),
                    (
                        "Sign and move in",
                        (
                            "You sign the agreement with your host and the association. It sets out the length of the "
                            "stay, the house rules and your contribution to costs."
                        ),
                    ),
                    (
                        "Ongoing support",
                        (
                            "The adviser keeps in touch with you throughout the year. "
                            "You can call at any time if something is on your mind."
                        ),
                    ),
                ],
                "body": (
                    "<p>The programme is open to young people <strong>under 30</strong>: "
                    "students, apprentices, interns, young employees and civic service "
                    "volunteers. There are no nationality or income requirements.</p>"
                    "<p>You do not pay rent. Depending on the arrangement chosen, you contribute "
                    "between <strong>€0 and €150 a month</strong> towards household costs (water, "
                    "electricity, heating, internet). In return, you agree to be at home on certain "
                    "evenings arranged in advance and to respect the peace and quiet of the house.</p>"
                    "<p>The association may ask you to pay an annual membership fee; you will be told the amount at "
                    "your first interview. There are no agency fees.</p>"
                ),
                "image": "guest",
            },
            "faq": {
                "title": "Frequently asked questions",
                "slug": "faq",
                "intro": "Answers to the questions we are asked most often. Can't find yours? Give us a call.",
                "questions": [
                    (
                        "How much does the young person pay the host?",
                        (
                            "<p>It is not rent but a <strong>contribution to household costs</strong> (water, "
                            "electricity, heating, internet). The law speaks of a “modest financial contribution”; in "
                            "our programme it ranges from €0 to €150 a month.</p>"
                            "<p>The amount depends on the arrangement chosen: the more time the young person commits "
                            "to being at home, the lower the contribution. It is written into the agreement and cannot "
                            "be changed unless both parties agree.</p>"
                        ),
                    ),
                    (
                        "Is the agreement a tenancy?",
                        (
                            "<p>No. The intergenerational solidarity homesharing agreement is a civil contract "
                            "provided for by articles L.631-17 to L.631-19 of the French Construction and Housing "
                            "Code. The rules for residential tenancies do not apply to it.</p>"
                            "<p>Nor does it create an employment relationship: any small services the young person "
                            "offers are given freely and are never paid.</p>"
                        ),
                    ),
                    (
                        "Do I need to tell my insurer?",
                        (
                            "<p>Yes. The host tells their home insurer that someone is staying with "
                            "them; in most cases this changes nothing in the policy or its price. "
                            "The young person must have their own personal liability insurance.</p>"
                            "<p>Each person is asked for a certificate of insurance when the agreement is signed.</p>"
                        ),
                    ),
                    (
                        "How do we end the homeshare?",
                        (
                            "<p>Either person can end the agreement at any time by giving "
                            "<strong>one month's notice</strong>. Simply let the other person "
                            "know in writing (letter or email) and inform the association.</p>"
                            "<p>The agreement also ends on the date set, usually at the end "
                            "of the academic year. It can be renewed if you both wish.</p>"
                        ),
                    ),
                    (
                        "What if things go wrong?",
                        (
                            "<p>Call your adviser as soon as a problem arises: a misunderstanding "
                            "can often be cleared up in one conversation. The association can "
                            "arrange a three-way meeting to talk things through.</p>"
                            "<p>If the homeshare cannot continue, the association helps both of you bring it to an end "
                            "on good terms and supports the young person in finding somewhere else to live.</p>"
                        ),
                    ),
                    (
                        "Is the money taxable? Does it affect benefits?",
                        (
                            "<p>When the room is part of your main home and the contribution stays modest, the money "
                            "you receive is generally exempt from income tax. The ceilings are reviewed every year: "
                            "your adviser will tell you the current ones.</p>"
                            "<p>If you receive a means-tested benefit (housing allowance, minimum "
                            "old-age pension…), tell the body that pays it that you are hosting "
                            "someone. For the young person, the contribution is not rent, so it "
                            "does not usually give entitlement to housing benefit from the CAF.</p>"
                        ),
                    ),
                    (
                        "Who selects and checks the participants?",
                        (
                            "<p>The association. It meets every host at home and every young person in an interview, "
                            "checks identity documents and supporting papers, asks young people for a criminal record "
                            "certificate and contacts their referees.</p>"
                            "<p>No pair is formed without a first meeting in the presence of an adviser, and everyone "
                            "remains free to say no without having to explain why.</p>"
                        ),
                    ),
                    (
                        "Are there age requirements?",
                        (
                            "<p>Yes. In France, the host must be <strong>60 or over</strong> "
                            "and the young person <strong>under 30</strong> when the "
                            "agreement is signed. You can host on your own or as a couple.</p>"
                            "<p>There is no upper age limit for hosting: what matters is being able to live "
                            "independently at home, and wanting to share it.</p>"
                        ),
                    ),
                ],
            },
            "news": {
                "title": "News",
                "slug": "news",
                "intro": (
                    "News from the programme in France: get-togethers, practical advice and highlights of the year."
                ),
                "articles": [
                    {
                        "title": "Homeshare cafés are back for the winter",
                        "slug": "homeshare-cafes-are-back",
                        "date": "2026-11-12",
                        "intro": (
                            "Every month, hosts and young people meet over tea and cake to chat and get to know each "
                            "other. The next one is on Saturday 5 December."
                        ),
                        "body": (
                            "<p>After the summer break, the homeshare cafés are back at the Maison des Générations in "
                            "Bordeaux. One Saturday a month, from 3 pm to 5 pm, hosts, young people and the "
                            "association's volunteers get together over tea and home-made cakes.</p>"
                            "<p>These afternoons are a chance to swap tips on living together, "
                            "meet other pairs and, for those still making up their minds, ask "
                            "all their questions to people who live the experience every day.</p>"
                            "<p>Coming dates: Saturday 5 December, Saturday 9 January and Saturday 6 February. Entry "
                            "is free and the room is accessible to people with reduced mobility. If you need someone "
                            "to come with you, let us know a few days before: a volunteer can pick you up.</p>"
                        ),
                        "image": "meeting",
                    },
                    {
                        "title": "What your homesharing agreement contains",
                        "slug": "what-your-agreement-contains",
                        "date": "2026-10-20",
                        "intro": (
                            "Length of stay, house rules, contribution to costs, notice: an overview of the document "
                            "signed by the host and the young person."
                        ),
                        "body": (
                            "<p>The intergenerational solidarity homesharing agreement is the document "
                            "that frames your life together. It is signed by the host and the young "
                            "person in the presence of the association, which keeps a copy.</p>"
                            "<p>In particular, it sets out:</p>"
                            "<ul><li>the room provided and the shared rooms (kitchen, bathroom, living room);</li>"
                            "<li>the length of the homeshare, often matching the academic year;</li>"
                            "<li>the contribution to household costs, between €0 and €150 a month;</li>"
                            "<li>the house rules: times, visitors, meals, pets, being at home on certain evenings;</li>"
                            "<li>how the homeshare ends, with one month's notice.</li></ul>"
                            "<p>This autumn, together with CARSAT Aquitaine, we reviewed the model agreement to make "
                            "it easier to read. It is now printed in large type and comes with a one-page summary.</p>"
                        ),
                        "image": "news2",
                    },
                    {
                        "title": "Back to school 2026: 180 new pairs in the Gironde",
                        "slug": "back-to-school-2026-new-pairs",
                        "date": "2026-09-14",
                        "intro": (
                            "The programme has never brought together so many pairs at the start of the academic year. "
                            "Yet requests from young people still outnumber the rooms on offer."
                        ),
                        "body": (
                            "<p>Since the end of August, 180 new pairs have signed their "
                            "agreement in Bordeaux, Pessac, Talence, Mérignac and Bègles. "
                            "That is a record since the programme began in 2019.</p>"
                            "<p>Requests from young people are still twice as numerous as the rooms available, "
                            "especially from apprentices, whose training often starts in October. If you have a spare "
                            "room near the tram or a campus, hosting could change someone's year of study.</p>"
                            "<p>To find out more with no commitment, call us or come to one of our homeshare cafés, "
                            "where hosts talk about their experience.</p>"
                        ),
                        "image": "news1",
                    },
                ],
            },
            "contact": {
                "title": "Contact us",
                "slug": "contact",
                "intro": (
                    "A question, or ready to take the plunge? Write to us or call us: an adviser from the association "
                    "will reply. We can also come and see you at home."
                ),
                "address": (
                    "Association Ensemble sous un même toit\nMaison des "
                    "Générations\n14 rue du Tilleul\n33000 Bordeaux\nFrance"
                ),
                "phone": "+33 5 35 55 12 40",
                "email": "bordeaux@weshare.example",
                "thank_you": (
                    "<p>Thank you, your message has been sent.</p>"
                    "<p>An adviser will reply within five working days. If your request is urgent, please call us on "
                    "+33 5 35 55 12 40, Monday to Friday from 9 am to 5 pm.</p>"
                ),
                "fields": [
                    ("Full name", "singleline", True),
                    ("Email address", "email", True),
                    ("Phone number", "singleline", False),
                    (
                        "You are",
                        "dropdown",
                        True,
                        [
                            "A person aged 60 or over who would like to host",
                            "A young person looking for a room",
                            "A relative or a professional",
                        ],
                    ),
                    ("Your message", "multiline", True),
                ],
            },
        },
    },
    "ES": {
        "es": {
            "title": "España",
            "slug": "espana",
            "intro": (
                "En España, el programa comenzó en Madrid en 2024, de la mano de una asociación local y con el apoyo "
                "de la Dirección Provincial del INSS. La asociación acompaña cada convivencia de principio a fin."
            ),
            "body": (
                "<p>La idea es sencilla: una persona de <strong>60 años o más</strong> que tiene "
                "una habitación libre en casa acoge a una persona joven de <strong>18 a 35 "
                "años</strong> que busca alojamiento mientras estudia o empieza a trabajar.</p>"
                "<p>Todos ganan. La persona mayor disfruta de compañía y de la tranquilidad de no estar sola por la "
                "noche; la persona joven encuentra un alojamiento asequible y un hogar. La convivencia se basa en un "
                "convenio firmado por las dos partes, con la asociación como testigo y mediadora.</p>"
                "<p>De momento, el programa funciona en la ciudad de Madrid y en Alcalá de Henares, Getafe y Leganés. "
                "Llámenos para saber si podemos acompañarle en su zona.</p>"
            ),
            "about": {
                "title": "El programa en España",
                "slug": "el-programa",
                "intro": (
                    "Una convivencia elegida libremente, con un convenio "
                    "claro y el acompañamiento de una asociación de confianza."
                ),
                "body": (
                    "<p>Muchas personas mayores viven solas en pisos que se les han quedado "
                    "grandes, y muchos jóvenes no encuentran una habitación a un precio razonable. "
                    "El programa los pone en contacto para que se acompañen mutuamente.</p>"
                    "<h2>Un convenio, no un contrato de alquiler</h2>"
                    "<p>En España no existe una ley específica sobre la convivencia intergeneracional. La relación se "
                    "basa en un <strong>convenio de convivencia</strong>, un acuerdo de carácter civil que firman la "
                    "persona mayor y la persona joven, con la asociación como tercera parte. No es un contrato de "
                    "alquiler: fija la duración, las normas de la casa y, en su caso, una aportación a los gastos.</p>"
                    "<h2>El papel de la asociación</h2>"
                    "<p>La asociación entrevista a cada persona, visita el domicilio, propone las "
                    "convivencias y está presente en el primer encuentro y en la firma del convenio. "
                    "Después hace un seguimiento periódico y media si surge cualquier dificultad.</p>"
                    "<h2>Con el apoyo de la Seguridad Social</h2>"
                    "<p>La Dirección Provincial del INSS en Madrid colabora con el "
                    "programa dándolo a conocer en sus centros de atención e información y "
                    "participando en sesiones informativas para personas pensionistas.</p>"
                ),
                "image": "kitchen",
                "cta": {
                    "title": "¿Quiere saber más?",
                    "text": (
                        "Una persona de la asociación le atiende por teléfono de lunes a viernes, de 9:00 a 14:00 y de "
                        "16:00 a 18:00, o va a visitarle a su casa."
                    ),
                    "button": "Contactar",
                },
            },
            "hosts": {
                "title": "Acoger a una persona joven",
                "slug": "acoger",
                "intro": "¿Tiene 60 años o más y una habitación libre? Así es el proceso, paso a paso.",
                "steps": [
                    (
                        "Contacte con nosotros",
                        (
                            "Llámenos o rellene el formulario. Una persona de la asociación le llamará en menos de una "
                            "semana para resolver sus dudas, sin ningún compromiso."
                        ),
                    ),
                    (
                        "Reciba nuestra visita",
                        (
                            "Vamos a su casa para conocerle, ver la habitación y hablar "
                            "de sus costumbres y de lo que espera de la convivencia."
                        ),
                    ),
                    (
                        "Prepare su solicitud",
                        (
                            "Juntos completamos su ficha: la habitación, sus preferencias (horarios, animales, comidas "
                            "compartidas) y la aportación a los gastos que tiene en mente."
                        ),
                    ),
                    (
                        "Conozca a la persona joven",
                        (
                            "Le proponemos una persona joven con un perfil adecuado. El encuentro se hace en su casa, "
                            "con la asociación presente. Nadie está obligado a decir que sí."
                        ),
                    ),
                    (
                        "Firme el convenio",
                        (
                            "Si el encuentro va bien, firman el convenio de convivencia, que recoge la duración, las "
                            "normas de la casa y la aportación a los gastos."
                        ),
                    ),
                    (
                        "Cuente con nuestro acompañamiento",
                        (
                            "Le llamamos al cabo de un mes y después con "
                            "regularidad. Puede contactarnos siempre que lo necesite."
                        ),
                    ),
                ],
                "body": (
                    "<p>Para acoger hay que tener <strong>60 años o más</strong> y ofrecer una habitación amueblada, "
                    "limpia y con calefacción, con acceso al baño y a la cocina. Puede ser propietario o inquilino; si "
                    "vive de alquiler, revise antes su contrato y hable con el propietario.</p>"
                    "<p>Usted decide, con la asociación, la fórmula que mejor le conviene: más compañía por las tardes "
                    "y alguna comida compartida, o una convivencia más independiente con una aportación a los gastos. "
                    "En todos los casos, esa aportación no supera los <strong>100 € al mes</strong>.</p>"
                    "<p>La persona joven no es cuidadora ni empleada del hogar. Puede echar una "
                    "mano con pequeñas cosas —subir la compra, ayudarle con el móvil, sacar al "
                    "perro—, pero no hay relación laboral ni obligación de cuidados.</p>"
                ),
                "image": "host",
            },
            "guests": {
                "title": "Buscar alojamiento",
                "slug": "buscar-alojamiento",
                "intro": (
                    "¿Tiene entre 18 y 35 años y busca una habitación para estudiar o empezar a trabajar? Así funciona."
                ),
                "steps": [
                    (
                        "Envíe su solicitud",
                        (
                            "Rellene el formulario indicando su situación, su centro de "
                            "estudios o de trabajo y la fecha en la que necesita alojamiento."
                        ),
                    ),
                    (
                        "Venga a una entrevista",
                        (
                            "Le recibimos para conocerle. Traiga su DNI, NIE o pasaporte, un justificante de su "
                            "situación (matrícula, contrato…) y un certificado de antecedentes penales."
                        ),
                    ),
                    (
                        "Reciba una propuesta",
                        (
                            "Cuando encontramos una persona mayor que encaja con usted, le "
                            "presentamos la habitación, el barrio y las costumbres de la casa."
                        ),
                    ),
                    (
                        "Conozca a la persona anfitriona",
                        (
                            "El encuentro se hace en casa de la persona mayor, con la asociación presente. Pregunte "
                            "todo lo que quiera: siempre puede decir que no."
                        ),
                    ),
                    (
                        "Firme el convenio y múdese",
                        (
                            "Usted firma el convenio con la persona mayor y la asociación; en él se recogen la "
                            "duración, las normas de la casa y su aportación a los gastos. Con autorización de la "
                            "persona anfitriona, podrá empadronarse en el domicilio."
                        ),
                    ),
                    (
                        "Cuente con nosotros",
                        (
                            "Le llamamos con regularidad durante todo el curso, y puede "
                            "contactarnos en cualquier momento si algo le preocupa."
                        ),
                    ),
                ],
                "body": (
                    "<p>El programa está abierto a personas de <strong>18 a 35 años</strong>: estudiantes "
                    "universitarios o de formación profesional, personas en prácticas y jóvenes trabajadores. No se "
                    "exige una nacionalidad ni un nivel de ingresos determinado.</p>"
                    "<p>No paga alquiler. Según la fórmula elegida, aporta entre <strong>0 y 100 € al mes</strong> "
                    "para los gastos de la casa (luz, agua, calefacción, internet). A cambio, se compromete a estar en "
                    "casa algunas tardes acordadas y a respetar la tranquilidad del hogar.</p>"
                    "<p>La asociación puede pedirle una cuota anual de socio; le informamos de su importe en la "
                    "primera entrevista. No hay gastos de agencia ni fianza.</p>"
                ),
                "image": "guest",
            },
            "faq": {
                "title": "Preguntas frecuentes",
                "slug": "preguntas-frecuentes",
                "intro": "Respuestas a las preguntas que más nos hacen. ¿No encuentra la suya? Llámenos.",
                "questions": [
                    (
                        "¿Cuánto paga la persona joven?",
                        (
                            "<p>No es un alquiler, sino una <strong>aportación a los gastos</strong> de la casa (luz, "
                            "agua, calefacción, internet). En nuestro programa va de 0 a 100 € al mes.</p>"
                            "<p>El importe depende de la fórmula elegida: cuanto más tiempo de compañía se compromete "
                            "a dar la persona joven, menor es la aportación. Queda recogido en el convenio y solo "
                            "puede cambiarse si las dos partes están de acuerdo.</p>"
                        ),
                    ),
                    (
                        "¿El convenio es un contrato de alquiler?",
                        (
                            "<p>No. Es un acuerdo de convivencia de carácter civil entre dos "
                            "personas, con la asociación como tercera parte. Al no ser un contrato "
                            "de arrendamiento, no se rige por la Ley de Arrendamientos Urbanos.</p>"
                            "<p>Tampoco crea una relación laboral: la ayuda que la persona "
                            "joven pueda prestar es voluntaria y nunca se remunera.</p>"
                        ),
                    ),
                    (
                        "¿Hay que avisar al seguro?",
                        (
                            "<p>Sí. La persona anfitriona debe comunicar a su seguro de hogar que convive con otra "
                            "persona; normalmente no cambia ni el contrato ni el precio.</p>"
                            "<p>Además, la asociación tiene contratado un seguro de responsabilidad civil que cubre a "
                            "los participantes durante la convivencia.</p>"
                        ),
                    ),
                    (
                        "¿Cómo se pone fin a la convivencia?",
                        (
                            "<p>Cualquiera de las dos partes puede terminar el convenio en "
                            "cualquier momento, con un <strong>preaviso de un mes</strong>, "
                            "comunicándolo por escrito a la otra persona y a la asociación.</p>"
                            "<p>El convenio también termina en la fecha prevista, normalmente al acabar el curso. Si "
                            "las dos partes lo desean, puede renovarse.</p>"
                        ),
                    ),
                    (
                        "¿Y si la convivencia no va bien?",
                        (
                            "<p>Llame a la asociación en cuanto surja un problema: muchas veces basta una "
                            "conversación. Podemos organizar una reunión a tres para aclarar las cosas.</p>"
                            "<p>Si la convivencia no puede continuar, ayudamos a terminarla de buena manera y "
                            "acompañamos a la persona joven en la búsqueda de otro alojamiento.</p>"
                        ),
                    ),
                    (
                        "¿Tengo que declarar lo que recibo? ¿Afecta a mis ayudas?",
                        (
                            "<p>Las cantidades que recibe para cubrir gastos pueden tener que declararse en el IRPF. "
                            "Cada situación es distinta: le recomendamos consultar a la Agencia Tributaria, y nuestro "
                            "equipo le orienta en los primeros pasos.</p>"
                            "<p>Si cobra una pensión no contributiva u otra prestación que depende de sus ingresos o "
                            "de las personas que viven con usted, consulte antes con el organismo que la paga. Para la "
                            "persona joven, el convenio no es un contrato de alquiler, por lo que en general no "
                            "permite solicitar ayudas al alquiler como el Bono Alquiler Joven.</p>"
                        ),
                    ),
                    (
                        "¿Quién selecciona y comprueba los perfiles?",
                        (
                            "<p>La asociación. Visita a cada persona mayor en su casa y entrevista "
                            "a cada joven, comprueba su documentación, pide a los jóvenes un "
                            "certificado de antecedentes penales y contacta con sus referencias.</p>"
                            "<p>No se forma ninguna convivencia sin un encuentro previo con la asociación presente, y "
                            "cada persona puede decir que no sin dar explicaciones.</p>"
                        ),
                    ),
                    (
                        "¿Hay requisitos de edad?",
                        (
                            "<p>Sí. En España, la persona anfitriona debe tener <strong>60 años o más</strong> y la "
                            "persona joven entre <strong>18 y 35 años</strong> en el momento de firmar el convenio.</p>"
                            "<p>No hay edad máxima para acoger: lo importante es poder "
                            "vivir en casa con autonomía y tener ganas de compartirla.</p>"
                        ),
                    ),
                ],
            },
            "news": {
                "title": "Noticias",
                "slug": "noticias",
                "intro": (
                    "Novedades del programa en España: encuentros, consejos prácticos y momentos destacados del año."
                ),
                "articles": [
                    {
                        "title": "Paseos de otoño entre generaciones en el Retiro",
                        "slug": "paseos-de-otono-en-el-retiro",
                        "date": "2026-11-05",
                        "intro": (
                            "Cada primer jueves de mes, personas mayores y jóvenes del programa se citan para pasear "
                            "juntos. La próxima cita es el 3 de diciembre."
                        ),
                        "body": (
                            "<p>Con la llegada del otoño, la asociación ha puesto en marcha un nuevo encuentro: un "
                            "paseo tranquilo por el parque del Retiro, seguido de un café en una terraza cercana. El "
                            "recorrido es corto, llano y tiene bancos para descansar.</p>"
                            "<p>En los primeros paseos han participado una treintena de personas. "
                            "Muchas convivencias vinieron juntas, y algunas personas que todavía se lo "
                            "estaban pensando aprovecharon para preguntar a quienes ya lo viven.</p>"
                            "<p>La próxima cita es el jueves 3 de diciembre a las 11:00, en "
                            "la entrada del parque frente a la Puerta de Alcalá. Si necesita "
                            "ayuda para desplazarse, avísenos con unos días de antelación.</p>"
                        ),
                        "image": "news3",
                    },
                    {
                        "title": "Buscamos personas anfitrionas para el nuevo curso",
                        "slug": "buscamos-personas-anfitrionas",
                        "date": "2026-09-28",
                        "intro": (
                            "Más de 200 jóvenes esperan una habitación en Madrid. Le invitamos a una sesión "
                            "informativa para conocer el programa sin compromiso."
                        ),
                        "body": (
                            "<p>Con el inicio del curso, las solicitudes de jóvenes se han multiplicado: más de 200 "
                            "estudiantes y jóvenes trabajadores esperan una habitación, sobre todo en Chamberí, "
                            "Moncloa-Aravaca, Arganzuela y Alcalá de Henares.</p>"
                            "<p>Para quienes tienen una habitación libre y alguna duda, "
                            "organizamos sesiones informativas en varios centros municipales de "
                            "mayores. En ellas, una persona de la asociación explica cómo funciona "
                            "el convenio y varias personas anfitrionas cuentan su experiencia.</p>"
                            "<p>Las sesiones son gratuitas y duran una hora. Llámenos "
                            "o escríbanos para conocer las fechas en su barrio.</p>"
                        ),
                        "image": "meeting",
                    },
                    {
                        "title": "Un nuevo modelo de convenio, más claro y fácil de leer",
                        "slug": "nuevo-modelo-de-convenio",
                        "date": "2026-06-10",
                        "intro": (
                            "Hemos revisado el convenio de convivencia con personas "
                            "mayores y jóvenes del programa. Le explicamos qué cambia."
                        ),
                        "body": (
                            "<p>Durante la primavera, un grupo de personas mayores y jóvenes del "
                            "programa ha revisado con la asociación el modelo de convenio de "
                            "convivencia. El objetivo: que cualquiera pueda entenderlo sin ayuda.</p>"
                            "<p>El nuevo modelo recoge, con palabras sencillas:</p>"
                            "<ul><li>la habitación y las zonas compartidas;</li>"
                            "<li>la duración de la convivencia;</li>"
                            "<li>la aportación a los gastos, entre 0 y 100 € al mes;</li>"
                            "<li>las normas de la casa: horarios, visitas, comidas y animales;</li>"
                            "<li>el preaviso de un mes para terminar la convivencia.</li></ul>"
                            "<p>Está impreso en letra grande y va acompañado de un resumen de una página. Se aplica a "
                            "todos los convenios firmados a partir de septiembre de 2026.</p>"
                        ),
                        "image": "news2",
                    },
                ],
            },
            "contact": {
                "title": "Contacto",
                "slug": "contacto",
                "intro": (
                    "¿Tiene alguna pregunta o quiere dar el paso? Escríbanos o llámenos: una persona de la asociación "
                    "le atenderá. También podemos visitarle en su casa."
                ),
                "address": "Asociación Casa Común Madrid\nCalle de Embajadores 41, 2.º\n28012 Madrid",
                "phone": "910 55 12 40",
                "opening_hours": "De lunes a viernes, de 9:00 a 17:00",
                "email": "madrid@weshare.example",
                "thank_you": (
                    "<p>Gracias, hemos recibido su mensaje.</p>"
                    "<p>Le responderemos en un plazo de cinco días laborables. Si su "
                    "consulta es urgente, llámenos al 910 55 12 40, de lunes a viernes.</p>"
                ),
                "fields": [
                    ("Nombre y apellidos", "singleline", True),
                    ("Correo electrónico", "email", True),
                    ("Teléfono", "singleline", False),
                    (
                        "Usted es",
                        "dropdown",
                        True,
                        [
                            "Una persona de 60 años o más que quiere acoger",
                            "Una persona joven que busca alojamiento",
                            "Un familiar o un profesional",
                        ],
                    ),
                    ("Su mensaje", "multiline", True),
                ],
            },
        },
        "en": {
            "title": "Spain",
            "slug": "spain",
            "intro": (
                "In Spain, the programme started in Madrid in 2024, run by a local association with the support of the "
                "Madrid provincial office of the INSS, the national social security institute. The association "
                "supports every homeshare from start to finish."
            ),
            "body": (
                "<p>The idea is simple: a person aged <strong>60 or over</strong> with a "
                "spare room at home welcomes a young person <strong>aged 18 to 35</strong> "
                "who needs somewhere to live while studying or starting work.</p>"
                "<p>Everyone gains. The older person enjoys company and the peace of mind of not being alone at night; "
                "the young person finds an affordable place to live and a real home. The homeshare is based on an "
                "agreement signed by both, with the association as witness and mediator.</p>"
                "<p>For now, the programme runs in the city of Madrid and in Alcalá de Henares, Getafe and Leganés. "
                "Give us a call to find out whether we can support you where you live.</p>"
            ),
            "about": {
                "title": "About the programme in Spain",
                "slug": "about-the-programme",
                "intro": "A homeshare chosen freely, with a clear agreement and the support of a trusted association.",
                "body": (
                    "<p>Many older people live alone in flats that have become too big for "
                    "them, and many young people cannot find a room at a reasonable price. "
                    "The programme puts them in touch so that they can support each other.</p>"
                    "<h2>An agreement, not a tenancy</h2>"
                    "<p>Spain has no specific law on intergenerational homesharing. The arrangement is "
                    "based on a <strong>homesharing agreement</strong> (<em>convenio de convivencia</em>), "
                    "a civil agreement signed by the older person and the young person, with the "
                    "association as a third party. It is not a tenancy: it sets the length of the stay, "
                    "the house rules and, where relevant, a contribution to household costs.</p>"
                    "<h2>The role of the association</h2>"
                    "<p>The association interviews everyone, visits the home, suggests matches "
                    "and attends the first meeting and the signing of the agreement. Afterwards "
                    "it keeps in regular contact and mediates if any difficulty arises.</p>"
                    "<h2>With the support of social security</h2>"
                    "<p>The Madrid provincial office of the INSS supports the programme by making it known in its "
                    "information centres and by taking part in information sessions for pensioners.</p>"
                ),
                "image": "kitchen",
                "cta": {
                    "title": "Would you like to know more?",
                    "text": (
                        "Someone from the association can help you by phone, Monday to Friday from 9 am to 2 pm and "
                        "from 4 pm to 6 pm, or come and visit you at home."
                    ),
                    "button": "Contact us",
                },
            },
            "hosts": {
                "title": "Hosting a young person",
                "slug": "hosting",
                "intro": "Are you 60 or over with a spare room? Here is how it works, step by step.",
                "steps": [
                    (
                        "Get in touch",
                        (
                            "Call us or fill in the form. Someone from the association will call you within a week to "
                            "answer your questions, with no commitment."
                        ),
                    ),
                    (
                        "A visit from us",
                        (
                            "We come to your home to get to know you, see the room and talk "
                            "about your habits and what you hope for from sharing your home."
                        ),
                    ),
                    (
                        "Prepare your application",
                        (
                            "Together we complete your file: the room, your preferences (daily routine, pets, shared "
                            "meals) and the contribution to costs you have in mind."
                        ),
                    ),
                    (
                        "Meet the young person",
                        (
                            "We suggest a young person with a suitable profile. You meet at your home, with the "
                            "association present. Nobody is obliged to say yes."
                        ),
                    ),
                    (
                        "Sign the agreement",
                        (
                            "If the meeting goes well, you both sign the homesharing agreement, which sets out the "
                            "length of the stay, the house rules and the contribution to costs."
                        ),
                    ),
                    (
                        "Count on our support",
                        "We call you after one month and then regularly. You can contact us whenever you need to.",
                    ),
                ],
                "body": (
                    "<p>To host, you must be <strong>60 or over</strong> and offer a clean, heated, "
                    "furnished room with access to the bathroom and kitchen. You can own or rent "
                    "your home; if you rent, check your lease first and talk to your landlord.</p>"
                    "<p>With the association, you decide on the arrangement that suits you best: more company in the "
                    "evenings and the odd shared meal, or a more independent homeshare with a contribution to costs. "
                    "In every case, that contribution is no more than <strong>€100 a month</strong>.</p>"
                    "<p>The young person is not a carer or a domestic worker. They may lend a hand "
                    "with small things — carrying the shopping up, helping with your mobile, walking "
                    "the dog — but there is no employment relationship and no duty of care.</p>"
                ),
                "image": "host",
            },
            "guests": {
                "title": "Finding a room",
                "slug": "finding-a-room",
                "intro": (
                    "Are you aged 18 to 35 and looking for a room while you study or start work? Here is how it works."
                ),
                "steps": [
                    (
                        "Send your request",
                        (
                            "Fill in the form, telling us about your situation, where "
                            "you study or work and when you need somewhere to live."
                        ),
                    ),
                    (
                        "Come for an interview",
                        (
                            "We meet you to get to know you. Bring your DNI, NIE or passport, proof of your situation "
                            "(enrolment, work contract…) and a criminal record certificate."
                        ),
                    ),
                    (
                        "Receive a proposal",
                        (
                            "When we find an older person who is a good match for you, we tell you about the room, the "
                            "neighbourhood and how the household runs."
                        ),
                    ),
                    (
                        "Meet your host",
                        (
                            "The meeting takes place at the older person's home, with the association present. Ask "
                            "anything you like: you can always say no."
                        ),
                    ),
                    (
                        "Sign the agreement and move in",
                        (
                            "You sign the agreement with the older person and the association; it sets out the length "
                            "of the stay, the house rules and your contribution to costs. With your host's permission, "
                            "you can register your address at the home (empadronamiento)."
                        ),
                    ),
                    (
                        "Count on us",
                        (
                            "We call you regularly throughout the academic year, and you "
                            "can contact us at any time if something is worrying you."
                        ),
                    ),
                ],
                "body": (
                    "<p>The programme is open to people <strong>aged 18 to 35</strong>: university and vocational "
                    "students, interns and young workers. There are no nationality or income requirements.</p>"
                    "<p>You do not pay rent. Depending on the arrangement chosen, you contribute "
                    "between <strong>€0 and €100 a month</strong> towards household costs "
                    "(electricity, water, heating, internet). In return, you agree to be at home "
                    "on some agreed evenings and to respect the peace and quiet of the home.</p>"
                    "<p>The association may ask you for an annual membership fee; we will tell you the amount at your "
                    "first interview. There are no agency fees and no deposit.</p>"
                ),
                "image": "guest",
            },
            "faq": {
                "title": "Frequently asked questions",
                "slug": "faq",
                "intro": "Answers to the questions we are asked most often. Can't find yours? Give us a call.",
                "questions": [
                    (
                        "How much does the young person pay?",
                        (
                            "<p>It is not rent but a <strong>contribution to household costs</strong> (electricity, "
                            "water, heating, internet). In our programme it ranges from €0 to €100 a month.</p>"
                            "<p>The amount depends on the arrangement chosen: the more time the young person commits "
                            "to spending with their host, the lower the contribution. It is written into the agreement "
                            "and can only be changed if both parties agree.</p>"
                        ),
                    ),
                    (
                        "Is the agreement a tenancy?",
                        (
                            "<p>No. It is a civil homesharing agreement between two people, with the association as a "
                            "third party. As it is not a lease, it is not governed by the Spanish Urban Leases Act.</p>"
                            "<p>Nor does it create an employment relationship: any help "
                            "the young person gives is voluntary and never paid.</p>"
                        ),
                    ),
                    (
                        "Do I need to tell my insurer?",
                        (
                            "<p>Yes. The host should tell their home insurer that someone else is living with them; "
                            "usually neither the policy nor the price changes.</p>"
                            "<p>In addition, the association has taken out civil liability insurance that covers "
                            "participants while they live together.</p>"
                        ),
                    ),
                    (
                        "How do we end the homeshare?",
                        (
                            "<p>Either party can end the agreement at any time with <strong>one month's "
                            "notice</strong>, given in writing to the other person and to the association.</p>"
                            "<p>The agreement also ends on the date set, usually at the end of the academic year. It "
                            "can be renewed if both parties wish.</p>"
                        ),
                    ),
                    (
                        "What if things are not going well?",
                        (
                            "<p>Call the association as soon as a problem arises: a conversation is often all it "
                            "takes. We can arrange a three-way meeting to clear things up.</p>"
                            "<p>If the homeshare cannot continue, we help bring it to an end on good terms and support "
                            "the young person in finding somewhere else to live.</p>"
                        ),
                    ),
                    (
                        "Do I have to declare what I receive? Does it affect my benefits?",
                        (
                            "<p>The amounts you receive to cover costs may have to be declared for personal income tax "
                            "(IRPF). Every situation is different: we recommend checking with the Spanish Tax Agency, "
                            "and our team can help you with the first steps.</p>"
                            "<p>If you receive a non-contributory pension or another benefit that depends on your "
                            "income or on who lives with you, check first with the body that pays it. For the young "
                            "person, the agreement is not a lease, so it does not usually qualify for rent support "
                            "such as the Youth Rent Allowance (Bono Alquiler Joven).</p>"
                        ),
                    ),
                    (
                        "Who selects and checks the participants?",
                        (
                            "<p>The association. It visits every older person at home and interviews "
                            "every young person, checks their documents, asks young people for a "
                            "criminal record certificate and contacts their referees.</p>"
                            "<p>No homeshare begins without a first meeting with the association "
                            "present, and anyone can say no without giving a reason.</p>"
                        ),
                    ),
                    (
                        "Are there age requirements?",
                        (
                            "<p>Yes. In Spain, the host must be <strong>60 or over</strong> and the young person "
                            "<strong>aged 18 to 35</strong> when the agreement is signed.</p>"
                            "<p>There is no upper age limit for hosting: what matters is being able to live "
                            "independently at home, and wanting to share it.</p>"
                        ),
                    ),
                ],
            },
            "news": {
                "title": "News",
                "slug": "news",
                "intro": (
                    "News from the programme in Spain: get-togethers, practical advice and highlights of the year."
                ),
                "articles": [
                    {
                        "title": "Autumn walks across the generations in the Retiro",
                        "slug": "autumn-walks-in-the-retiro",
                        "date": "2026-11-05",
                        "intro": (
                            "On the first Thursday of every month, older and younger people from the programme meet "
                            "for a walk together. The next one is on 3 December."
                        ),
                        "body": (
                            "<p>With the arrival of autumn, the association has started a new "
                            "get-together: a gentle walk in the Retiro park, followed by a coffee at a "
                            "nearby café. The route is short and flat, with benches along the way.</p>"
                            "<p>Around thirty people have joined the first walks. Many pairs "
                            "came together, and some people who were still thinking it over "
                            "took the chance to ask those who already live the experience.</p>"
                            "<p>The next walk is on Thursday 3 December at 11 am, at the park entrance opposite the "
                            "Puerta de Alcalá. If you need help getting there, let us know a few days in advance.</p>"
                        ),
                        "image": "news3",
                    },
                    {
                        "title": "Hosts wanted for the new academic year",
                        "slug": "hosts-wanted-for-the-new-academic-year",
                        "date": "2026-09-28",
                        "intro": (
                            "More than 200 young people are waiting for a room in Madrid. Come to an information "
                            "session to find out about the programme, with no commitment."
                        ),
                        "body": (
                            "<p>With the start of the academic year, requests from young people have soared: more than "
                            "200 students and young workers are waiting for a room, especially in Chamberí, "
                            "Moncloa-Aravaca, Arganzuela and Alcalá de Henares.</p>"
                            "<p>For people with a spare room who still have questions, we are holding information "
                            "sessions in several municipal centres for older people. Someone from the association "
                            "explains how the agreement works, and hosts talk about their experience.</p>"
                            "<p>The sessions are free and last one hour. Call or "
                            "write to us to find out the dates in your area.</p>"
                        ),
                        "image": "meeting",
                    },
                    {
                        "title": "A new, clearer and easier-to-read agreement",
                        "slug": "a-clearer-agreement",
                        "date": "2026-06-10",
                        "intro": (
                            "We have reviewed the homesharing agreement with older and "
                            "younger people from the programme. Here is what is changing."
                        ),
                        "body": (
                            "<p>During the spring, a group of older and younger people from the "
                            "programme reviewed the model homesharing agreement with the "
                            "association. The aim: that anyone can understand it without help.</p>"
                            "<p>In plain words, the new model sets out:</p>"
                            "<ul><li>the room and the shared areas;</li>"
                            "<li>the length of the homeshare;</li>"
                            "<li>the contribution to costs, between €0 and €100 a month;</li>"
                            "<li>the house rules: times, visitors, meals and pets;</li>"
                            "<li>one month's notice to end the homeshare.</li></ul>"
                            "<p>It is printed in large type and comes with a one-page summary. It applies to all "
                            "agreements signed from September 2026.</p>"
                        ),
                        "image": "news2",
                    },
                ],
            },
            "contact": {
                "title": "Contact us",
                "slug": "contact",
                "intro": (
                    "Have a question, or ready to take the next step? Write to us or call us: someone from the "
                    "association will help you. We can also visit you at home."
                ),
                "address": "Asociación Casa Común Madrid\nCalle de Embajadores 41, 2.º\n28012 Madrid\nSpain",
                "phone": "+34 910 55 12 40",
                "email": "madrid@weshare.example",
                "thank_you": (
                    "<p>Thank you, we have received your message.</p>"
                    "<p>We will reply within five working days. If your request is "
                    "urgent, please call us on +34 910 55 12 40, Monday to Friday.</p>"
                ),
                "fields": [
                    ("Full name", "singleline", True),
                    ("Email address", "email", True),
                    ("Phone number", "singleline", False),
                    (
                        "You are",
                        "dropdown",
                        True,
                        [
                            "A person aged 60 or over who would like to host",
                            "A young person looking for a room",
                            "A relative or a professional",
                        ],
                    ),
                    ("Your message", "multiline", True),
                ],
            },
        },
    },
}

# Bodies involved in each country (fictional contact details).
ORGANISATIONS = {
    "FR": {
        "association": {
            "name": "Association Ensemble sous un même toit — Gironde",
            "email": "bordeaux@weshare.example",
            "phone": "05 35 55 12 40",
            "address": "Maison des Générations, 14 rue du Tilleul, 33000 Bordeaux",
        },
        "pension_office": {
            "name": "CARSAT Aquitaine",
            "email": "action-sociale@carsat-aquitaine.example",
            "phone": "3960",
            "address": "80 avenue de la Jallère, 33053 Bordeaux Cedex",
        },
        "national_body": {
            "name": "CNAV — Caisse nationale d'assurance vieillesse",
            "email": "cohabitation@cnav.example",
            "phone": "3960",
            "address": "110 avenue de Flandre, 75019 Paris",
        },
    },
    "ES": {
        "association": {
            "name": "Asociación Casa Común Madrid",
            "email": "madrid@weshare.example",
            "phone": "910 55 12 40",
            "address": "Calle de Embajadores 41, 2.º, 28012 Madrid",
        },
        "pension_office": {
            "name": "Dirección Provincial del INSS de Madrid",
            "email": "convivencia@inss-madrid.example",
            "phone": "915 55 30 00",
            "address": "Calle de López de Hoyos 169, 28002 Madrid",
        },
        "national_body": {
            "name": "INSS — Instituto Nacional de la Seguridad Social",
            "email": "programas@inss.example",
            "phone": "900 16 65 65",
            "address": "Calle de Padre Damián 4, 28036 Madrid",
        },
    },
}
