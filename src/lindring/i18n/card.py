"""The pocket card's words in both languages (registered with lindring.i18n). Every
number in them is filled in from the table when the card is built."""

from __future__ import annotations

from lindring.i18n import register

MESSAGES: dict[str, dict[str, str]] = {
    "card.title": {
        "en": "Opioid conversion: equianalgesic daily doses",
        "nb": "Opioidkonvertering: ekvianalgetiske døgndoser",
    },
    "card.back_title": {
        "en": "Opioid conversion: rules",
        "nb": "Opioidkonvertering: regler",
    },
    "card.from": {"en": "Oral morphine", "nb": "Morfin peroralt"},
    "card.legend": {
        "en": "Bold: the equianalgesic daily dose (the table's point values). Below it: the suggested start, built from products sold in Norway, after the reduction for incomplete cross-tolerance when the drug changes. Check every start with lindring convert, which also gives the single doses and warnings.",
        "nb": "Uthevet: ekvianalgetisk døgndose (tabellens punktverdier). Under: foreslått start, satt sammen av preparater som selges i Norge, etter reduksjon for ufullstendig krysstoleranse når legemiddelet byttes. Sjekk hver start med lindring convert, som også gir enkeltdoser og varsler.",
    },
    "card.draft": {"en": "UTKAST / DRAFT", "nb": "UTKAST / DRAFT"},
    # footnotes of a cell without a start
    "card.note.too_small": {
        "en": "Below the smallest regimen of the products sold.",
        "nb": "Under minste dosering preparatene som selges gir.",
    },
    "card.note.too_small_patch": {
        "en": "Below the smallest patch strength sold.",
        "nb": "Under minste plasterstyrke som selges.",
    },
    "card.note.too_large": {
        "en": "Above what the products sold give within the reduction band: ask a palliative care team.",
        "nb": "Over det preparatene som selges gir innenfor reduksjonsbåndet: spør palliativt team.",
    },
    "card.note.above_ceiling": {
        "en": "Above the drug's maximum daily dose: choose another opioid.",
        "nb": "Over største døgndose for legemiddelet: velg et annet opioid.",
    },
    "card.note.not_sold": {
        "en": "No product sold for this route.",
        "nb": "Ingen preparater selges for denne veien.",
    },
    "card.note.not_covered": {
        "en": "The profile has no factor for this drug and route.",
        "nb": "Profilen har ingen faktor for dette legemiddelet og denne veien.",
    },
    "card.note.refused": {
        "en": "Not calculated: see lindring convert for the reason.",
        "nb": "Ikke beregnet: lindring convert viser hvorfor.",
    },
    # the back
    "card.h.reduction": {
        "en": "Switching opioid",
        "nb": "Bytte av opioid",
    },
    "card.reduction": {
        "en": "Reduce the equianalgesic dose by {low}-{high} % (usually {default} %) below {threshold} mg oral morphine equivalent (OME) a day, and by {above} % at {threshold} mg or more.",
        "nb": "Reduser den ekvianalgetiske dosen med {low}-{high} % (vanligvis {default} %) under {threshold} mg oral morfinekvivalent (OME) per døgn, og med {above} % ved {threshold} mg eller mer.",
    },
    "card.same_drug": {
        "en": "Same opioid, another route: no fixed reduction. {advice}",
        "nb": "Samme opioid, annen vei: ingen fast reduksjon. {advice}",
    },
    "card.h.breakthrough": {"en": "Breakthrough dose", "nb": "Behovsdose"},
    "card.breakthrough": {
        "en": "{fraction} of the daily dose (range {low} to {high}), as an immediate-release product.",
        "nb": "{fraction} av døgndosen (fra {low} til {high}), som hurtigvirkende preparat.",
    },
    "card.breakthrough_patch": {
        "en": "With a patch: {fraction} of the patch's daily OME, as {drug} {route}.",
        "nb": "Med plaster: {fraction} av plasterets OME per døgn, som {drug} {route}.",
    },
    "card.h.ratios": {
        "en": "Same drug, another route",
        "nb": "Samme legemiddel, annen vei",
    },
    "card.ratio_key": {
        "en": "{first}:{second} {value}:1 means that {value} mg {first} acts like 1 mg {second}. For a patch, the amount it delivers in 24 hours counts.",
        "nb": "{first}:{second} {value}:1 betyr at {value} mg {first} virker som 1 mg {second}. For plaster gjelder mengden det avgir per døgn.",
    },
    "card.h.specialist": {"en": "Ask a specialist", "nb": "Spør spesialist"},
    "card.methadone": {"en": "{drug}: {text}", "nb": "{drug}: {text}"},
    "card.transmucosal": {
        "en": "Transmucosal fentanyl ({names}): {text}",
        "nb": "Transmukøs fentanyl ({names}): {text}",
    },
    "card.h.renal": {"en": "Kidney impairment", "nb": "Nedsatt nyrefunksjon"},
    "card.h.maximum": {"en": "Maximum daily dose", "nb": "Største døgndose"},
    "card.maximum": {
        "en": "{doses}. Breakthrough doses count toward it; lindring never starts above it.",
        "nb": "{doses}. Behovsdoser teller med; lindring starter aldri over den.",
    },
    "card.h.table": {"en": "The table", "nb": "Tabellen"},
    "card.table": {
        "en": "Conversion table {version} of {date}, status: {status}.",
        "nb": "Konverteringstabell {version} av {date}, status: {status}.",
    },
    "card.version_line": {
        "en": "lindring, table {version} ({status})",
        "nb": "lindring, tabell {version} ({status})",
    },
    "card.profile": {
        "en": "Profile: {name}.",
        "nb": "Profil: {name}.",
    },
    "card.sources": {
        "en": "Every number's source (title, year, section): lindring table, and tables/opioids.yaml (docs/tables.md). Made with lindring {lindring}.",
        "nb": "Kilden til hvert tall (tittel, år, avsnitt): lindring table, og tables/opioids.yaml (docs/tables.md). Laget med lindring {lindring}.",
    },
    "card.status.draft": {"en": "draft, not reviewed", "nb": "utkast, ikke gjennomgått"},
    "card.status.reviewed": {"en": "reviewed", "nb": "gjennomgått"},
    "card.route.po": {"en": "po", "nb": "po"},
    "card.route.sc": {"en": "sc", "nb": "sc"},
    "card.route.iv": {"en": "iv", "nb": "iv"},
    "card.route.rectal": {"en": "rectal", "nb": "rektalt"},
    "card.route.sl": {"en": "sl", "nb": "sl"},
    "card.route.td": {"en": "patch", "nb": "plaster"},
    "card.route.buccal": {"en": "buccal", "nb": "bukkalt"},
    "card.route.nasal": {"en": "nasal", "nb": "nasalt"},
    # links from the exported handbook
    "card.link_pdf": {
        "en": "Pocket card for printing (PDF, A6)",
        "nb": "Lommekort til utskrift (PDF, A6)",
    },
    "card.link_html": {
        "en": "Pocket card as a web page",
        "nb": "Lommekortet som nettside",
    },
    # the command
    "card.missing_library": {
        "en": "the PDF card needs the typst package: pip install 'lindring[card]' (or use --html)",
        "nb": "PDF-kortet trenger pakken typst: pip install 'lindring[card]' (eller bruk --html)",
    },
    "card.exists": {
        "en": "'{path}' exists; add --overwrite to replace it",
        "nb": "«{path}» finnes fra før; legg til --overwrite for å erstatte den",
    },
    "card.not_writable": {
        "en": "cannot write '{path}': {reason}",
        "nb": "kan ikke skrive «{path}»: {reason}",
    },
    "card.written": {
        "en": "wrote {path} ({what})",
        "nb": "skrev {path} ({what})",
    },
}

register(MESSAGES)
