"""Demo content for the Newsroom site.

This is the team's own demo copy, written in Polish, English and Russian.
All facts are taken from the two seed press releases (LifeScience Kraków's
ESCA Silver Label, 17 June 2021; Kaluga Pharmaceutical Cluster's ESCA Silver
Label after the audit of 24–26 October 2017). The texts are rewritten,
not copied, and quotations are paraphrases of what the named speakers said.
The only assumed fact is the Kaluga release date (20 November 2017).

Pure data, no logic: the loader lives elsewhere.
"""

import datetime

# ---------------------------------------------------------------------------
# Texts for structured records, per language.
# ---------------------------------------------------------------------------

CERTIFICATION_BODIES = {
    "esca": {
        "name": {
            "pl": "Europejski Sekretariat Analiz Klastrowych",
            "en": "European Secretariat for Cluster Analysis",
            "ru": "Европейский секретариат по кластерному анализу",
        },
        "description": {
            "pl": (
                "Berlińska organizacja, która ocenia i certyfikuje organizacje klastrowe "
                "według metodologii European Cluster Excellence Initiative. Od 2008 r. "
                "przeprowadziła audyty ponad 750 klastrów."
            ),
            "en": (
                "A Berlin-based organisation that benchmarks and certifies cluster "
                "organisations using the European Cluster Excellence Initiative methodology. "
                "Since 2008 it has audited more than 750 clusters."
            ),
            "ru": (
                "Организация со штаб-квартирой в Берлине, которая проводит сравнительную "
                "оценку и сертификацию кластерных организаций по методике European Cluster "
                "Excellence Initiative. С 2008 г. она провела аудит более 750 кластеров."
            ),
        },
    },
    "mrit": {
        "name": {
            "pl": "Ministerstwo Rozwoju i Technologii",
            "en": "Ministry of Development and Technology",
            "ru": "Министерство развития и технологий Республики Польша",
        },
        "description": {
            "pl": (
                "Polskie ministerstwo, które przyznaje organizacjom klastrowym status "
                "Krajowego Klastra Kluczowego."
            ),
            "en": (
                "The Polish government ministry that grants National Key Cluster "
                "(Krajowy Klaster Kluczowy) status to cluster organisations."
            ),
            "ru": (
                "Министерство Польши, которое присваивает кластерным организациям статус "
                "национального ключевого кластера (Krajowy Klaster Kluczowy)."
            ),
        },
    },
}

_ESCA_BENCHMARKING_AREAS = {
    "pl": "\n".join(
        [
            "Struktura klastra",
            "Zarządzanie i strategia",
            "Finansowanie",
            "Usługi świadczone przez klaster",
            "Kontakty i współpraca z otoczeniem",
            "Rezultaty działalności i renoma klastra",
        ]
    ),
    "en": "\n".join(
        [
            "Cluster structure",
            "Management and strategy",
            "Financing",
            "Services provided",
            "External contacts and interaction",
            "Results and reputation of the cluster",
        ]
    ),
    "ru": "\n".join(
        [
            "Структура кластера",
            "Управление и стратегия",
            "Финансирование",
            "Предоставляемые услуги",
            "Связи и взаимодействие с внешней средой",
            "Результаты деятельности и репутация кластера",
        ]
    ),
}

LABELS = {
    "esca-bronze": {
        "name": {
            "pl": "Brązowa Odznaka Jakości Zarządzania Klastrem",
            "en": "Cluster Management Excellence Bronze Label",
            "ru": "Бронзовый знак качества управления кластером",
        },
        "benchmarking_areas": dict(_ESCA_BENCHMARKING_AREAS),
    },
    "esca-silver": {
        "name": {
            "pl": "Srebrna Odznaka Jakości Zarządzania Klastrem",
            "en": "Cluster Management Excellence Silver Label",
            "ru": "Серебряный знак качества управления кластером",
        },
        "benchmarking_areas": dict(_ESCA_BENCHMARKING_AREAS),
    },
    "esca-gold": {
        "name": {
            "pl": "Złota Odznaka Jakości Zarządzania Klastrem",
            "en": "Cluster Management Excellence Gold Label",
            "ru": "Золотой знак качества управления кластером",
        },
        "benchmarking_areas": dict(_ESCA_BENCHMARKING_AREAS),
    },
    "national-key-cluster": {
        "name": {
            "pl": "Status Krajowego Klastra Kluczowego",
            "en": "National Key Cluster status",
            "ru": "Статус национального ключевого кластера",
        },
        "benchmarking_areas": {"pl": "", "en": "", "ru": ""},
    },
}

CLUSTERS = {
    "lifescience-krakow": {
        "name": {
            "pl": "Klaster LifeScience Kraków",
            "en": "LifeScience Kraków Cluster",
            "ru": "Кластер LifeScience Kraków",
        },
        "description": {
            "pl": (
                "Sieć współpracy instytucji i przedsiębiorstw z makroregionu Polski "
                "Południowej, założona w 2006 r. Jej członkowie wspólnie rozwijają "
                "innowacyjny ekosystem biotechnologii i nauk o życiu. Od "
                "21 października 2016 r. klaster ma status Krajowego Klastra Kluczowego."
            ),
            "en": (
                "A cooperation network of institutions and companies from the southern "
                "Poland macro-region, founded in 2006. Its members share common goals and a "
                "vision for developing an innovation ecosystem in biotechnology and the life "
                "sciences. Since 21 October 2016 it has held National Key Cluster status."
            ),
            "ru": (
                "Сеть сотрудничества учреждений и компаний из макрорегиона Южная Польша, "
                "созданная в 2006 г. Её участников объединяют общие цели и видение развития "
                "инновационной экосистемы в области биотехнологий и наук о жизни. С "
                "21 октября 2016 г. кластер имеет статус национального ключевого кластера."
            ),
        },
        "region": {
            "pl": "Polska Południowa",
            "en": "Southern Poland",
            "ru": "Южная Польша",
        },
        "city": {"pl": "Kraków", "en": "Kraków", "ru": "Краков"},
        "sector": {
            "pl": "Biotechnologia i nauki o życiu",
            "en": "Biotechnology and life sciences",
            "ru": "Биотехнологии и науки о жизни",
        },
    },
    "kaluga-pharma": {
        "name": {
            "pl": "Kałuski Klaster Farmaceutyczny",
            "en": "Kaluga Pharmaceutical Cluster",
            "ru": "Калужский фармацевтический кластер",
        },
        "description": {
            "pl": (
                "Klaster farmaceutyczny z obwodu kałuskiego w Rosji, którego organizacją "
                "zarządzającą jest Stowarzyszenie „Kałuski Klaster Farmaceutyczny”. "
                "W 2017 r. jako pierwszy klaster w Rosji otrzymał srebrną odznakę ESCA."
            ),
            "en": (
                "A pharmaceutical cluster in the Kaluga Region of Russia, managed by the "
                "Kaluga Pharmaceutical Cluster Association. In 2017 it became the first "
                "Russian cluster to receive the ESCA Silver Label."
            ),
            "ru": (
                "Фармацевтический кластер в Калужской области России, управляющей "
                "организацией которого является Ассоциация «Калужский фармацевтический "
                "кластер». В 2017 г. он первым среди российских кластеров получил "
                "серебряный знак ESCA."
            ),
        },
        "region": {
            "pl": "Obwód kałuski",
            "en": "Kaluga Region",
            "ru": "Калужская область",
        },
        "city": {"pl": "Kaługa", "en": "Kaluga", "ru": "Калуга"},
        "sector": {
            "pl": "Farmacja",
            "en": "Pharmaceuticals",
            "ru": "Фармацевтика",
        },
    },
}

# One fictional media contact per cluster: made-up people, reserved example.org addresses
# and numbers that ring nobody.
MEDIA_CONTACTS = {  # keyed by cluster slug
    "lifescience-krakow": {
        "name": "Anna Nowak",
        "email": "anna.nowak@example.org",
        "phone": "+48120000000",
        "languages": ["pl", "en"],
        "role": {
            "pl": "Rzeczniczka prasowa klastra",
            "en": "Cluster press officer",
            "ru": "Пресс-секретарь кластера",
        },
    },
    "kaluga-pharma": {
        "name": "Irina Petrova",
        "email": "irina.petrova@example.org",
        "phone": "+74840000000",
        "languages": ["ru", "en"],
        "role": {
            "pl": "Kierowniczka ds. komunikacji",
            "en": "Communications manager",
            "ru": "Руководитель по связям с общественностью",
        },
    },
}

AWARDS = {  # keyed by (cluster slug, label slug)
    ("lifescience-krakow", "esca-silver"): {
        "result_summary": {
            "pl": (
                "Analiza benchmarkingowa i audyt certyfikacyjny potwierdziły, że procesy "
                "zarządzania klastrem działają prawidłowo, a klaster ma realny wpływ na "
                "region i pozycję na arenie europejskiej."
            ),
            "en": (
                "The benchmarking analysis and certification audit confirmed that the "
                "cluster’s management processes work well and that the cluster has a real "
                "impact in its region and standing in Europe."
            ),
            "ru": (
                "Сравнительный анализ и сертификационный аудит подтвердили, что процессы "
                "управления кластером работают эффективно, а сам кластер оказывает заметное "
                "влияние на регион и занимает прочные позиции в Европе."
            ),
        },
        "distinction": {
            "pl": "Drugi klaster w Polsce i około pięćdziesiąty w Europie z tą odznaką.",
            "en": "The second cluster in Poland and roughly the 50th in Europe to hold this label.",
            "ru": "Второй кластер в Польше и примерно пятидесятый в Европе, получивший этот знак.",
        },
    },
    ("lifescience-krakow", "national-key-cluster"): {
        "result_summary": {"pl": "", "en": "", "ru": ""},
        "distinction": {
            "pl": "Status Krajowego Klastra Kluczowego od 21 października 2016 r.",
            "en": "National Key Cluster status held since 21 October 2016.",
            "ru": "Статус национального ключевого кластера с 21 октября 2016 г.",
        },
    },
    ("kaluga-pharma", "esca-silver"): {
        "result_summary": {
            "pl": (
                "Ponad 70% z 30 kluczowych wskaźników znacznie przekroczyło wymagane "
                "wartości, co potwierdza wysoką skuteczność systemu zarządzania klastrem."
            ),
            "en": (
                "More than 70% of the 30 key indicators were significantly above the "
                "required values, confirming a highly effective cluster management system."
            ),
            "ru": (
                "Более 70% из 30 ключевых показателей значительно превысили требуемые "
                "значения, что подтверждает высокую эффективность системы управления "
                "кластером."
            ),
        },
        "distinction": {
            "pl": (
                "Pierwszy klaster w Rosji ze srebrną odznaką ESCA; dziewiąta srebrna "
                "odznaka wśród klastrów farmaceutycznych i medycznych w Europie."
            ),
            "en": (
                "The first cluster in Russia with the ESCA Silver Label; the ninth silver "
                "label among pharmaceutical and medical clusters in Europe."
            ),
            "ru": (
                "Первый кластер в России с серебряным знаком ESCA; девятый серебряный "
                "знак среди фармацевтических и медицинских кластеров Европы."
            ),
        },
    },
}


# ---------------------------------------------------------------------------
# Page texts for the site skeleton.
# ---------------------------------------------------------------------------

HOME_PAGE = {
    "pl": {
        "title": "Biuro prasowe – certyfikacja klastrów",
        "intro": (
            "Komunikaty prasowe o certyfikacji organizacji klastrowych i przyznanych "
            "im odznakach – po polsku, angielsku i rosyjsku."
        ),
    },
    "en": {
        "title": "Newsroom – cluster certification",
        "intro": (
            "Press releases on the certification of cluster organisations and the labels "
            "they are awarded, published in Polish, English and Russian."
        ),
    },
    "ru": {
        "title": "Пресс-центр: сертификация кластеров",
        "intro": (
            "Пресс-релизы о сертификации кластерных организаций и присвоенных им "
            "знаках — на польском, английском и русском языках."
        ),
    },
}

NEWS_INDEX_PAGE = {
    "pl": {
        "title": "Aktualności",
        "slug": "aktualnosci",
        "intro": "Najnowsze komunikaty o certyfikacji klastrów i przyznanych im odznakach.",
    },
    "en": {
        "title": "News",
        "slug": "news",
        "intro": "The latest releases on cluster certification and the labels clusters have earned.",
    },
    "ru": {
        "title": "Новости",
        "slug": "novosti",
        "intro": "Последние пресс-релизы о сертификации кластеров и присвоенных им знаках.",
    },
}

CLUSTER_PAGES = {
    "lifescience-krakow": {
        "pl": {
            "title": "Klaster LifeScience Kraków",
            "slug": "klaster-lifescience-krakow",
            "intro": (
                "Sieć instytucji i firm z Polski Południowej, która od 2006 r. rozwija "
                "innowacje w biotechnologii i naukach o życiu. Tutaj znajdziesz komunikaty "
                "o certyfikacji klastra i przyznanych mu odznakach."
            ),
        },
        "en": {
            "title": "LifeScience Kraków Cluster",
            "slug": "lifescience-krakow-cluster",
            "intro": (
                "A network of institutions and companies from southern Poland that has "
                "been driving innovation in biotechnology and the life sciences since 2006. "
                "Here you will find releases on the cluster’s certification and awards."
            ),
        },
        "ru": {
            "title": "Кластер LifeScience Kraków",
            "slug": "klaster-lifescience-krakow",
            "intro": (
                "Сеть учреждений и компаний Южной Польши, которая с 2006 г. развивает "
                "инновации в области биотехнологий и наук о жизни. Здесь собраны пресс-релизы "
                "о сертификации кластера и присвоенных ему знаках."
            ),
        },
    },
    "kaluga-pharma": {
        "pl": {
            "title": "Kałuski Klaster Farmaceutyczny",
            "slug": "kaluski-klaster-farmaceutyczny",
            "intro": (
                "Klaster farmaceutyczny z obwodu kałuskiego w Rosji. Tutaj znajdziesz "
                "komunikaty o certyfikacji klastra i przyznanych mu odznakach."
            ),
        },
        "en": {
            "title": "Kaluga Pharmaceutical Cluster",
            "slug": "kaluga-pharmaceutical-cluster",
            "intro": (
                "A pharmaceutical cluster in the Kaluga Region of Russia. Here you will "
                "find releases on the cluster’s certification and awards."
            ),
        },
        "ru": {
            "title": "Калужский фармацевтический кластер",
            "slug": "kaluzhsky-farmatsevtichesky-klaster",
            "intro": (
                "Фармацевтический кластер Калужской области. Здесь собраны пресс-релизы "
                "о сертификации кластера и присвоенных ему знаках."
            ),
        },
    },
}


# ---------------------------------------------------------------------------
# Press releases. Every translation carries the same blocks in the same order.
# ---------------------------------------------------------------------------

_ESCA_DB_LINK = (
    '<a href="https://www.cluster-analysis.org/benchmarked-clusters">'
    "www.cluster-analysis.org/benchmarked-clusters</a>"
)
_LIFESCIENCE_LINK = '<a href="https://www.lifescience.pl">www.lifescience.pl</a>'

RELEASES = [
    {
        "key": "lifescience-krakow-silver-label-2021",
        "cluster": "lifescience-krakow",
        "awards": [("lifescience-krakow", "esca-silver")],
        "release_date": datetime.date(2021, 6, 17),
        "source_language": "pl",
        "translations": {
            "pl": {
                "title": "LifeScience Kraków zdobywa Srebrną Odznakę Jakości Zarządzania Klastrem",
                "slug": "lifescience-krakow-srebrna-odznaka-jakosci-zarzadzania-klastrem",
                "lead": (
                    "Klaster LifeScience Kraków otrzymał od ESCA Srebrną Odznakę Jakości "
                    "Zarządzania Klastrem. Jest dopiero drugim klastrem w Polsce i mniej "
                    "więcej pięćdziesiątym w Europie, który może się pochwalić tym "
                    "wyróżnieniem."
                ),
                "search_description": (
                    "LifeScience Kraków jako drugi klaster w Polsce otrzymał srebrną "
                    "odznakę ESCA potwierdzającą wysoką jakość zarządzania klastrem."
                ),
                "tags": ["esca", "srebrna odznaka", "lifescience kraków", "benchmarking"],
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Europejski Sekretariat Analiz Klastrowych (ESCA) przyznał "
                            "Klastrowi LifeScience Kraków międzynarodową odznakę "
                            "<i>Cluster Management Excellence Silver Label</i>, czyli Srebrną "
                            "Odznakę Jakości Zarządzania Klastrem. Oznacza to awans na kolejny, wyższy "
                            "stopień europejskiego systemu certyfikacji jakości zarządzania "
                            "klastrami.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Przyznanie odznaki poprzedziły analiza benchmarkingowa i audyt "
                            "certyfikacyjny. Ich wyniki pokazały, że procesy zarządcze, które "
                            "organizacja klastra konsekwentnie wdraża, przynoszą dobre efekty, "
                            "a sam klaster ma realny wpływ na rozwój regionu i liczy się "
                            "w Europie. Ocenę przeprowadzono według metodologii opracowanej "
                            "przez międzynarodowy zespół ekspertów ESCA.</p>"
                        ),
                    ),
                    ("heading", "Sześć obszarów oceny"),
                    (
                        "list",
                        [
                            "Struktura klastra",
                            "Zarządzanie i strategia",
                            "Finansowanie",
                            "Usługi świadczone przez klaster",
                            "Kontakty i współpraca z otoczeniem",
                            "Rezultaty działalności i renoma klastra",
                        ],
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Odznaka pozwala uwiarygodnić organizację klastrową: "
                            "poświadcza jej jakość i wartość, wyróżnia ją na tle innych, "
                            "zachęca do zdrowej rywalizacji i pomaga zainteresować klastrem "
                            "potencjalnych partnerów. ESCA przyznaje tę odznakę na dwa lata, i to "
                            "wyłącznie najlepszym organizacjom klastrowym.</p>"
                        ),
                    ),
                    (
                        "note",
                        {
                            "heading": "Publiczna baza klastrów ESCA",
                            "text": (
                                "<p>Każda organizacja klastrowa, która przeszła proces "
                                "weryfikacji, trafia do publicznej bazy danych ESCA. Pełną listę "
                                "ocenionych klastrów można przejrzeć na stronie "
                                + _ESCA_DB_LINK
                                + ".</p>"
                                "<p>System certyfikacji ESCA jest uznawany w całej Europie. "
                                "W Polsce honorują go Polska Agencja Rozwoju Przedsiębiorczości "
                                "(PARP) oraz ministerstwo właściwe do spraw gospodarki.</p>"
                            ),
                        },
                    ),
                    (
                        "about_cluster",
                        {
                            "heading": "O Klastrze LifeScience Kraków",
                            "text": (
                                "<p>Klaster LifeScience Kraków, założony w 2006 r., skupia "
                                "instytucje i przedsiębiorstwa z makroregionu Polski Południowej. "
                                "Ich współpraca opiera się na wspólnych celach i wspólnej wizji "
                                "rozwoju innowacyjnego ekosystemu biotechnologii i nauk o życiu. "
                                "Od 21 października 2016 r. klaster ma status Krajowego Klastra "
                                "Kluczowego.</p>"
                                "<p>Więcej informacji o klastrze: " + _LIFESCIENCE_LINK + ".</p>"
                            ),
                        },
                    ),
                ],
            },
            "en": {
                "title": "LifeScience Kraków Cluster earns the Cluster Management Excellence Silver Label",
                "slug": "lifescience-krakow-cluster-management-excellence-silver-label",
                "lead": (
                    "LifeScience Kraków Cluster has received the Cluster Management "
                    "Excellence Silver Label from ESCA. It is only the second cluster in "
                    "Poland, and roughly the 50th in Europe, to hold this distinction."
                ),
                "search_description": (
                    "LifeScience Kraków becomes the second Polish cluster to receive "
                    "ESCA’s Silver Label for excellence in cluster management."
                ),
                "tags": ["esca", "silver label", "lifescience kraków", "benchmarking"],
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>The European Secretariat for Cluster Analysis (ESCA) has awarded "
                            "LifeScience Kraków Cluster the international <i>Cluster Management "
                            "Excellence Silver Label</i>, known in Polish as the Srebrna Odznaka "
                            "Jakości Zarządzania Klastrem. The award takes the cluster up to the "
                            "next, higher level of the European certification scheme for "
                            "cluster management quality.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The label was preceded by a benchmarking analysis and a "
                            "certification audit. Their findings show that the management "
                            "processes the cluster organisation has been putting in place "
                            "consistently are delivering good results, and that the cluster "
                            "makes a real difference to its region and counts in Europe. The "
                            "assessment followed a methodology developed by an international "
                            "team of ESCA experts.</p>"
                        ),
                    ),
                    ("heading", "Six areas under review"),
                    (
                        "list",
                        [
                            "Cluster structure",
                            "Management and strategy",
                            "Financing",
                            "Services provided",
                            "External contacts and interaction",
                            "Results and reputation of the cluster",
                        ],
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The label is a way of validating a cluster organisation: "
                            "it attests to its quality and value, sets it apart from others, "
                            "encourages healthy competition and helps draw the attention of "
                            "potential partners. ESCA awards the label only to the best cluster "
                            "organisations, and it remains valid for two years.</p>"
                        ),
                    ),
                    (
                        "note",
                        {
                            "heading": "ESCA’s public cluster database",
                            "text": (
                                "<p>Every cluster organisation that completes the verification "
                                "process is entered in ESCA’s public database. The full list of "
                                "benchmarked clusters is available at " + _ESCA_DB_LINK + ".</p>"
                                "<p>The ESCA certification scheme is recognised throughout "
                                "Europe. In Poland, it is honoured by the Polish Agency for "
                                "Enterprise Development (PARP) and by the ministry responsible "
                                "for the economy.</p>"
                            ),
                        },
                    ),
                    (
                        "about_cluster",
                        {
                            "heading": "About LifeScience Kraków Cluster",
                            "text": (
                                "<p>LifeScience Kraków Cluster was established in 2006 as a "
                                "cooperation network of institutions and companies from the "
                                "southern Poland macro-region. Its members are united by shared "
                                "goals and a common vision for developing an innovation "
                                "ecosystem in biotechnology and the life sciences. Since "
                                "21 October 2016, the cluster has held National Key Cluster "
                                "status.</p>"
                                "<p>Find out more about the cluster at "
                                + _LIFESCIENCE_LINK
                                + ".</p>"
                            ),
                        },
                    ),
                ],
            },
            "ru": {
                "title": "Кластер LifeScience Kraków получил серебряный знак качества управления кластером",
                "slug": "klaster-lifescience-krakow-serebryany-znak-esca",
                "lead": (
                    "Кластер LifeScience Kraków получил от ESCA серебряный знак качества "
                    "управления кластером. Он стал лишь вторым кластером в Польше "
                    "и примерно пятидесятым в Европе, удостоенным этого знака."
                ),
                "search_description": (
                    "LifeScience Kraków — второй польский кластер, получивший серебряный "
                    "знак ESCA за качество управления кластером."
                ),
                "tags": ["esca", "серебряный знак", "lifescience kraków", "бенчмаркинг"],
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Европейский секретариат по кластерному анализу (ESCA) присвоил "
                            "кластеру LifeScience Kraków международный серебряный знак качества "
                            "управления кластером (<i>Cluster Management Excellence Silver "
                            "Label</i>). Тем самым кластер "
                            "поднялся на следующую, более высокую ступень европейской системы "
                            "сертификации качества управления кластерами.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Присвоению знака предшествовали сравнительный "
                            "(бенчмаркинговый) анализ и сертификационный аудит. Их итоги "
                            "показали, что процессы управления, которые организация кластера "
                            "последовательно внедряет, работают эффективно, а сам кластер "
                            "заметно влияет на развитие региона и занимает достойное место "
                            "в Европе. Оценка проводилась по методологии, разработанной "
                            "международной командой экспертов ESCA.</p>"
                        ),
                    ),
                    ("heading", "Шесть направлений оценки"),
                    (
                        "list",
                        [
                            "Структура кластера",
                            "Управление и стратегия",
                            "Финансирование",
                            "Предоставляемые услуги",
                            "Связи и взаимодействие с внешней средой",
                            "Результаты деятельности и репутация кластера",
                        ],
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Знак служит подтверждением надёжности кластерной "
                            "организации: он удостоверяет её качество и ценность, выделяет её "
                            "среди других, стимулирует здоровую конкуренцию и помогает привлечь "
                            "внимание потенциальных партнёров. ESCA присваивает его только "
                            "лучшим кластерным организациям, а срок действия знака "
                            "составляет два года.</p>"
                        ),
                    ),
                    (
                        "note",
                        {
                            "heading": "Открытая база данных ESCA",
                            "text": (
                                "<p>Каждая кластерная организация, прошедшая процедуру проверки, "
                                "вносится в открытую базу данных ESCA. Полный перечень "
                                "оценённых кластеров размещён по адресу " + _ESCA_DB_LINK + ".</p>"
                                "<p>Система сертификации ESCA признана во всей Европе. В Польше "
                                "её результаты принимают Польское агентство развития "
                                "предпринимательства (PARP) и министерство, отвечающее "
                                "за экономику.</p>"
                            ),
                        },
                    ),
                    (
                        "about_cluster",
                        {
                            "heading": "О кластере LifeScience Kraków",
                            "text": (
                                "<p>Кластер LifeScience Kraków создан в 2006 г. как сеть "
                                "сотрудничества учреждений и компаний из макрорегиона Южная "
                                "Польша, объединённых общими целями и видением развития "
                                "инновационной экосистемы в области биотехнологий и наук "
                                "о жизни. С 21 октября 2016 г. кластер имеет статус "
                                "национального ключевого кластера.</p>"
                                "<p>Подробнее о кластере — на сайте " + _LIFESCIENCE_LINK + ".</p>"
                            ),
                        },
                    ),
                ],
            },
        },
    },
    {
        "key": "kaluga-pharma-silver-label-2017",
        "cluster": "kaluga-pharma",
        "awards": [("kaluga-pharma", "esca-silver")],
        "release_date": datetime.date(2017, 11, 20),  # assumed: not stated in the seed
        "source_language": "en",
        "translations": {
            "pl": {
                "title": "Kałuski Klaster Farmaceutyczny jako pierwszy w Rosji ze srebrną odznaką ESCA",
                "slug": "kaluski-klaster-farmaceutyczny-srebrna-odznaka-esca",
                "lead": (
                    "Kałuski Klaster Farmaceutyczny jako pierwszy klaster w Rosji otrzymał "
                    "od Europejskiego Sekretariatu Analiz Klastrowych (ESCA) Srebrną "
                    "Odznakę Jakości Zarządzania Klastrem – po audycie przeprowadzonym "
                    "na miejscu w październiku 2017 r."
                ),
                "search_description": (
                    "Kałuski Klaster Farmaceutyczny jako pierwszy rosyjski klaster zdobył "
                    "srebrną odznakę ESCA za jakość zarządzania klastrem."
                ),
                "tags": ["esca", "srebrna odznaka", "kaługa", "farmacja"],
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>W dniach 24–26 października 2017 r. eksperci ESCA odwiedzili "
                            "Kałuski Klaster Farmaceutyczny, aby skontrolować system zarządzania "
                            "klastrem i ocenić jego działalność gospodarczą na podstawie "
                            "30 kluczowych wskaźników. Oceny dokonano zgodnie z metodą "
                            "<i>European Cluster Excellence Initiative</i>.</p>"
                        ),
                    ),
                    ("heading", "Audyt w skrócie"),
                    (
                        "list",
                        [
                            "Audyt na miejscu przeprowadzony przez ekspertów ESCA: 24–26 października 2017 r.",
                            "Metoda oceny: European Cluster Excellence Initiative",
                            "30 kluczowych wskaźników",
                            "Ponad 70% wskaźników znacznie powyżej wymaganych wartości",
                            "Porównanie z wiodącymi klastrami europejskimi z tego samego sektora",
                        ],
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Ponad 70% wskaźników klastra znacznie przekroczyło wymagane "
                            "progi, co dowodzi, że jego system zarządzania jest wysoce skuteczny, "
                            "a wyniki dorównują najlepszym praktykom światowym. To dziewiąta "
                            "srebrna odznaka przyznana w Europie klastrowi farmaceutycznemu "
                            "lub medycznemu – i pierwsza w Rosji.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Audyt na miejscu był dla nas ważnym krokiem w rozwoju, opartym "
                                "na systemowym podejściu, które stosuje zespół zarządzający "
                                "klastrem. Członkowie klastra w pełni nas wspierali – zarówno "
                                "przy przygotowywaniu dokumentacji, jak i przez cały czas trwania "
                                "audytu – i okazali prawdziwe zainteresowanie poprawą wyników "
                                "klastra. To znak, że wybraliśmy właściwy model współpracy. "
                                "Srebrna odznaka potwierdza, że klaster ma sprawny system "
                                "zarządzania, co ma szczególne znaczenie dla naszych partnerów "
                                "zagranicznych."
                            ),
                            "speaker": "Irina Nowikowa",
                            "role": "dyrektor generalna Stowarzyszenia „Kałuski Klaster Farmaceutyczny”",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Kałuski Klaster Farmaceutyczny otrzymał dziewiątą srebrną odznakę "
                                "przyznaną w Europie klastrowi farmaceutycznemu lub medycznemu, "
                                "a zarazem pierwszą w Rosji. To zasługa solidnej pracy zespołu klastra, "
                                "a wsparcie rządu obwodu kałuskiego sprawia, że ta praca przynosi "
                                "jeszcze lepsze efekty."
                            ),
                            "speaker": "Iwan Głuszkow",
                            "role": "przewodniczący zarządu Stowarzyszenia „Kałuski Klaster Farmaceutyczny”",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Srebrna odznaka Kałuskiego Klastra Farmaceutycznego to wybitne "
                                "osiągnięcie i bez wątpienia wzór dla innych. Żaden rosyjski "
                                "klaster nie osiągnął wcześniej tak wysokiego poziomu. Dołączając "
                                "do grona najlepszych klastrów Europy, klaster przetarł szlak "
                                "innym regionom. Gratuluję! Dziękuję zarządowi i członkom klastra "
                                "za ten znakomity wynik. Obwód kałuski jest dumny z tego sukcesu, "
                                "bo daje on nowy impuls klastrom z naszego regionu i z całej Rosji."
                            ),
                            "speaker": "Anatolij Sotnikow",
                            "role": (
                                "dyrektor Agencji Rozwoju Innowacyjnego – Centrum Rozwoju "
                                "Klastrów Obwodu Kałuskiego"
                            ),
                        },
                    ),
                    (
                        "note",
                        {
                            "heading": "O ESCA",
                            "text": (
                                "<p>Europejski Sekretariat Analiz Klastrowych (ESCA) z siedzibą "
                                "w Berlinie od 2008 r. przeprowadził audyty ponad 750 klastrów "
                                "w ramach European Cluster Excellence Initiative. W ciągu "
                                "ostatnich dwóch lat brązowe odznaki otrzymało zaledwie pięć "
                                "rosyjskich klastrów.</p>"
                                "<p>Kałuski Klaster Farmaceutyczny porównano z wiodącymi "
                                "klastrami europejskimi z tego samego sektora gospodarki "
                                "i oceniono na podstawie 30 kluczowych wskaźników.</p>"
                            ),
                        },
                    ),
                    (
                        "about_cluster",
                        {
                            "heading": "O Kałuskim Klastrze Farmaceutycznym",
                            "text": (
                                "<p>Kałuski Klaster Farmaceutyczny to klaster branży "
                                "farmaceutycznej działający w obwodzie kałuskim w Rosji. Jego "
                                "organizacją zarządzającą jest Stowarzyszenie „Kałuski Klaster "
                                "Farmaceutyczny”, a działalność klastra wspiera rząd obwodu "
                                "kałuskiego.</p>"
                            ),
                        },
                    ),
                ],
            },
            "en": {
                "title": "Kaluga Pharmaceutical Cluster becomes first in Russia to earn the ESCA Silver Label",
                "slug": "kaluga-pharmaceutical-cluster-esca-silver-label",
                "lead": (
                    "Kaluga Pharmaceutical Cluster is the first cluster in Russia to receive "
                    "the Cluster Management Excellence Silver Label from the European "
                    "Secretariat for Cluster Analysis (ESCA), following an on-site audit "
                    "in October 2017."
                ),
                "search_description": (
                    "Kaluga Pharmaceutical Cluster is the first Russian cluster to receive "
                    "ESCA’s Silver Label for excellence in cluster management."
                ),
                "tags": ["esca", "silver label", "kaluga", "pharmaceuticals"],
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>From 24 to 26 October 2017, a team of ESCA experts was on site at "
                            "Kaluga Pharmaceutical Cluster, reviewing its management system and rating "
                            "its business activities against 30 key indicators. The evaluation "
                            "followed the method of the <i>European Cluster Excellence "
                            "Initiative</i>.</p>"
                        ),
                    ),
                    ("heading", "The audit in brief"),
                    (
                        "list",
                        [
                            "On-site audit by ESCA experts: 24–26 October 2017",
                            "Assessment method: European Cluster Excellence Initiative",
                            "30 key indicators",
                            "More than 70% of indicators significantly above the required values",
                            "Compared with top European clusters in the same sector",
                        ],
                    ),
                    (
                        "paragraph",
                        (
                            "<p>With more than 70% of its indicators well above the required "
                            "thresholds, the cluster has shown that its management system is "
                            "highly effective and that its performance matches the world’s "
                            "leading practice. This is the ninth silver label awarded to a "
                            "pharmaceutical or medical cluster in Europe – and the first in "
                            "Russia.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "The on-site audit was a major step in our development, built on "
                                "the systematic approach taken by the cluster management team. "
                                "Our members backed us fully, both while we were preparing the "
                                "documentation and throughout the audit, and showed genuine "
                                "interest in improving the cluster’s performance. That tells us "
                                "we chose the right way to work together. The silver label "
                                "confirms that the cluster has an effective management system in "
                                "place, which matters especially to our partners abroad."
                            ),
                            "speaker": "Irina Novikova",
                            "role": "CEO, Kaluga Pharmaceutical Cluster Association",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Kaluga Pharmaceutical Cluster now holds the ninth silver "
                                "label awarded to a pharmaceutical or medical cluster in "
                                "Europe, and the first in Russia. That is down to the hard work "
                                "of the cluster team, and the support of the Kaluga Region "
                                "Government makes that work even more effective."
                            ),
                            "speaker": "Ivan Glushkov",
                            "role": "Chairman of the Board, Kaluga Pharmaceutical Cluster Association",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "The silver label is an outstanding achievement and, without "
                                "doubt, a benchmark for others. No Russian cluster has reached "
                                "this level before. By joining the ranks of Europe’s best "
                                "clusters, Kaluga Pharmaceutical Cluster has opened the way for "
                                "other regions. Congratulations! My thanks go to the board and "
                                "members of the cluster for this excellent result. The whole of Kaluga Region takes pride in it, "
                                "because it gives fresh impetus to clusters in our region and "
                                "across Russia."
                            ),
                            "speaker": "Anatoly Sotnikov",
                            "role": (
                                "Director, Agency for Innovative Development – Center for Cluster "
                                "Development of Kaluga Region"
                            ),
                        },
                    ),
                    (
                        "note",
                        {
                            "heading": "About ESCA",
                            "text": (
                                "<p>Since 2008, the Berlin-based European Secretariat for Cluster "
                                "Analysis (ESCA) has carried out audits of more than 750 clusters "
                                "under the European Cluster Excellence Initiative. In the past two "
                                "years, just five clusters from Russia have been awarded a bronze "
                                "label.</p>"
                                "<p>In the assessment, Kaluga Pharmaceutical Cluster was compared "
                                "with top-performing European clusters in its own sector of the "
                                "economy and scored on 30 key indicators.</p>"
                            ),
                        },
                    ),
                    (
                        "about_cluster",
                        {
                            "heading": "About Kaluga Pharmaceutical Cluster",
                            "text": (
                                "<p>Kaluga Pharmaceutical Cluster is a pharmaceutical cluster "
                                "based in the Kaluga Region of Russia. It is managed by the Kaluga "
                                "Pharmaceutical Cluster Association, and its work is supported by "
                                "the Kaluga Region Government.</p>"
                            ),
                        },
                    ),
                ],
            },
            "ru": {
                "title": "Калужский фармацевтический кластер первым в России получил серебряный знак ESCA",
                "slug": "kaluzhsky-farmatsevtichesky-klaster-serebryany-znak",
                "lead": (
                    "Калужский фармацевтический кластер стал первым в России кластером, "
                    "получившим серебряный знак качества управления кластером "
                    "от Европейского секретариата по кластерному анализу (ESCA), по итогам "
                    "выездного аудита в октябре 2017 г."
                ),
                "search_description": (
                    "Калужский фармацевтический кластер — первый российский кластер "
                    "с серебряным знаком ESCA за качество управления."
                ),
                "tags": ["esca", "серебряный знак", "калуга", "фармацевтика"],
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>С 24 по 26 октября 2017 г. эксперты ESCA посетили Калужский "
                            "фармацевтический кластер, чтобы провести аудит системы управления "
                            "кластером и оценить его деятельность по 30 ключевым показателям. "
                            "Оценка проводилась по методике <i>European Cluster Excellence "
                            "Initiative</i>.</p>"
                        ),
                    ),
                    ("heading", "Коротко об аудите"),
                    (
                        "list",
                        [
                            "Выездной аудит экспертов ESCA: 24–26 октября 2017 г.",
                            "Методика оценки: European Cluster Excellence Initiative",
                            "30 ключевых показателей",
                            "Более 70% показателей значительно превышают требуемые значения",
                            "Сравнение с ведущими европейскими кластерами той же отрасли",
                        ],
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Более 70% показателей кластера значительно превысили требуемые "
                            "значения. Это подтверждает, что система управления кластером "
                            "высокоэффективна, а результаты его работы соответствуют лучшим "
                            "мировым практикам. Кластеру принадлежит девятый в Европе "
                            "серебряный знак среди фармацевтических и медицинских "
                            "кластеров — и первый в России.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Выездной аудит стал для нас важным этапом развития, в основе "
                                "которого — системный подход команды управления кластером. "
                                "Участники кластера полностью поддержали нас и при подготовке "
                                "документов, и на протяжении всего аудита, проявив живой интерес "
                                "к повышению эффективности кластера. Это говорит о том, что мы "
                                "выбрали верную модель сотрудничества. Серебряный знак "
                                "подтверждает, что у кластера есть действенная система "
                                "управления, и это особенно важно для наших зарубежных партнёров."
                            ),
                            "speaker": "Ирина Новикова",
                            "role": "генеральный директор Ассоциации «Калужский фармацевтический кластер»",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Калужскому фармацевтическому кластеру принадлежит девятый "
                                "в Европе серебряный знак среди фармацевтических "
                                "и медицинских кластеров и первый в России. Это заслуга слаженной "
                                "работы команды кластера, а поддержка правительства Калужской "
                                "области делает эту работу ещё эффективнее."
                            ),
                            "speaker": "Иван Глушков",
                            "role": "председатель правления Ассоциации «Калужский фармацевтический кластер»",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Серебряный знак Калужского фармацевтического кластера — "
                                "выдающееся достижение и, безусловно, ориентир для других. "
                                "Ни одному российскому кластеру прежде не удавалось подняться "
                                "на такой уровень. Кластер вошёл в число лучших кластеров Европы "
                                "и проложил дорогу другим регионам. Отличная работа! Благодарю "
                                "правление и участников кластера за такой результат. Калужская "
                                "область гордится этим достижением: оно даёт новый стимул "
                                "кластерам нашего региона и всей России."
                            ),
                            "speaker": "Анатолий Сотников",
                            "role": (
                                "директор Агентства инновационного развития — центра кластерного "
                                "развития Калужской области"
                            ),
                        },
                    ),
                    (
                        "note",
                        {
                            "heading": "Об ESCA",
                            "text": (
                                "<p>Европейский секретариат по кластерному анализу (ESCA) "
                                "со штаб-квартирой в Берлине (Германия) с 2008 г. провёл аудит "
                                "более 750 кластеров в рамках European Cluster Excellence "
                                "Initiative. За последние два года бронзовые знаки получили "
                                "лишь пять российских кластеров.</p>"
                                "<p>Калужский фармацевтический кластер сравнивали с ведущими "
                                "европейскими кластерами того же сектора экономики и оценивали "
                                "по 30 ключевым показателям.</p>"
                            ),
                        },
                    ),
                    (
                        "about_cluster",
                        {
                            "heading": "О Калужском фармацевтическом кластере",
                            "text": (
                                "<p>Калужский фармацевтический кластер работает в Калужской "
                                "области России и специализируется на фармацевтике. Управляющей "
                                "организацией кластера является Ассоциация «Калужский "
                                "фармацевтический кластер», а его работу поддерживает "
                                "правительство Калужской области.</p>"
                            ),
                        },
                    ),
                ],
            },
        },
    },
]
