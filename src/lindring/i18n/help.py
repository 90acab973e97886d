"""The command line's help in Norwegian bokmål: ``lindring --help`` and each command's.

The English help is written where each command and option is declared (``lindring.cli``);
this catalogue gives each of those texts in Norwegian, keyed by the English text, and
the words of the help layout itself. ``lindring.cli.localize`` puts them in place when
the language is ``nb`` (``--lang nb``, ``LINDRING_LANG`` or the locale). A test checks
that every help text of every command has its Norwegian here.
"""

from __future__ import annotations

_SHARED = {
    "Language of the output: nb or en (default: $LINDRING_LANG, then the locale).": "Språket i utskriften: nb eller en (standard: $LINDRING_LANG, ellers språket i systemet).",
    "Read the conversion table from DIR (default: $LINDRING_TABLES, then the table shipped with lindring).": "Les omregningstabellen fra MAPPE (standard: $LINDRING_TABLES, ellers tabellen som følger med lindring).",
    "Print one JSON object (docs/json.md).": "Skriv ut ett JSON-objekt (docs/json.md).",
    "Show a traceback on internal errors.": "Vis hele feilsporet ved interne feil.",
    "Use the factors of another guideline: fpm-uk, cdc-2022, anzca-2021 (tables/profiles/; default: the Norwegian table). `lindring compare` shows all.": "Bruk faktorene fra en annen retningslinje: fpm-uk, cdc-2022, anzca-2021 (tables/profiles/; standard: den norske tabellen). `lindring compare` viser alle.",
    "e.g. oxycodone 40mg po to morphine sc; oksykodon 20 mg x2 po til morfin sc": "f.eks. oksykodon 20 mg x2 po til morfin sk; oksykodon 20 mg 1+0+1 po til morfin sk",
    "Reduction for incomplete cross-tolerance in percent (0-75), instead of the handbook's default.": "Reduksjon for ufullstendig krysstoleranse i prosent (0-75), i stedet for håndbokens standard.",
    "Preferred dose interval in hours (1, 2, 3, 4, 6, 8, 12 or 24; default: the intervals the table gives each product).": "Ønsket doseintervall i timer (1, 2, 3, 4, 6, 8, 12 eller 24; standard: intervallene tabellen gir hvert preparat).",
}

_ROOT = {
    "Opioid conversion calculator and handbook for palliative care (offline).": "Omregning mellom opioider og håndbok for palliasjon (uten nett).",
    "Show the version.": "Vis versjonen.",
    "Language of every command's output and help: nb or en (as each command's --lang).": "Språket i utskriften og hjelpen til alle kommandoer: nb eller en (som --lang for hver kommando).",
    "Install completion for SHELL (bash, zsh, fish; default: the current one).": "Installer fullføring for SKALL (bash, zsh, fish; standard: skallet du bruker).",
    "Print the completion script for SHELL, to install it by hand.": "Skriv ut fullføringsskriptet for SKALL, for å installere det selv.",
}

_CONVERT = {
    "Convert an opioid dose to another drug or route, showing the working.": "Regn om en opioiddose til et annet legemiddel eller en annen vei, med utregningen.",
    "Every step and warning in full, and every source cited in full.": "Hvert trinn og hver advarsel i sin helhet, og alle kilder fullt ut.",
    "Also plan a pain pump for the suggested daily dose (sc or iv target; defaults as `lindring pump`).": "Planlegg også en smertepumpe for foreslått døgndose (mål sk eller iv; standardverdier som `lindring pump`).",
    "End with the handbook section that explains this conversion (`lindring handbook CHAPTER`).": "Avslutt med avsnittet i håndboken som forklarer denne omregningen (`lindring handbook KAPITTEL`).",
    "The patient's eGFR in ml/min/1.73 m²: the table's renal advice for the target drug (avoid, reduce, prefer), and a reduced start where a source gives one.": "Pasientens eGFR i ml/min/1,73 m²: tabellens råd ved nedsatt nyrefunksjon for det nye legemiddelet (unngå, reduser, foretrekk), og lavere startdose der en kilde gir det.",
    "A frail or elderly patient: the table's reduction for frailty when it is larger than the handbook's (applied once, never on top).": "Skrøpelig eller eldre pasient: tabellens reduksjon for skrøpelige når den er større enn håndbokens (brukes én gang, aldri i tillegg).",
}

_CONVERT_EXAMPLES = """Eksempler:

  lindring convert oksykodon 20 mg 1+0+1 po til morfin sk

  lindring convert oksykodon 40mg po til morfin sk --egfr 35 --frail

  lindring convert "oksykodon 20mg po x2" + "fentanyl 25mcg/t td" til morfin sk --pump

  lindring convert morfin 90mg x2 po til fentanyl td --json

Doser: 40mg, 2,5 mg, 100 mcg, 20 mg x2, 2x20mg, 20 mg 1+0+1, 10 mg hver 4. time,
20 mg 3 ganger daglig, 40 mg/døgn, 25 mcg/t (plaster), 5 mg x3 v.b. (behovsdoser tatt).
En dose uten hyppighet er døgndosen.
"""

_OTHERS = {
    # pump
    "Plan a pain pump: concentration, rate in ml/h, bolus and what to draw up.": "Planlegg en smertepumpe: konsentrasjon, hastighet i ml/t, bolus og hva som trekkes opp.",
    "e.g. morphine 30mg/24h sc": "f.eks. morfin 30mg/døgn sk",
    "Another drug in the same pump, per 24 h, e.g. --add 'midazolam 10mg/24h' (midazolam, haloperidol, glycopyrronium).": "Et legemiddel til i samme pumpe, per døgn, f.eks. --add 'midazolam 10mg/døgn' (midazolam, haloperidol, glykopyrron).",
    "Days the reservoir should last (default from the table: 7).": "Antall døgn reservoaret skal vare (standard fra tabellen: 7).",
    "Reservoir volume in ml (default 100).": "Reservoarets volum i ml (standard 100).",
    "Opioid concentration in the reservoir; the rate follows from it.": "Opioidkonsentrasjonen i reservoaret; hastigheten følger av den.",
    "Bolus as a fraction of the daily dose.": "Bolus som brøkdel av døgndosen.",
    # batch
    "Convert every row of a CSV or JSON Lines file; check prescribed doses (docs/batch.md).": "Regn om hver rad i en CSV- eller JSON Lines-fil; kontroller forskrevne doser (docs/batch.md).",
    "CSV (Excel, ; or ,) or JSON Lines file, one conversion per row; - reads stdin.": "CSV-fil (Excel, ; eller ,) eller JSON Lines-fil, én omregning per rad; - leser standard inn.",
    "Write here (default, or -: standard output).": "Skriv hit (standard, eller -: standard ut).",
    "Output format (default: the input's own; xlsx-friendly = UTF-8 with BOM, semicolons, decimal comma).": "Format på utfilen (standard: som innfilen; xlsx-friendly = UTF-8 med BOM, semikolon, desimalkomma).",
    "Input delimiter: ';', ',' or tab (default: detected).": "Skilletegn i innfilen: ';', ',' eller tabulator (standard: funnet automatisk).",
    "Input encoding, e.g. cp1252 (default: detected).": "Tegnkoding i innfilen, f.eks. cp1252 (standard: funnet automatisk).",
    "Replace OUTPUT if it exists (never the input).": "Erstatt UTFIL hvis den finnes (aldri innfilen).",
    "Worker processes (0: one per processor; default: 1).": "Antall prosesser (0: én per prosessor; standard: 1).",
    "Register mode: one line per value of COLUMN (a patient id) with the summed daily oral morphine equivalent of its rows.": "Registermodus: én linje per verdi i KOLONNE (et pasientnummer) med summen av radenes orale morfinekvivalent per døgn.",
    # card
    "Write the two-sided pocket card (A6) from the conversion table (nb by default).": "Lag det tosidige lommekortet (A6) fra omregningstabellen (nb som standard).",
    "Write the card here (default: card.pdf, or card.html with --html; - : stdout).": "Skriv kortet hit (standard: card.pdf, eller card.html med --html; - : standard ut).",
    "Write the card as one HTML page.": "Skriv kortet som én HTML-side.",
    "Replace FILE if it exists.": "Erstatt FIL hvis den finnes.",
    "Language of the card: nb or en (default: $LINDRING_LANG, then nb).": "Språket på kortet: nb eller en (standard: $LINDRING_LANG, ellers nb).",
    # drugs, table
    "List the drugs, their names, aliases and brand names, and their routes.": "List legemidlene, navnene deres, andre navn og handelsnavn, og administrasjonsveiene.",
    "Print the conversion table: factor, range, ceiling and sources per drug and route.": "Skriv ut omregningstabellen: faktor, spenn, tak og kilder per legemiddel og vei.",
    # validate, check, diff
    "Validate tables, profiles, the panel and handbook chapters; report every problem.\n\nExit 0 when there are no errors (warnings are shown), 4 when there are.": "Valider tabeller, profiler, panelet og kapitlene i håndboken; meld hvert problem.\n\nAvslutningskode 0 når det ikke er feil (advarsler vises), 4 når det er feil.",
    "Table files, tables/ or handbook/ (default: the tables and the handbook).": "Tabellfiler, tables/ eller handbook/ (standard: tabellene og håndboken).",
    "text: FILE:LINE:COL: key: message; github: annotations on the changed line in CI; json: one object.": "text: FIL:LINJE:KOL: nøkkel: melding; github: merknader på den endrede linjen i CI; json: ett objekt.",
    "Check that the whole table works: every conversion, round trip, patch, ceiling,\nname and source; profiles; handbook embeds; a new version when numbers changed.\n\nExit 0 when every check passes, 4 when any fails.": "Kontroller at hele tabellen virker: hver omregning, tur-retur, plaster, tak,\nnavn og kilde; profiler; innebygde tall i håndboken; ny versjon når tall er endret.\n\nAvslutningskode 0 når alle kontroller består, 4 når noen feiler.",
    "Check the embeds of the chapters in DIR (default: the handbook lindring ships).": "Kontroller de innebygde tallene i kapitlene i MAPPE (standard: håndboken som følger med lindring).",
    "Show every panel conversion whose result changes from OLD to NEW (largest increase\nof the suggested start first), and every changed factor, range, source and ceiling.": "Vis hver omregning i panelet der resultatet endres fra GAMMEL til NY (største økning\ni foreslått startdose først), og hver endret faktor, spenn, kilde og tak.",
    "A table file, a tables directory or a git revision (HEAD~1, a tag).": "En tabellfil, en tabellmappe eller en git-revisjon (HEAD~1, en tag).",
    "As OLD (default: the working copy, tables/ or --tables).": "Som GAMMEL (standard: arbeidskopien, tables/ eller --tables).",
    "The doses to convert (default: panel.yaml).": "Dosene som skal regnes om (standard: panel.yaml).",
    # compare
    "Convert under every guideline profile (Norwegian, UK FPM, US CDC 2022, ANZCA)\nside by side, with the spread: how much the guidelines disagree.": "Regn om etter hver retningslinje (norsk, britisk FPM, amerikansk CDC 2022, ANZCA)\nside om side, med spennet: hvor mye retningslinjene er uenige.",
    # handbook
    "The clinical handbook (Norwegian bokmål): list, show, search and export chapters.": "Den kliniske håndboken (bokmål): list, vis, søk i og eksporter kapitler.",
    "List the chapters; `lindring handbook CHAPTER` shows one.": "List kapitlene; `lindring handbook KAPITTEL` viser ett.",
    "Read the chapters from DIR (default: $LINDRING_HANDBOOK, then the handbook shipped with lindring).": "Les kapitlene fra MAPPE (standard: $LINDRING_HANDBOOK, ellers håndboken som følger med lindring).",
    "Show one chapter, with its numbers taken from the conversion table.": "Vis ett kapittel, med tallene hentet fra omregningstabellen.",
    "Chapter id, e.g. plaster.": "Kapittelets id, f.eks. plaster.",
    "Print the chapter without a pager.": "Skriv ut kapittelet uten bla-visning.",
    "Find the chapters and sections that match WORDS, best first, with snippets.": "Finn kapitlene og avsnittene som passer med ORD, beste treff først, med utdrag.",
    "What to look for, in Norwegian or English (smertepumpe, naloxone, OxyNorm).": "Hva du leter etter, på norsk eller engelsk (smertepumpe, nalokson, OxyNorm).",
    "Write the handbook as static, self-contained HTML with offline search and the\npocket card (readable offline; the search box in --lang, bokmål by default).": "Skriv håndboken som statisk, selvstendig HTML med søk uten nett og\nlommekortet (kan leses uten nett; søkeboksen på --lang, bokmål som standard).",
    "Write one HTML page per chapter and index.html to DIR.": "Skriv én HTML-side per kapittel og index.html til MAPPE.",
}

_COMPARE_EXAMPLES = """Eksempler:

  lindring compare oksykodon 40mg po til morfin po

  lindring compare morfin 120mg po til fentanyl td --json
"""

#: English help text -> Norwegian
HELP_NB: dict[str, str] = {**_SHARED, **_ROOT, **_CONVERT, **_OTHERS}
#: command name -> its Norwegian epilog (the examples)
EPILOGS_NB = {"convert": _CONVERT_EXAMPLES, "compare": _COMPARE_EXAMPLES}

#: placeholders in usage lines and option lists
METAVARS_NB = {
    "DRUG DOSE ROUTE to DRUG ROUTE": "LEGEMIDDEL DOSE VEI til LEGEMIDDEL VEI",
    "DRUG DOSE ROUTE": "LEGEMIDDEL DOSE VEI",
    "'DRUG DOSE'": "'LEGEMIDDEL DOSE'",
    "PCT": "PROSENT",
    "HOURS": "TIMER",
    "NAME": "NAVN",
    "DIR": "MAPPE",
    "[SHELL]": "[SKALL]",
    "OUTPUT": "UTFIL",
    "INPUT": "INNFIL",
    "FILE": "FIL",
    "CHAR": "TEGN",
    "COLUMN": "KOLONNE",
    "CHAPTER": "KAPITTEL",
    "WORDS": "ORD",
    "PATHS": "STIER",
    "OLD": "GAMMEL",
    "NEW": "NY",
    "[NEW]": "[NY]",
    "[OPTIONS]": "[VALG]",
    "COMMAND [ARGS]...": "KOMMANDO [ARG]...",
}

#: the words of the help layout (Click's)
LAYOUT_NB = {
    "Usage: ": "Bruk: ",
    "Arguments": "Argumenter",
    "Options": "Valg",
    "Commands": "Kommandoer",
    "Show this message and exit.": "Vis denne hjelpen og avslutt.",
    "required": "påkrevd",
    "default": "standard",
}

#: Click's usage errors (regular expression -> Norwegian; groups keep names and values)
USAGE_NB: tuple[tuple[str, str], ...] = (
    (r"No such option: (\S+)(.*)", "ukjent valg: {0}{1}"),
    (r"No such command '(.+?)'\.(.*)", "ukjent kommando «{0}».{1}"),
    (r"Missing command\.", "kommando mangler."),
    (r"Missing argument '(.+?)'\.(.*)", "argumentet {0} mangler.{1}"),
    (r"Missing option '(.+?)'\.(.*)", "valget {0} mangler.{1}"),
    (r"Got unexpected extra arguments? \((.+)\)", "uventede ekstra ord ({0})"),
    (r"Option '(.+?)' requires (?:an argument|\d+ arguments)\.", "valget {0} trenger en verdi."),
    (r"Option '(.+?)' does not take a value\.", "valget {0} tar ingen verdi."),
    (
        r"Invalid value for '(.+?)': '(.*)' is not a valid int(?:eger)?\.",
        "ugyldig verdi for {0}: «{1}» er ikke et heltall.",
    ),
    (r"Invalid value for '(.+?)': (.+)", "ugyldig verdi for {0}: {1}"),
)
#: phrases inside those messages
USAGE_PHRASES_NB = {"(Possible options:": "(mulige valg:", "Did you mean": "Mente du"}
#: the words around a usage error
USAGE_WORDS_NB = {"hint": "Skriv «{command} {option}» for hjelp.", "error": "Feil"}
