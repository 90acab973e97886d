"""The sentences ``lindring batch`` shows, in Norwegian bokmål and English.

Registered into :data:`lindring.i18n.MESSAGES` when this module is imported (the batch
modules import it), so ``text("batch.…", lang)`` and :class:`~lindring.errors.InputError`
messages work like every other message.
"""

from __future__ import annotations

from lindring.i18n import MESSAGES, register

BATCH_MESSAGES: dict[str, dict[str, str]] = {
    # --- the file as a whole (exit 1, nothing written) --------------------------------
    "batch.columns_missing": {
        "en": "missing column(s) {missing}; the header has: {found}. "
        "See docs/batch.md for the column names",
        "nb": "mangler kolonne(r) {missing}; overskriftslinjen har: {found}. "
        "Se docs/batch.md for kolonnenavnene",
    },
    "batch.sum_by_column": {
        "en": "--sum-by {column}: no such column; the header has: {found}",
        "nb": "--sum-by {column}: ingen slik kolonne; overskriftslinjen har: {found}",
    },
    "batch.column_twice": {
        "en": "two columns mean the same: '{first}' and '{second}'; keep one",
        "nb": "to kolonner betyr det samme: «{first}» og «{second}»; behold én",
    },
    "batch.empty_file": {
        "en": "{file} is empty: expected a header line with the column names (docs/batch.md)",
        "nb": "{file} er tom: forventet en overskriftslinje med kolonnenavnene (docs/batch.md)",
    },
    "batch.delimiter_none": {
        "en": "cannot find the delimiter in the header line '{header}': expected ; , or tab "
        "between the column names, or give --delimiter",
        "nb": "finner ikke skilletegnet i overskriftslinjen «{header}»: forventet ; , eller "
        "tabulator mellom kolonnenavnene, eller oppgi --delimiter",
    },
    "batch.delimiter_ambiguous": {
        "en": "the header line '{header}' could be split at {found}: "
        "say which with --delimiter (e.g. --delimiter ';')",
        "nb": "overskriftslinjen «{header}» kan deles ved {found}: "
        "oppgi hvilket med --delimiter (f.eks. --delimiter ';')",
    },
    "batch.delimiter_option": {
        "en": "--delimiter '{text}': use ';', ',' or tab",
        "nb": "--delimiter «{text}»: bruk ';', ',' eller tab",
    },
    "batch.encoding_option": {
        "en": "--encoding '{text}' is not an encoding Python knows: try utf-8 or cp1252",
        "nb": "--encoding «{text}» er ikke en kjent tegnkoding: prøv utf-8 eller cp1252",
    },
    "batch.encoding_unusable": {
        "en": "--encoding '{text}' does not read text files: try utf-8, cp1252 or utf-16",
        "nb": "--encoding «{text}» leser ikke tekstfiler: prøv utf-8, cp1252 eller utf-16",
    },
    "batch.encoding_bom": {
        "en": "--encoding {encoding} reads a file that starts with a byte order mark, and this "
        "one does not: give {encoding}-le or {encoding}-be (Windows writes -le)",
        "nb": "--encoding {encoding} leser en fil som starter med et byte-rekkefølgemerke, og "
        "denne gjør ikke det: oppgi {encoding}-le eller {encoding}-be (Windows skriver -le)",
    },
    "batch.format_option": {
        "en": "--format '{text}': use csv, jsonl or xlsx-friendly",
        "nb": "--format «{text}»: bruk csv, jsonl eller xlsx-friendly",
    },
    "batch.jobs_option": {
        "en": "--jobs must be 1 to {limit} (0 means one per processor)",
        "nb": "--jobs må være 1 til {limit} (0 betyr én per prosessor)",
    },
    "batch.decode_failed": {
        "en": "{file}: line {line} cannot be read as {encoding}; nothing more was read. "
        "Choose the encoding with --encoding (e.g. cp1252 or utf-8)",
        "nb": "{file}: linje {line} kan ikke leses som {encoding}; resten ble ikke lest. "
        "Velg tegnkoding med --encoding (f.eks. cp1252 eller utf-8)",
    },
    "batch.header_unreadable": {
        "en": "{file}: line {line}: the header line cannot be read as CSV (a quote mark "
        "without its pair?)",
        "nb": "{file}: linje {line}: overskriftslinjen kan ikke leses som CSV (et "
        "anførselstegn uten sitt par?)",
    },
    "batch.read_failed": {
        "en": "cannot read {file}: {reason}",
        "nb": "kan ikke lese {file}: {reason}",
    },
    "batch.json_header": {
        "en": "{file}: line {line}: a JSON Lines file must start with an object whose keys "
        "are the column names",
        "nb": "{file}: linje {line}: en JSON Lines-fil må starte med et objekt der nøklene "
        "er kolonnenavnene",
    },
    "batch.output_exists": {
        "en": "{file} exists: give --overwrite to replace it, or another -o",
        "nb": "{file} finnes: bruk --overwrite for å erstatte den, eller en annen -o",
    },
    "batch.output_is_input": {
        "en": "the output {file} is the input file: lindring never writes over its input",
        "nb": "utfilen {file} er innfilen: lindring skriver aldri over innfilen",
    },
    "batch.write_failed": {
        "en": "cannot write {file}: {reason}",
        "nb": "kan ikke skrive {file}: {reason}",
    },
    # --- notices (stderr, the run goes on) --------------------------------------------
    "batch.notice_read": {
        "en": "read {file} as {encoding}, delimiter {delimiter}, column names in {language}",
        "nb": "leste {file} som {encoding}, skilletegn {delimiter}, kolonnenavn på {language}",
    },
    "batch.notice_cp1252": {
        "en": "{file} is not UTF-8: read it as Windows-1252 (Excel's 'CSV (semicolon "
        "delimited)'); give --encoding if that is wrong",
        "nb": "{file} er ikke UTF-8: leste den som Windows-1252 (Excels «CSV (semikolondelt)»); "
        "bruk --encoding hvis det er feil",
    },
    "batch.notice_mojibake": {
        "en": "{file} contains 'Ã' or 'Â' before another accented letter: the file may have "
        "been decoded wrongly once before (e.g. 'Ã¸' for 'ø'); check its text",
        "nb": "{file} inneholder «Ã» eller «Â» foran en annen aksentert bokstav: filen kan ha "
        "blitt lest med feil tegnkoding tidligere (f.eks. «Ã¸» for «ø»); kontroller teksten",
    },
    "batch.written": {"en": "wrote {file}", "nb": "skrev {file}"},
    "batch.profile": {
        "en": "every row uses the factors of {name} (--profile {id}); a drug or route that "
        "guideline does not cover is refused",
        "nb": "alle rader bruker faktorene fra {name} (--profile {id}); legemidler og veier "
        "som retningslinjen ikke dekker, blir avvist",
    },
    "batch.progress": {"en": "{rows} rows", "nb": "{rows} rader"},
    # --- one row (written to the output's message column) -----------------------------
    "batch.row_column": {"en": "{column}: {message}", "nb": "{column}: {message}"},
    "batch.row_fields": {
        "en": "expected {expected} fields, found {found}",
        "nb": "forventet {expected} felt, fant {found}",
    },
    "batch.row_quote": {
        "en": "a quote mark without its pair: the quoted cell that opens on this line ran on "
        "over lines {start}-{end}; this line is not converted, and the lines after it are "
        "read each on its own",
        "nb": "et anførselstegn uten sitt par: den siterte cellen som begynner på denne "
        "linjen, fortsatte over linje {start}-{end}; denne linjen er ikke regnet om, og "
        "linjene etter den er lest hver for seg",
    },
    "batch.row_quote_line": {
        "en": "a quote mark without its pair on this line",
        "nb": "et anførselstegn uten sitt par på denne linjen",
    },
    "batch.row_undecodable": {
        "en": "the line cannot be read as {encoding} (bytes {bytes}); if the whole file is "
        "wrong, choose its encoding with --encoding",
        "nb": "linjen kan ikke leses som {encoding} (bytene {bytes}); hvis hele filen blir "
        "feil, velg tegnkoding med --encoding",
    },
    "batch.row_line_long": {
        "en": "the line is longer than {limit} characters and was not read",
        "nb": "linjen er lengre enn {limit} tegn og ble ikke lest",
    },
    "batch.row_missing": {
        "en": "no value in column {column}",
        "nb": "ingen verdi i kolonnen {column}",
    },
    "batch.row_csv": {
        "en": "the line cannot be read as CSV: {detail}",
        "nb": "linjen kan ikke leses som CSV: {detail}",
    },
    "batch.row_json": {
        "en": "not a JSON object: {detail}",
        "nb": "ikke et JSON-objekt: {detail}",
    },
    "batch.row_json_key": {
        "en": "unexpected key '{key}': the first line has {keys}",
        "nb": "uventet nøkkel «{key}»: første linje har {keys}",
    },
    "batch.row_json_value": {
        "en": "the value of '{key}' must be text or a number",
        "nb": "verdien av «{key}» må være tekst eller et tall",
    },
    "batch.row_too_long": {
        "en": "a cell is longer than {limit} characters",
        "nb": "en celle er lengre enn {limit} tegn",
    },
    "batch.row_parts": {
        "en": "several drugs are joined with + in the drug, dose and route columns alike; "
        "found {counts} parts",
        "nb": "flere legemidler skilles med + i kolonnene for legemiddel, dose og vei; "
        "fant {counts} deler",
    },
    "batch.prescribed_rate": {
        "en": "a patch is prescribed as a rate, e.g. 25 mcg/h (the range is in {unit})",
        "nb": "et plaster forskrives som en hastighet, f.eks. 25 mcg/t (spennet er i {unit})",
    },
    "batch.row_frail": {
        "en": "'{text}' is not yes or no (frail: yes, no or empty)",
        "nb": "«{text}» er ikke ja eller nei (skrøpelig: ja, nei eller tom)",
    },
    "batch.row_interval": {
        "en": "'{text}' is not a dose interval in whole hours (e.g. 4 or 12)",
        "nb": "«{text}» er ikke et doseintervall i hele timer (f.eks. 4 eller 12)",
    },
    "batch.row_excel_date": {
        "en": "'{text}' looks like a date Excel made of what was typed: format the column "
        "as text and type the dose again, e.g. 20 mg x2",
        "nb": "«{text}» ser ut som en dato Excel har laget av det som ble skrevet: formater "
        "kolonnen som tekst og skriv dosen på nytt, f.eks. 20 mg x2",
    },
    "batch.row_excel_exponent": {
        "en": "'{text}' looks like a number Excel wrote with an exponent: format the column "
        "as text and write the dose, e.g. 1000 mg",
        "nb": "«{text}» ser ut som et tall Excel har skrevet med eksponent: formater kolonnen "
        "som tekst og skriv dosen, f.eks. 1000 mg",
    },
    # --- check mode ---------------------------------------------------------------------
    "batch.verdict_within": {
        "en": "prescribed {prescribed} ({of_eq} % of the equianalgesic {equianalgesic}) is within the starts the working supports, {low} to {high}",
        "nb": "forskrevet {prescribed} ({of_eq} % av ekvianalgetisk {equianalgesic}) er innenfor startdosene utregningen støtter, {low} til {high}",
    },
    "batch.verdict_below": {
        "en": "prescribed {prescribed} ({of_eq} % of the equianalgesic {equianalgesic}) is {percent} % below the lowest start the working supports ({low}): the patient may be left in pain",
        "nb": "forskrevet {prescribed} ({of_eq} % av ekvianalgetisk {equianalgesic}) er {percent} % under den laveste startdosen utregningen støtter ({low}): pasienten kan få for dårlig smertelindring",
    },
    "batch.verdict_no_reduction": {
        "en": "NO REDUCTION: prescribed {prescribed} is {of_eq} % of the equianalgesic {equianalgesic}, above the starts the handbook's reduction for a change of drug supports ({low} to {high}). Check that this is intended",
        "nb": "INGEN REDUKSJON: forskrevet {prescribed} er {of_eq} % av ekvianalgetisk {equianalgesic}, over startdosene håndbokens reduksjon ved bytte av legemiddel støtter ({low} til {high}). Kontroller at dette er tilsiktet",
    },
    "batch.verdict_above": {
        "en": "ABOVE THE EQUIANALGESIC DOSE: prescribed {prescribed} is {of_eq} % of the equianalgesic {equianalgesic} ({percent} % above the highest supported start, {high}). Check it before it is given",
        "nb": "OVER EKVIANALGETISK DOSE: forskrevet {prescribed} er {of_eq} % av ekvianalgetisk {equianalgesic} ({percent} % over den høyeste støttede startdosen, {high}). Kontroller før den gis",
    },
    "batch.verdict_above_sources": {
        "en": "ABOVE EVERY SOURCE: prescribed {prescribed} is {of_eq} % of the equianalgesic {equianalgesic}, more than even the highest published ratio gives. Do not give it before it is checked",
        "nb": "OVER ALLE KILDER: forskrevet {prescribed} er {of_eq} % av ekvianalgetisk {equianalgesic}, mer enn selv det høyeste publiserte forholdstallet gir. Ikke gi dosen før den er kontrollert",
    },
    "batch.verdict_above_maximum": {
        "en": "ABOVE THE MAXIMUM DAILY DOSE: prescribed {prescribed} is above the maximum daily dose of {maximum}, though {of_eq} % of the equianalgesic {equianalgesic}. Check it before it is given",
        "nb": "OVER MAKSIMAL DØGNDOSE: forskrevet {prescribed} er over maksimal døgndose {maximum}, selv om den er {of_eq} % av ekvianalgetisk {equianalgesic}. Kontroller før den gis",
    },
    # --- summary (stderr) -------------------------------------------------------------
    "batch.summary": {
        "en": "{rows} rows: {ok} converted, {error} with errors, {refused} refused, "
        "{empty} empty lines skipped",
        "nb": "{rows} rader: {ok} regnet om, {error} med feil, {refused} avvist, "
        "{empty} tomme linjer hoppet over",
    },
    "batch.summary_check": {
        "en": "checked against the prescribed dose: {within} within, {below} below, "
        "{no_reduction} without reduction, {above} above the equianalgesic dose, "
        "{above_sources} above every source, {above_maximum} above the maximum daily dose; "
        "{unchecked} without a prescribed dose",
        "nb": "kontrollert mot forskrevet dose: {within} innenfor, {below} under, "
        "{no_reduction} uten reduksjon, {above} over ekvianalgetisk dose, "
        "{above_sources} over alle kilder, {above_maximum} over maksimal døgndose; "
        "{unchecked} uten forskrevet dose",
    },
    "batch.summary_above": {
        "en": "ABOVE THE EQUIANALGESIC DOSE on line(s) {lines}",
        "nb": "OVER EKVIANALGETISK DOSE på linje {lines}",
    },
    "batch.summary_above_sources": {
        "en": "ABOVE EVERY SOURCE on line(s) {lines}",
        "nb": "OVER ALLE KILDER på linje {lines}",
    },
    "batch.summary_above_maximum": {
        "en": "ABOVE THE MAXIMUM DAILY DOSE on line(s) {lines}",
        "nb": "OVER MAKSIMAL DØGNDOSE på linje {lines}",
    },
    "batch.summary_no_reduction": {
        "en": "without reduction on line(s) {lines}",
        "nb": "uten reduksjon på linje {lines}",
    },
    "batch.summary_errors": {"en": "errors on line(s) {lines}", "nb": "feil på linje {lines}"},
    "batch.summary_refused": {
        "en": "refused on line(s) {lines}",
        "nb": "avvist på linje {lines}",
    },
    "batch.summary_more": {"en": "and {count} more", "nb": "og {count} til"},
}

if "batch.summary" not in MESSAGES:  # importing twice (e.g. reloading) must not fail
    register(BATCH_MESSAGES)
