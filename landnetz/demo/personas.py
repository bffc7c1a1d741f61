"""The demo network: the personas of the product brief and invented members around them.

Names, e-mail addresses and texts are invented. Places are real municipalities of
Sachsen-Anhalt, looked up by their official key (AGS).
"""

DEMO_PASSWORD = "Landnetz-Demo-2026"
# A fixed TOTP secret for the demo admin, so that the admin area can be tried:
# add it to an authenticator app (or run `manage.py demo_totp_code`).
DEMO_ADMIN_TOTP_SECRET = "LANDNETZDEMOADMINSACHSENANHALTQQ"

# (e-mail, display name, municipality AGS, language, large text, coordinator of region AGS, admin)
PERSONAS = [
    ("coordinator@example.org", "Katrin Behrendt", "15090535", "de", False, "15090", False),
    ("volunteer@example.org", "Helga Wiesner", "15090546", "de", True, None, False),
    ("newcomer@example.org", "Olena Kovalenko", "15090546", "uk", False, None, False),
    ("employer@example.org", "Thomas Gräfe", "15081135", "de", False, None, False),
    ("migrantorg@example.org", "Samir Haddad", "15084550", "de", False, None, False),
    ("counsellor@example.org", "Farida Ahmadi", "15084355", "de", False, None, False),
    ("roomowner@example.org", "Jens Kowalski", "15090070", "de", False, None, False),
    ("admin@example.org", "Sabine Lorenz", "15003000", "de", False, None, True),
]

# Invented members around the personas: German, Ukrainian, Syrian, Afghan and Bulgarian names.
FIRST_NAMES = [
    "Anja", "Bernd", "Claudia", "Dirk", "Elke", "Frank", "Gabriele", "Heiko", "Ines", "Jörg",
    "Kerstin", "Lars", "Monika", "Nico", "Petra", "Ralf", "Silke", "Torsten", "Ute", "Volker",
    "Oksana", "Dmytro", "Iryna", "Andrij", "Natalija", "Taras",
    "Ahmad", "Rasha", "Khaled", "Lina", "Yusuf", "Nour",
    "Mariam", "Hamid", "Zahra", "Farhad", "Sadia",
    "Ivana", "Georgi", "Desislava", "Nikolaj",
]  # fmt: skip
LAST_NAMES = [
    "Müller", "Schulze", "Lehmann", "Krüger", "Richter", "Wolf", "Neumann", "Schwarz", "Zimmermann",
    "Braun", "Hartmann", "Lange", "Werner", "Köhler", "Franke", "Schröder",
    "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravets",
    "Al-Hassan", "Khalil", "Darwish", "Mansour", "Nasser",
    "Rahimi", "Sultani", "Karimi", "Noori",
    "Petrova", "Dimitrov", "Ivanova", "Georgiev",
]  # fmt: skip
