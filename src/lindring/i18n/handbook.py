"""The handbook's sentences: command messages in both languages (registered with
lindring.i18n), and the bokmål words the embeds and the generated parts of a chapter
use (chapters are written in bokmål only)."""

from __future__ import annotations

from lindring.i18n import register

MESSAGES: dict[str, dict[str, str]] = {
    "handbook_invalid": {
        "en": "the handbook has {count} problem(s); the first: {first}",
        "nb": "håndboken har {count} feil; den første: {first}",
    },
    "handbook_unknown_chapter": {
        "en": "no chapter '{name}'. Close: {suggestions}. `lindring handbook` lists them all; `lindring handbook search {name}` searches the text.",
        "nb": "ingen kapittel «{name}». Nære: {suggestions}. `lindring handbook` viser alle; `lindring handbook search {name}` søker i teksten.",
    },
    "handbook_unknown_chapter_none": {
        "en": "no chapter '{name}'. `lindring handbook` lists them all; `lindring handbook search {name}` searches the text.",
        "nb": "ingen kapittel «{name}». `lindring handbook` viser alle; `lindring handbook search {name}` søker i teksten.",
    },
    "handbook_query_long": {
        "en": "the search is too long: at most {limit} characters",
        "nb": "søket er for langt: høyst {limit} tegn",
    },
    "handbook_query_words": {
        "en": "search for at most {words} words of at most {letters} letters each",
        "nb": "søk etter høyst {words} ord på høyst {letters} bokstaver hvert",
    },
    "handbook_no_hits": {
        "en": "nothing in the handbook matches '{query}'",
        "nb": "ingenting i håndboken passer til «{query}»",
    },
    "handbook_exported": {
        "en": "wrote {count} pages to {directory} (open {index})",
        "nb": "skrev {count} sider til {directory} (åpne {index})",
    },
    "handbook_export_failed": {
        "en": "cannot write the handbook to {directory}: {reason}",
        "nb": "kan ikke skrive håndboken til {directory}: {reason}",
    },
}

register(MESSAGES)

#: Labels for the handbook's own views (chapter list, search hits, HTML pages).
LABELS: dict[str, dict[str, str]] = {
    "chapter": {"nb": "Kapittel", "en": "Chapter"},
    "title": {"nb": "Tittel", "en": "Title"},
    "summary": {"nb": "Sammendrag", "en": "Summary"},
    "reviewed": {"nb": "Sist gjennomgått", "en": "Last reviewed"},
    "section": {"nb": "Avsnitt", "en": "Section"},
    "not_peer_reviewed": {"nb": "ikke fagfellevurdert ennå", "en": "not peer reviewed yet"},
    "peer_reviewed": {"nb": "fagfellevurdert av {names}", "en": "peer reviewed by {names}"},
    "list_caption": {
        "nb": "Vis et kapittel: lindring handbook KAPITTEL · søk: lindring handbook search ORD",
        "en": "Show a chapter: lindring handbook CHAPTER · search: lindring handbook search WORDS",
    },
    "hits_caption": {
        "nb": "Vis et kapittel: lindring handbook KAPITTEL",
        "en": "Show a chapter: lindring handbook CHAPTER",
    },
}

#: The exported pages' search box (nb always; en when the export is given --lang en).
SEARCH_LABELS: dict[str, dict[str, str]] = {
    "label": {"nb": "Søk i håndboken", "en": "Search the handbook"},
    "placeholder": {
        "nb": "f.eks. smertepumpe, nalokson, OxyNorm",
        "en": "e.g. syringe driver, naloxone, OxyNorm",
    },
    "button": {"nb": "Søk", "en": "Search"},
    "results": {"nb": "Søkeresultater", "en": "Search results"},
    "count": {"nb": "{count} treff", "en": "{count} results"},
    "none": {"nb": "Ingen treff for «{query}».", "en": "Nothing matches '{query}'."},
    "too_long": {
        "nb": "Søket er for langt: høyst {limit} tegn.",
        "en": "The search is too long: at most {limit} characters.",
    },
    "too_many": {
        "nb": "Søk etter høyst {words} ord på høyst {letters} bokstaver hvert.",
        "en": "Search for at most {words} words of at most {letters} letters each.",
    },
    "opening": {"nb": "Innledning", "en": "Introduction"},
    "table": {"nb": "Tabell", "en": "Table"},
}

#: Bokmål words used inside chapters by embeds and the generated header and sources.
EMBED: dict[str, str] = {
    "and": "og",
    "or": "eller",
    "range": "spenn",
    "day": "døgn",
    "days": "døgn",
    "hour": "time",
    "per_hour": "mikrogram/time",
    "minutes": "minutter",
    "of_daily": "av døgndosen",
    "reduction": "{below} (vanligvis {default} %) når døgndosen tilsvarer under {threshold} mg "
    "oral morfin, og {above} ved {threshold} mg eller mer",
    "breakthrough": "{fraction} av døgndosen (spenn {low}–{high})",
    "patch": "{labels} mikrogram/time (byttes hver {hours}. time)",
    "drug": "Legemiddel",
    "route": "Vei",
    "factor": "Faktor (spenn)",
    "ceiling": "Maks per døgn",
    "sources": "Kilder",
    "not_converted": "regnes ikke om",
    "per_microgram": "per mg (= {value} per mikrogram)",
    "table_caption": "Faktor = mg oral morfin per mg av legemiddelet ved denne veien; for plaster "
    "mg oral morfin per døgn for hver mikrogram/time. Tabellversjon {version} ({status}). "
    "Der kildene spriker, bruker lindring den enden av spennet som gir lavest måldose.",
    "product": "Produkt",
    "strengths": "Styrker (mikrogram/time)",
    "change": "Byttes hver",
    "hours": "{hours}. time",
    "max_rate": "Tabellens øvre grense for plaster: {limits} (se kapitlet om plaster).",
    "setting": "Innstilling",
    "default": "Standard",
    "injection": "Injeksjonsstyrker",
    "example": "Eksempel regnet ut av lindring (tabellversjon {version}):",
    "suggested": "Foreslått startdose",
    "split": "Fordeling",
    "every": "{dose} hver {h}. time ({n} per døgn)",
    "bt": "Behovsdose",
    "bt_value": "{dose} ({fraction} av døgndosen)",
    "warning": "Advarsel",
    "refused": "Avvist",
    "patches": "plaster {labels} ({product})",
    "status_line": "Versjon {version} · sist gjennomgått {reviewed} · {review} · "
    "tall fra konverteringstabellen {table} ({status})",
    "draft": "utkast",
    "reviewed_status": "gjennomgått",
    "references": "Kilder",
    "from_table": "tall fra tabellen",
    "see_chapter": "→ lindring handbook {id}",
    "contents": "Innhold",
    "book_title": "lindring – håndbok i lindrende opioidbehandling",
    "book_summary": "Kapitler om opioidkonvertering, smertepumpe, døende pasient og bivirkninger, "
    "med tall fra lindrings konverteringstabell.",
    "index_meta": "Tall fra konverteringstabellen {version} ({status}). Kapitlene er ikke "
    "fagfellevurdert før det står i kapitlet.",
    "disclaimer": "lindring er et hjelpemiddel for helsepersonell, ikke en forordning. Kontroller "
    "tallene, vurder pasienten og følg lokale prosedyrer. Konverteringstabell {version}.",
    "pump_rows": "Reservoarvolum|Døgn per fylling|Hastighetstrinn|Trekketrinn (opptrekk)|"
    "Bolus|Bolustrinn|Sperretid|Maks hastighet subkutant|Maks ampuller per legemiddel",
}
