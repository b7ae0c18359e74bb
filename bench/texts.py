"""The bench dataset's copy: cluster, award, tag and release texts in each site language.

Made from small vocabularies, so thousands of records read like the demo's (inflected
Polish and Russian words for search to stem) without storing thousands of texts.
"""

# (pl, en, ru) per sector: the Polish and Russian forms are genitives ("klaster …").
SECTORS = [
    ("technologii medycznych", "medical technology", "медицинских технологий"),
    ("energetyki odnawialnej", "renewable energy", "возобновляемой энергетики"),
    ("przemysłu lotniczego", "aviation", "авиационной промышленности"),
    ("technologii informacyjnych", "information technology", "информационных технологий"),
    ("przetwórstwa spożywczego", "food processing", "пищевой промышленности"),
    ("logistyki", "logistics", "логистики"),
    ("chemii", "chemistry", "химии"),
    ("meblarstwa", "furniture", "мебельной промышленности"),
    ("biotechnologii", "biotechnology", "биотехнологий"),
    ("motoryzacji", "automotive", "автомобилестроения"),
    ("budownictwa", "construction", "строительства"),
    ("turystyki", "tourism", "туризма"),
]

# (country, pl, en, ru, region pl, en, ru)
CITIES = [
    ("PL", "Kraków", "Kraków", "Краков", "małopolskie", "Lesser Poland", "Малопольское"),
    ("PL", "Warszawa", "Warsaw", "Варшава", "mazowieckie", "Masovia", "Мазовецкое"),
    ("PL", "Gdańsk", "Gdańsk", "Гданьск", "pomorskie", "Pomerania", "Поморское"),
    ("PL", "Wrocław", "Wrocław", "Вроцлав", "dolnośląskie", "Lower Silesia", "Нижнесилезское"),
    ("PL", "Poznań", "Poznań", "Познань", "wielkopolskie", "Greater Poland", "Великопольское"),
    ("PL", "Łódź", "Łódź", "Лодзь", "łódzkie", "Łódź Province", "Лодзинское"),
    ("PL", "Lublin", "Lublin", "Люблин", "lubelskie", "Lublin Province", "Люблинское"),
    ("DE", "Berlin", "Berlin", "Берлин", "Berlin", "Berlin", "Берлин"),
    ("DE", "Monachium", "Munich", "Мюнхен", "Bawaria", "Bavaria", "Бавария"),
    ("CZ", "Brno", "Brno", "Брно", "Morawy Południowe", "South Moravia", "Южная Моравия"),
    ("RU", "Kaługa", "Kaluga", "Калуга", "obwód kałuski", "Kaluga Oblast", "Калужская область"),
    ("RU", "Kazań", "Kazan", "Казань", "Tatarstan", "Tatarstan", "Татарстан"),
]

TOPICS = [
    ("innowacje", "innovation", "инновации"),
    ("benchmarking", "benchmarking", "бенчмаркинг"),
    ("współpraca", "cooperation", "сотрудничество"),
    ("eksport", "export", "экспорт"),
    ("badania", "research", "исследования"),
    ("finansowanie", "funding", "финансирование"),
    ("audyt", "audit", "аудит"),
    ("strategia", "strategy", "стратегия"),
]

AREAS = {
    "pl": ["Struktura klastra", "Zarządzanie i strategia", "Finansowanie", "Usługi dla członków"],
    "en": ["Cluster structure", "Management and strategy", "Financing", "Services to members"],
    "ru": ["Структура кластера", "Управление и стратегия", "Финансирование", "Услуги участникам"],
}


def cluster_texts(number):
    """{field: {language: text}} and the language-neutral facts of cluster `number`."""
    sector = SECTORS[number % len(SECTORS)]
    city = CITIES[(number // len(SECTORS)) % len(CITIES)]
    country, *names = city
    cities, regions = names[:3], names[3:]
    texts = {
        "name": {
            "pl": f"Klaster {sector[0]} {cities[0]} {number}",
            "en": f"{cities[1]} {sector[1].title()} Cluster {number}",
            "ru": f"Кластер {sector[2]} {cities[2]} {number}",
        },
        "description": {
            "pl": (
                f"Organizacja klastrowa zrzeszająca firmy, uczelnie i instytuty z branży "
                f"{sector[0]} w regionie {regions[0]}."
            ),
            "en": (
                f"A cluster organisation of {sector[1]} companies, universities and research "
                f"institutes in {regions[1]}."
            ),
            "ru": (
                f"Кластерная организация, объединяющая компании, университеты и институты "
                f"в сфере {sector[2]} в регионе {regions[2]}."
            ),
        },
        "city": dict(zip(("pl", "en", "ru"), cities, strict=True)),
        "region": dict(zip(("pl", "en", "ru"), regions, strict=True)),
        "sector": dict(zip(("pl", "en", "ru"), sector, strict=True)),
    }
    return country, texts


def award_texts(cluster_name, indicators):
    pl, en, ru = cluster_name["pl"], cluster_name["en"], cluster_name["ru"]
    return {
        "result_summary": {
            "pl": f"Audytorzy ocenili {indicators} wskaźników zarządzania klastrem {pl}.",
            "en": f"The auditors assessed {indicators} management indicators of {en}.",
            "ru": f"Аудиторы оценили {indicators} показателей управления кластером {ru}.",
        },
        "distinction": {"pl": "", "en": "", "ru": ""},
    }


def tag_labels(number):
    topic = TOPICS[number % len(TOPICS)]
    sector = SECTORS[(number // len(TOPICS)) % len(SECTORS)]
    round_ = number // (len(TOPICS) * len(SECTORS))
    suffix = f" {round_ + 1}" if round_ else ""
    return {
        "pl": f"{topic[0]} – {sector[0]}{suffix}",
        "en": f"{topic[1]} – {sector[1]}{suffix}",
        "ru": f"{topic[2]} – {sector[2]}{suffix}",
    }


def release_texts(language, number, cluster_name, label_name, city, year):
    """Title, lead and body blocks of release `number` in `language`."""
    if language == "pl":
        return {
            "title": f"{cluster_name} otrzymuje {label_name} ({number})",
            "lead": (
                f"{cluster_name} z miasta {city} otrzymał {label_name} po audycie "
                f"przeprowadzonym w {year} r. To kolejne wyróżnienie dla polskich klastrów."
            ),
            "body": [
                (
                    "paragraph",
                    f"<p>Audytorzy ocenili zarządzanie klastrem, jego strategię i usługi "
                    f"dla członków. Wyniki potwierdzają rozwój klastrów w regionie {city}.</p>",
                ),
                ("heading", "Obszary oceny"),
                ("list", AREAS["pl"]),
                (
                    "quote",
                    {
                        "text": "Dziękujemy członkom klastra za wspólną pracę nad jakością.",
                        "speaker": "Anna Nowak",
                        "role": "Prezeska zarządu",
                    },
                ),
                (
                    "about_cluster",
                    {"heading": "O klastrze", "text": f"<p>{cluster_name} działa od lat.</p>"},
                ),
            ],
        }
    if language == "en":
        return {
            "title": f"{cluster_name} receives the {label_name} ({number})",
            "lead": (
                f"{cluster_name} in {city} has received the {label_name} after an audit in "
                f"{year}. Another distinction for the region's clusters."
            ),
            "body": [
                (
                    "paragraph",
                    f"<p>The auditors assessed the cluster's management, its strategy and the "
                    f"services it offers to members, confirming the growth of clusters in "
                    f"{city}.</p>",
                ),
                ("heading", "What was assessed"),
                ("list", AREAS["en"]),
                (
                    "quote",
                    {
                        "text": "We thank the cluster's members for working on quality together.",
                        "speaker": "Anna Nowak",
                        "role": "Chair of the board",
                    },
                ),
                (
                    "about_cluster",
                    {"heading": "About the cluster", "text": f"<p>{cluster_name}.</p>"},
                ),
            ],
        }
    return {
        "title": f"{cluster_name} получил {label_name} ({number})",
        "lead": (
            f"{cluster_name} ({city}) получил {label_name} по итогам аудита {year} г. "
            f"Это ещё одна награда для кластеров региона."
        ),
        "body": [
            (
                "paragraph",
                f"<p>Аудиторы оценили управление кластером, его стратегию и услуги для "
                f"участников. Итоги подтверждают развитие кластеров в регионе {city}.</p>",
            ),
            ("heading", "Области оценки"),
            ("list", AREAS["ru"]),
            (
                "quote",
                {
                    "text": "Благодарим участников кластера за совместную работу над качеством.",
                    "speaker": "Анна Новак",
                    "role": "Председатель правления",
                },
            ),
            (
                "about_cluster",
                {"heading": "О кластере", "text": f"<p>{cluster_name}.</p>"},
            ),
        ],
    }
