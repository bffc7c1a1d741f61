"""Profiles and organisations of the demo network (invented, but true to the district)."""

import random

from landnetz.core.models import Sector

# Persona profiles: (email, sector, job title, bio, topics, languages, interpreter, open to newcomers, visibility)
PERSONA_PROFILES = {
    "coordinator@example.org": (
        Sector.ADMINISTRATION, "Integrationskoordinatorin Landkreis Stendal",
        "Ich koordiniere das Integrationsnetzwerk im Landkreis Stendal: Sprachkurse, Beratung, Ehrenamt. "
        "Sprechen Sie mich an, wenn Sie nicht wissen, wer zuständig ist.",
        ["sprachkurse", "arbeitsmarkt", "foerdermittel", "ehrenamt"], [("de", "native"), ("en", "good")],
        False, True, "public",
    ),
    "volunteer@example.org": (
        Sector.CIVIL_SOCIETY, "Ehrenamtliche, Sprachcafé Tangerhütte",
        "Seit 2015 leite ich jeden Dienstag das Sprachcafé im Gemeindehaus. Kaffee, Kuchen und Deutsch üben.",
        ["ehrenamt", "begegnung", "sprachkurse"], [("de", "native"), ("ru", "basic")], False, True, "members",
    ),
    "newcomer@example.org": (
        Sector.OTHER, "",
        "Ich komme aus Charkiw und lebe mit meinen zwei Kindern in Tangerhütte. Ich suche einen Deutschkurs am Nachmittag.",
        ["sprachkurse", "schule-kita"], [("uk", "native"), ("ru", "fluent"), ("de", "basic")], False, False, "members",
    ),
    "employer@example.org": (
        Sector.BUSINESS, "Geschäftsführer, Metallbau Gräfe GmbH",
        "25 Mitarbeitende, Stahl- und Metallbau. Wir suchen Schweißer und Auszubildende – Deutschkenntnisse lernen wir gemeinsam.",
        ["arbeitsmarkt", "ausbildung", "anerkennung"], [("de", "native"), ("en", "basic")], False, True, "public",
    ),
    "migrantorg@example.org": (
        Sector.MIGRANT_ORGANISATION, "Vorsitzender, Syrisch-Deutscher Kulturverein Weißenfels",
        "Unser Verein bringt Familien zusammen: Hausaufgabenhilfe, Kulturfeste, Begleitung zu Ämtern.",
        ["begegnung", "kinder-jugend", "sprachmittlung"], [("ar", "native"), ("de", "fluent"), ("en", "good")],
        True, True, "public",
    ),
    "counsellor@example.org": (
        Sector.CIVIL_SOCIETY, "Migrationsberaterin, Caritas Naumburg",
        "Migrationsberatung für Erwachsene (MBE): Aufenthalt, Arbeit, Familie. Beratung auf Dari, Farsi, Arabisch und Deutsch.",
        ["beratung", "aufenthalt", "sprachmittlung", "frauen"],
        [("prs", "native"), ("fa", "native"), ("ar", "fluent"), ("de", "fluent")], True, True, "public",
    ),
    "roomowner@example.org": (
        Sector.CIVIL_SOCIETY, "Wehrleiter, Freiwillige Feuerwehr Bismark",
        "Unser Schulungsraum (40 Plätze, barrierefrei) steht für Begegnungsabende kostenlos zur Verfügung.",
        ["begegnung", "ehrenamt"], [("de", "native")], False, True, "public",
    ),
    "admin@example.org": (
        Sector.ADMINISTRATION, "Netzwerkadministration Landnetz", "", [], [("de", "native"), ("en", "fluent")],
        False, False, "members",
    ),
}

# Named invented members that make the directory worth searching.
NAMED_MEMBERS = [
    ("mariam.rahimi@example.org", "Mariam Rahimi", "15090535", Sector.CIVIL_SOCIETY, "Sprachmittlerin (Dari, Farsi)",
     ["sprachmittlung", "gesundheit"], [("prs", "native"), ("fa", "native"), ("de", "fluent")], True, "public"),
    ("hamid.sultani@example.org", "Hamid Sultani", "15090070", Sector.MIGRANT_ORGANISATION, "Dolmetscher",
     ["sprachmittlung", "aufenthalt"], [("prs", "native"), ("ps", "fluent"), ("de", "good")], True, "members"),
    ("anja.richter@example.org", "Dr. Anja Richter", "15090546", Sector.HEALTH, "Hausärztin",
     ["gesundheit"], [("de", "native"), ("en", "fluent"), ("ru", "good")], False, "public"),
    ("oksana.melnyk@example.org", "Oksana Melnyk", "15081135", Sector.EDUCATION, "Lehrerin für Deutsch als Zweitsprache",
     ["sprachkurse", "schule-kita"], [("uk", "native"), ("ru", "native"), ("de", "fluent")], True, "public"),
    ("georgi.dimitrov@example.org", "Georgi Dimitrov", "15084550", Sector.BUSINESS, "Schichtleiter, Fleischverarbeitung",
     ["arbeitsmarkt"], [("bg", "native"), ("de", "good"), ("ro", "basic")], True, "members"),
]

JOBS_BY_SECTOR = {
    Sector.ADMINISTRATION: ["Sachbearbeiterin Ausländerbehörde", "Integrationsbeauftragter", "Fallmanagerin Jobcenter",
                            "Bürgermeister", "Mitarbeiter Sozialamt"],
    Sector.BUSINESS: ["Personalleiterin", "Inhaber Bäckerei", "Ausbildungsleiter", "Pflegedienstleitung",
                      "Landwirt", "Betriebsberaterin Handwerkskammer"],
    Sector.CIVIL_SOCIETY: ["Ehrenamtlicher Pate", "Vereinsvorsitzende", "Jugendarbeiter", "Sprachcafé-Team",
                           "Koordinatorin Freiwilligenagentur", "Pfarrerin"],
    Sector.MIGRANT_ORGANISATION: ["Vorstandsmitglied", "Kulturmittlerin", "Elternbegleiter"],
    Sector.EDUCATION: ["Kursleiterin Integrationskurs", "Schulsozialarbeiter", "Erzieherin", "Berufsberater"],
    Sector.HEALTH: ["Kinderärztin", "Apotheker", "Hebamme", "Psychotherapeutin"],
    Sector.OTHER: ["Studentin", "Rentner", ""],
}
BIOS = [
    "Ich helfe gern bei Behördengängen und beim Ausfüllen von Formularen.",
    "Wir suchen Auszubildende und unterstützen beim Deutschlernen im Betrieb.",
    "Ich begleite Familien bei der Anmeldung in Kita und Schule.",
    "Ansprechpartner für Anerkennung ausländischer Berufsabschlüsse.",
    "Ich organisiere Begegnungsabende und Fahrgemeinschaften im Dorf.",
    "Beratung zu Wohnungssuche und Mietverträgen.",
    "Ich übersetze bei Arztbesuchen und Elterngesprächen.",
    "",
]
LANGUAGE_MIX = [
    [("de", "native")], [("de", "native"), ("en", "good")], [("de", "native"), ("ru", "basic")],
    [("ar", "native"), ("de", "good")], [("uk", "native"), ("ru", "fluent"), ("de", "basic")],
    [("prs", "native"), ("fa", "fluent"), ("de", "good")], [("bg", "native"), ("de", "basic")],
    [("ro", "native"), ("de", "good")], [("pl", "native"), ("de", "fluent")], [("ti", "native"), ("de", "basic")],
    [("tr", "native"), ("de", "native")], [("ku", "native"), ("ar", "fluent"), ("de", "good")],
]


def organisations_for(region, seat, rng: random.Random) -> list[dict]:
    """The organisations every district has, plus some local colour. ``seat`` is the main town."""
    short = region.name.removeprefix("Landkreis ")
    city = region.kind == "city"
    base = [
        dict(name=f"Jobcenter {short}", kind="jobcenter", sector=Sector.ADMINISTRATION,
             topics=["arbeitsmarkt", "ausbildung"], languages=["de", "en", "ar"],
             description="Grundsicherung für Arbeitsuchende, Vermittlung in Arbeit und Ausbildung, Sprachkursberatung."),
        dict(name=f"Ausländerbehörde {short}" if not city else f"Ausländerbehörde der Stadt {short}", kind="authority",
             sector=Sector.ADMINISTRATION, topics=["aufenthalt"], languages=["de", "en"],
             description="Aufenthaltstitel, Verlängerungen, Beschäftigungserlaubnis. Termine nur nach Vereinbarung."),
        dict(name=f"Kreisvolkshochschule {short}" if not city else f"Volkshochschule {short}", kind="school",
             sector=Sector.EDUCATION, topics=["sprachkurse", "ausbildung"], languages=["de", "en", "ar", "uk"],
             description="Integrationskurse, Berufssprachkurse (DeuFöV), Alphabetisierung, Kinderbetreuung während der Kurse."),
        dict(name=rng.choice(["Caritas Migrationsberatung", "Diakonie Migrationsdienst", "AWO Migrationsberatung",
                              "DRK Migrationsberatung"]) + f" {seat.name}",
             kind="counselling", sector=Sector.CIVIL_SOCIETY, topics=["beratung", "aufenthalt", "wohnen"],
             languages=["de", "ar", "fa", "ru"],
             description="Migrationsberatung für erwachsene Zugewanderte (MBE) und Jugendmigrationsdienst."),
        dict(name=f"Freiwilligenagentur {short}", kind="initiative", sector=Sector.CIVIL_SOCIETY,
             topics=["ehrenamt", "begegnung"], languages=["de", "en"],
             description="Wir vermitteln Ehrenamtliche an Vereine, Patenschaften und Sprachcafés."),
    ]
    extras = [
        dict(name=f"Sportverein Blau-Weiß {seat.name}", kind="club", sector=Sector.CIVIL_SOCIETY,
             topics=["sport", "kinder-jugend"], languages=["de"],
             description="Fußball, Tischtennis, Frauensport. Neue Mitglieder zahlen im ersten Jahr keinen Beitrag."),
        dict(name=f"Evangelische Kirchengemeinde {seat.name}", kind="church", sector=Sector.CIVIL_SOCIETY,
             topics=["begegnung", "ehrenamt"], languages=["de", "en"],
             description="Welcome-Café jeden Donnerstag, Kleiderkammer, Hausaufgabenhilfe."),
        dict(name=f"Tafel {seat.name} e.V.", kind="club", sector=Sector.CIVIL_SOCIETY, topics=["frauen"],
             languages=["de", "ru"], description="Lebensmittelausgabe dienstags und freitags."),
    ]
    return base + rng.sample(extras, k=1)


SPECIAL_ORGANISATIONS = [
    # (name, municipality AGS, kind, sector, topics, languages, description, admin e-mail)
    ("Metallbau Gräfe GmbH", "15081135", "business", Sector.BUSINESS, ["arbeitsmarkt", "ausbildung"], ["de"],
     "Stahl- und Metallbau mit 25 Mitarbeitenden. Ausbildung zum Metallbauer, Einstieg auch mit Sprachkurs im Betrieb.",
     "employer@example.org"),
    ("Syrisch-Deutscher Kulturverein Weißenfels e.V.", "15084550", "migrant_organisation",
     Sector.MIGRANT_ORGANISATION, ["begegnung", "kinder-jugend", "sprachmittlung"], ["ar", "de", "ku"],
     "Hausaufgabenhilfe, Kulturfeste, Begleitung zu Ämtern und Ärzten.", "migrantorg@example.org"),
    ("Afghanischer Frauenverein Burgenland e.V.", "15084355", "migrant_organisation", Sector.MIGRANT_ORGANISATION,
     ["frauen", "sprachmittlung", "gesundheit"], ["prs", "fa", "ps", "de"],
     "Treffpunkt für Frauen aus Afghanistan: Nähkurs, Deutsch üben, Begleitung zur Frauenärztin.", None),
    ("Ukrainische Gemeinschaft Altmark e.V.", "15090535", "migrant_organisation", Sector.MIGRANT_ORGANISATION,
     ["begegnung", "schule-kita", "sprachmittlung"], ["uk", "ru", "de"],
     "Selbsthilfe ukrainischer Familien in der Altmark: Elterntreff, Übersetzungshilfe, Kulturabende.", None),
    ("Bulgarischer Kulturverein Zeitz", "15084590", "migrant_organisation", Sector.MIGRANT_ORGANISATION,
     ["arbeitsmarkt", "begegnung"], ["bg", "de"], "Beratung für Beschäftigte aus Bulgarien, Sonntagsschule.", None),
    ("Freiwillige Feuerwehr Bismark", "15090070", "club", Sector.CIVIL_SOCIETY, ["ehrenamt", "begegnung"], ["de"],
     "Schulungsraum mit 40 Plätzen, barrierefrei, kostenlos für Begegnungsveranstaltungen.", "roomowner@example.org"),
    ("Sprachcafé Tangerhütte", "15090546", "initiative", Sector.CIVIL_SOCIETY, ["sprachkurse", "begegnung"],
     ["de", "uk", "ar"], "Jeden Dienstag 15–17 Uhr im Gemeindehaus: Deutsch sprechen bei Kaffee und Kuchen.",
     "volunteer@example.org"),
    ("Caritas Migrationsberatung Naumburg", "15084355", "counselling", Sector.CIVIL_SOCIETY,
     ["beratung", "aufenthalt", "frauen"], ["de", "prs", "fa", "ar"],
     "Migrationsberatung für Erwachsene, auch aufsuchend in den Dörfern des Burgenlandkreises.",
     "counsellor@example.org"),
    ("Integrationskoordination Landkreis Stendal", "15090535", "authority", Sector.ADMINISTRATION,
     ["sprachkurse", "foerdermittel", "ehrenamt"], ["de", "en"],
     "Koordinierungsstelle für Integration: Netzwerk, Förderberatung, Übersicht der Angebote im Landkreis.",
     "coordinator@example.org"),
    ("IHK Magdeburg – Willkommenslotsen", "15003000", "chamber", Sector.BUSINESS, ["arbeitsmarkt", "anerkennung"],
     ["de", "en"], "Unterstützung kleiner und mittlerer Unternehmen bei der Einstellung Geflüchteter.", None),
    ("Handwerkskammer Halle – Anerkennungsberatung", "15002000", "chamber", Sector.BUSINESS,
     ["anerkennung", "ausbildung"], ["de", "en", "ar"], "Beratung zur Anerkennung ausländischer Berufsabschlüsse im Handwerk.",
     None),
    ("Medizinisches Versorgungszentrum Stendal", "15090535", "health", Sector.HEALTH, ["gesundheit"],
     ["de", "en", "ru", "ar"], "Allgemeinmedizin und Kinderheilkunde, Dolmetschtermine nach Absprache.", None),
]
