"""Messages of the problems the checkers find in editors' files (tables, profiles,
panels, card layouts, handbook chapters), and their hints, in both languages,
registered with :mod:`lindring.i18n`. Each is an :class:`~lindring.errors.Issue` code."""

from __future__ import annotations

from lindring.i18n import register

MESSAGES: dict[str, dict[str, str]] = {
    # --- how a problem line is written ------------------------------------------------
    "problem.warning_prefix": {"en": "warning: ", "nb": "advarsel: "},
    "problem.hint_label": {"en": "hint", "nb": "tips"},
    "problem.in_profile": {"en": "profile {name}: ", "nb": "profil {name}: "},
    "problem.note_label": {"en": "note", "nb": "merknad"},
    "note.not_checked_its": {
        "en": "{path}: not checked, its table has problems",
        "nb": "{path}: ikke kontrollert, tabellen den hører til har feil",
    },
    "note.not_checked_the": {
        "en": "{path}: not checked, the table has problems",
        "nb": "{path}: ikke kontrollert, tabellen har feil",
    },
    # text from outside lindring (PyYAML, the operating system), shown as it is
    "problem.foreign_text": {"en": "{text}", "nb": "{text}"},
    # --- values as the checker shows them ---------------------------------------------
    "value.nothing": {"en": "nothing", "nb": "ingenting"},
    "value.boolean": {"en": "{value} (a boolean)", "nb": "{value} (en sannhetsverdi)"},
    "value.dict": {"en": "dict", "nb": "en tabell (dict)"},
    "value.list": {"en": "list", "nb": "en liste (list)"},
    # --- shapes (the table checker) ---------------------------------------------------
    "problem.expected_mapping": {
        "en": "expected a mapping, got {got}",
        "nb": "forventet en tabell med nøkler (mapping), fikk {got}",
    },
    "problem.unknown_key": {"en": "unknown key '{key}'", "nb": "ukjent nøkkel «{key}»"},
    "problem.missing_key": {
        "en": "missing required key '{key}'",
        "nb": "påkrevd nøkkel «{key}» mangler",
    },
    "problem.expected_text": {
        "en": "expected text, got {got}",
        "nb": "forventet tekst, fikk {got}",
    },
    "problem.no_pattern_match": {
        "en": "'{value}' does not match the pattern {pattern}",
        "nb": "«{value}» passer ikke med mønsteret {pattern}",
    },
    "problem.expected_url": {
        "en": "expected a web address (https:// or http://), got {got}",
        "nb": "forventet en nettadresse (https:// eller http://), fikk {got}",
    },
    "problem.expected_choice": {
        "en": "expected one of {choices}, got {got}",
        "nb": "forventet en av {choices}, fikk {got}",
    },
    "problem.expected_whole": {
        "en": "expected a whole number >= {minimum}, got {got}",
        "nb": "forventet et heltall >= {minimum}, fikk {got}",
    },
    "problem.too_many_digits": {
        "en": "too many digits in {got}",
        "nb": "for mange sifre i {got}",
    },
    "problem.expected_number": {
        "en": "expected a number, got {got}",
        "nb": "forventet et tall, fikk {got}",
    },
    "problem.expected_positive": {
        "en": "expected a number above 0, got {got}",
        "nb": "forventet et tall over 0, fikk {got}",
    },
    "problem.expected_pair": {
        "en": "expected [low, high], got {got}",
        "nb": "forventet [lav, høy], fikk {got}",
    },
    "problem.low_above_high": {
        "en": "low ({low}) is above high ({high})",
        "nb": "lav ({low}) er over høy ({high})",
    },
    "problem.empty_text_list": {
        "en": "expected a list of text, got an empty list",
        "nb": "forventet en liste med tekst, fikk en tom liste",
    },
    "problem.expected_text_list": {
        "en": "expected a list of text, got {got}",
        "nb": "forventet en liste med tekst, fikk {got}",
    },
    "problem.expected_bands": {
        "en": "expected a list of eGFR bands",
        "nb": "forventet en liste med eGFR-bånd",
    },
    "problem.expected_products": {
        "en": "expected a list of products sold",
        "nb": "forventet en liste med preparater som selges",
    },
    "problem.expected_route_ratios": {
        "en": "expected a list of route ratios",
        "nb": "forventet en liste med forhold mellom veier",
    },
    "problem.expected_patches": {
        "en": "expected a list of patch products",
        "nb": "forventet en liste med plasterpreparater",
    },
    "problem.expected_stocks": {
        "en": "expected a list of {{mg_per_ml, ml}}",
        "nb": "forventet en liste med {{mg_per_ml, ml}}",
    },
    # --- hints of the shape checks ----------------------------------------------------
    "hint.did_you_mean": {"en": "did you mean '{name}'?", "nb": "mente du «{name}»?"},
    "hint.allowed": {"en": "allowed: {names}", "nb": "tillatt: {names}"},
    "hint.needs_source": {"en": "every number needs a source", "nb": "hvert tall trenger en kilde"},
    "hint.decimal_point": {
        "en": "use a decimal point: 1.5, not 1,5",
        "nb": "bruk desimalpunktum: 1.5, ikke 1,5",
    },
    "hint.unquote": {
        "en": "remove the quotes: a number in quotes is text",
        "nb": "fjern anførselstegnene: et tall i anførselstegn er tekst",
    },
    "hint.leading_zero": {
        "en": "leave out the leading zero: YAML 1.1 tools read 010 as 8",
        "nb": "dropp nullen foran: YAML 1.1-verktøy leser 010 som 8",
    },
    "hint.base_60": {
        "en": "YAML 1.1 tools read 1:30 as 90 (base 60): write the number",
        "nb": "YAML 1.1-verktøy leser 1:30 som 90 (grunntall 60): skriv tallet",
    },
    "hint.exponent": {
        "en": "write the number out in full: 1000, not 1e3",
        "nb": "skriv tallet helt ut: 1000, ikke 1e3",
    },
    "hint.zero_before_point": {
        "en": "write a zero before the decimal point: 0.5, not .5",
        "nb": "skriv null foran desimalpunktet: 0.5, ikke .5",
    },
    "hint.digits_after_point": {
        "en": "write digits after the decimal point, or none: 5 or 5.5, not 5.",
        "nb": "skriv sifre etter desimalpunktet, eller ingen: 5 eller 5.5, ikke 5.",
    },
    "hint.quote_yes_no": {
        "en": "write yes/no/on/off and country codes in quotes: 'no'",
        "nb": "skriv yes/no/on/off og landkoder i anførselstegn: 'no'",
    },
    "hint.quote_numbers": {
        "en": "put numbers that are names or versions in quotes",
        "nb": "sett tall som er navn eller versjoner i anførselstegn",
    },
    "hint.yaml_booleans": {
        "en": "YAML 1.1 tools read yes/no/on/off as booleans; write true or false",
        "nb": "YAML 1.1-verktøy leser yes/no/on/off som sannhetsverdier; skriv true eller false",
    },
    # --- the table as a whole ---------------------------------------------------------
    "problem.table_empty": {"en": "the table is empty", "nb": "tabellen er tom"},
    "problem.unknown_source": {
        "en": "unknown source id '{source}'",
        "nb": "ukjent kilde-id «{source}»",
    },
    "hint.add_source_or_fix": {
        "en": "add it under `sources` or fix the id",
        "nb": "legg den til under `sources` eller rett id-en",
    },
    "hint.add_source": {"en": "add it under `sources`", "nb": "legg den til under `sources`"},
    "problem.morphine_reference": {
        "en": "morphine po must be present with factor 1 (the reference)",
        "nb": "morfin po må finnes med faktor 1 (referansen)",
    },
    "problem.strengths_rise": {
        "en": "strengths must rise, each once",
        "nb": "styrkene må stige, hver én gang",
    },
    "problem.bands_rise": {
        "en": "bands must be listed from the lowest eGFR limit up, each once",
        "nb": "båndene må stå fra den laveste eGFR-grensen og oppover, hver én gang",
    },
    "problem.percent_reduce_band": {
        "en": "a percent belongs to a reduce band, above 0 and below 100",
        "nb": "en prosent hører til et reduce-bånd, over 0 og under 100",
    },
    "problem.percent_range": {
        "en": "the percent must be above 0 and below 100",
        "nb": "prosenten må være over 0 og under 100",
    },
    # --- opioids ----------------------------------------------------------------------
    "problem.expected_bool": {"en": "expected true or false", "nb": "forventet true eller false"},
    "problem.expected_available": {
        "en": "expected one of {choices}",
        "nb": "forventet en av {choices}",
    },
    "problem.available_needs_text": {
        "en": "available '{available}' needs an available_text (why)",
        "nb": "available «{available}» trenger en available_text (hvorfor)",
    },
    "problem.range_low": {
        "en": "the low end must be above 0",
        "nb": "den nedre grensen må være over 0",
    },
    "problem.range_lacks_factor": {
        "en": "the range [{low}, {high}] does not contain the factor {value}",
        "nb": "spennet [{low}, {high}] inneholder ikke faktoren {value}",
    },
    "problem.expected_rate_ome": {
        "en": "expected [rate, oral morphine]",
        "nb": "forventet [rate, oral morfin]",
    },
    "problem.band_needs_up_to": {
        "en": "a band table (interpolation: none) needs up_to: where its last band ends",
        "nb": "en båndtabell (interpolation: none) trenger up_to: der det siste båndet slutter",
    },
    "problem.up_to_for_bands": {
        "en": "up_to belongs to a band table (interpolation: none)",
        "nb": "up_to hører til en båndtabell (interpolation: none)",
    },
    "problem.two_points": {
        "en": "expected at least two [rate, oral morphine] points",
        "nb": "forventet minst to punkter [rate, oral morfin]",
    },
    "problem.points_rise": {
        "en": "rates and oral morphine must both rise, from above 0",
        "nb": "rater og oral morfin må begge stige, fra over 0",
    },
    "problem.last_band_end": {
        "en": "the last band must end above its own start",
        "nb": "det siste båndet må slutte over sin egen start",
    },
    "problem.expected_patch_strength": {
        "en": "expected at least one strength: label -> microgram/h",
        "nb": "forventet minst én styrke: merking -> mikrogram/time",
    },
    "problem.patch_label": {
        "en": "the label '{label}' is not a strength as printed on the patch",
        "nb": "merkingen «{label}» er ikke en styrke slik den står på plasteret",
    },
    "hint.patch_label": {
        "en": 'write it as a number in quotes: "12" or "37.5"',
        "nb": 'skriv den som et tall i anførselstegn: "12" eller "37.5"',
    },
    "problem.needs_key": {
        "en": "{key} '{value}' needs a {needed} ({why})",
        "nb": "{key} «{value}» trenger {needed} ({why})",
    },
    "need.status_text": {
        "en": "the warning or referral",
        "nb": "advarselen eller henvisningen",
    },
    "problem.unknown_route": {"en": "unknown route '{route}'", "nb": "ukjent vei «{route}»"},
    "hint.routes_defined": {
        "en": "routes must be defined under `routes`: {routes}",
        "nb": "veier må være definert under `routes`: {routes}",
    },
    "problem.refused_route": {
        "en": "'{route}' must be a known route that the drug has no factor for",
        "nb": "«{route}» må være en kjent vei som legemiddelet ikke har faktor for",
    },
    "problem.needs_route": {
        "en": "a drug that can be converted needs at least one route",
        "nb": "et legemiddel som kan regnes om trenger minst én vei",
    },
    "problem.name_taken": {
        "en": "the name '{name}' already names {owner}",
        "nb": "navnet «{name}» er allerede navnet på {owner}",
    },
    "hint.alias_one_drug": {
        "en": "an alias must lead to exactly one drug",
        "nb": "et alias må føre til nøyaktig ett legemiddel",
    },
    "owner.drug": {"en": "drug {key}", "nb": "legemiddelet {key}"},
    "owner.refused": {"en": "refused group {key}", "nb": "den avviste navnegruppen {key}"},
    "owner.pump": {"en": "pump drug {key}", "nb": "pumpelegemiddelet {key}"},
    "problem.route_name_taken": {
        "en": "the route name '{alias}' already names {owner}",
        "nb": "veinavnet «{alias}» er allerede navnet på {owner}",
    },
    # --- products ---------------------------------------------------------------------
    "problem.form_needs": {
        "en": "a product of form {form} needs {key}",
        "nb": "et preparat med formen {form} trenger {key}",
    },
    "problem.form_has_no": {
        "en": "a product of form {form} has no {key}",
        "nb": "et preparat med formen {form} har ikke {key}",
    },
    "problem.expected_strengths": {
        "en": "expected a list of strengths, lowest first",
        "nb": "forventet en liste med styrker, den laveste først",
    },
    "problem.infusion_per_24h": {
        "en": "an infusion's amount is per 24 hours: [24]",
        "nb": "mengden i en infusjon gjelder per døgn: [24]",
    },
    "problem.expected_intervals": {
        "en": "expected a list of dosing intervals in hours, the usual one first",
        "nb": "forventet en liste med doseintervaller i timer, det vanlige først",
    },
    "problem.interval_divides": {
        "en": "an interval must divide 24 hours",
        "nb": "et intervall må gå opp i 24 timer",
    },
    "problem.interval_once": {"en": "each interval once", "nb": "hvert intervall én gang"},
    "problem.two_routes": {
        "en": "expected two different routes the drug has a factor for",
        "nb": "forventet to ulike veier som legemiddelet har faktor for",
    },
    "hint.routes_of_drug": {
        "en": "routes of this drug: {routes}",
        "nb": "veiene til dette legemiddelet: {routes}",
    },
    "problem.pair_once": {
        "en": "each pair of two different routes once",
        "nb": "hvert par av to ulike veier én gang",
    },
    "problem.range_contains_ratio": {
        "en": "the range must contain the ratio, above 0",
        "nb": "spennet må inneholde forholdstallet, over 0",
    },
    # --- pump -------------------------------------------------------------------------
    "problem.not_pump_opioid": {
        "en": "'{key}' is not an opioid with a subcutaneous or intravenous route",
        "nb": "«{key}» er ikke et opioid med subkutan eller intravenøs vei",
    },
    "problem.expected_fractions": {
        "en": 'expected a list of fractions such as "1/6"',
        "nb": 'forventet en liste med brøker som "1/6"',
    },
    "problem.default_fraction": {
        "en": "the default must be one of bolus_fractions",
        "nb": "standardverdien må være en av bolus_fractions",
    },
    # --- rules ------------------------------------------------------------------------
    "problem.default_outside": {
        "en": "the default is outside its range",
        "nb": "standardverdien er utenfor spennet sitt",
    },
    "problem.band_above_override": {
        "en": "a reduction band reaches above max_override",
        "nb": "et reduksjonsbånd går over max_override",
    },
    "problem.reduction_below_100": {
        "en": "a reduction must stay below 100 %",
        "nb": "en reduksjon må holde seg under 100 %",
    },
    "problem.fraction_inside": {
        "en": "the fraction must lie inside its range, and below 1",
        "nb": "brøken må ligge innenfor spennet sitt, og under 1",
    },
    "problem.warn_order": {
        "en": "expected warn_below < warn_above < refuse_above",
        "nb": "forventet warn_below < warn_above < refuse_above",
    },
    "problem.expected_changes": {
        "en": "expected a list of changes, newest first",
        "nb": "forventet en liste med endringer, den nyeste først",
    },
    "problem.versions_order": {
        "en": "list the versions newest first, each once",
        "nb": "før opp versjonene med den nyeste først, hver én gang",
    },
    "problem.changelog_version": {
        "en": "the newest entry is for version '{newest}', but table.version is '{version}'",
        "nb": "den nyeste oppføringen gjelder versjon «{newest}», men table.version er «{version}»",
    },
    "hint.changelog_entry": {
        "en": "add an entry for the new version at the top of the changelog",
        "nb": "legg til en oppføring for den nye versjonen øverst i endringsloggen",
    },
    "problem.needs_patch_rescue": {
        "en": "the table has patches, so it needs patch_rescue (the drug and route of "
        "rescue doses with a patch)",
        "nb": "tabellen har plaster og trenger derfor patch_rescue (legemiddel og vei for "
        "behovsdoser ved plaster)",
    },
    "problem.not_drug_key": {
        "en": "'{key}' is not a drug key under `opioids`",
        "nb": "«{key}» er ikke en legemiddelnøkkel under `opioids`",
    },
    "problem.not_dose_route": {
        "en": "'{route}' is not a dose route of {drug}",
        "nb": "«{route}» er ikke en dosevei for {drug}",
    },
    "hint.choose_one": {"en": "choose one of: {names}", "nb": "velg en av: {names}"},
    # --- YAML -------------------------------------------------------------------------
    "problem.control_character": {
        "en": "the character U+{char} is not allowed (a control character?)",
        "nb": "tegnet U+{char} er ikke tillatt (et kontrolltegn?)",
    },
    "problem.yaml_alias": {
        "en": "anchors and aliases (&name, *name) are not allowed",
        "nb": "ankere og aliaser (&navn, *navn) er ikke tillatt",
    },
    "problem.yaml_depth": {
        "en": "nested more than {depth} levels deep",
        "nb": "nøstet mer enn {depth} nivåer dypt",
    },
    "problem.yaml_tag": {
        "en": "the tag {tag} is not allowed",
        "nb": "taggen {tag} er ikke tillatt",
    },
    "problem.yaml_merge": {
        "en": "merge keys (<<) are not allowed",
        "nb": "flettenøkler (<<) er ikke tillatt",
    },
    "problem.yaml_number_key": {
        "en": "a number stands where a key should be: in a {{...}} "
        "mapping a decimal comma splits the value; write 1.5, not 1,5",
        "nb": "et tall står der en nøkkel skulle stått: i en {{...}}-tabell "
        "deler et desimalkomma verdien; skriv 1.5, ikke 1,5",
    },
    "problem.yaml_key_text": {"en": "keys must be plain text", "nb": "nøkler må være ren tekst"},
    "problem.yaml_duplicate": {
        "en": "duplicate key '{key}' (first on line {first})",
        "nb": "nøkkelen «{key}» står to ganger (først på linje {first})",
    },
    "problem.yaml_digits": {
        "en": "too many digits: a number has at most {digits} digits before the decimal "
        "point and {decimals} after",
        "nb": "for mange sifre: et tall har høyst {digits} sifre før desimalpunktet "
        "og {decimals} etter",
    },
    "problem.yaml_digits_at": {
        "en": "{where}: too many digits: a number has at most {digits} digits before the "
        "decimal point and {decimals} after",
        "nb": "{where}: for mange sifre: et tall har høyst {digits} sifre før desimalpunktet "
        "og {decimals} etter",
    },
    # PyYAML's own sentences: the common ones in both languages, the rest as PyYAML says
    "problem.yaml_mapping_values": {
        "en": "mapping values are not allowed here",
        "nb": "en verdi med kolon er ikke tillatt her (mangler det et linjeskift eller anførselstegn?)",
    },
    "problem.yaml_tab": {
        "en": "found character '\\t' that cannot start any token",
        "nb": "fant tabulatortegnet '\\t', som ikke kan starte noe i YAML (rykk inn med mellomrom)",
    },
    "problem.yaml_tab_indent": {
        "en": "found a tab character that violates indentation",
        "nb": "fant et tabulatortegn i innrykket (rykk inn med mellomrom)",
    },
    "problem.yaml_end_of_stream": {
        "en": "found unexpected end of stream",
        "nb": "filen slutter for tidlig (mangler et avsluttende anførselstegn eller en parentes?)",
    },
    "problem.yaml_block_end": {
        "en": "{text}",
        "nb": "innrykket stemmer ikke: en linje står lenger inn eller ut enn nivået rundt ({text})",
    },
    "problem.yaml_flow_end": {
        "en": "{text}",
        "nb": "en liste [...] eller tabell {{...}} er ikke lukket ({text})",
    },
    "problem.yaml_expected_colon": {
        "en": "could not find expected ':'",
        "nb": "fant ikke kolonet (:) som skulle komme",
    },
    "problem.yaml_syntax": {
        "en": "{text}",
        "nb": "YAML-syntaksen kan ikke leses ({text})",
    },
    # --- profiles ---------------------------------------------------------------------
    "problem.profile_empty": {"en": "the profile is empty", "nb": "profilen er tom"},
    "problem.profile_table_empty": {
        "en": "the profile's table is empty",
        "nb": "tabellen til profilen er tom",
    },
    "problem.profile_id": {
        "en": "the id '{id}' must be the file name without .yaml ('{expected}')",
        "nb": "id-en «{id}» må være filnavnet uten .yaml («{expected}»)",
    },
    "problem.expected_routes": {
        "en": "expected a list of routes, got {got}",
        "nb": "forventet en liste med veier, fikk {got}",
    },
    "problem.expected_route_key": {
        "en": "expected a route key such as po",
        "nb": "forventet en veinøkkel som po",
    },
    "problem.listed_twice": {
        "en": "{drug} {route} is listed twice",
        "nb": "{drug} {route} står to ganger",
    },
    "problem.covered_and_not": {
        "en": "{drug} {route} has a factor here and is listed as not covered",
        "nb": "{drug} {route} har en faktor her og står samtidig som ikke dekket",
    },
    "problem.not_covered_missing": {
        "en": "{drug} {route} is in the base table but this profile neither gives its "
        "factor nor lists it under `not_covered`",
        "nb": "{drug} {route} finnes i grunntabellen, men denne profilen verken oppgir "
        "faktoren eller fører den under `not_covered`",
    },
    "hint.give_factor": {
        "en": "give the guideline's factor under opioids.{drug}.routes.{route}.factor, "
        "or list the route under not_covered",
        "nb": "oppgi retningslinjens faktor under opioids.{drug}.routes.{route}.factor, "
        "eller før veien under not_covered",
    },
    "problem.reference_covered": {
        "en": "morphine po is the reference (1 by definition): it is always covered",
        "nb": "morfin po er referansen (1 per definisjon): den er alltid dekket",
    },
    "problem.new_drug": {
        "en": "'{key}' is not a drug of the base table, so it would be a new drug",
        "nb": "«{key}» er ikke et legemiddel i grunntabellen, så det ville blitt et nytt legemiddel",
    },
    "hint.new_drug": {
        "en": "did you mean '{name}'? A new drug needs name, atc, aliases, unit, "
        "status, sources and routes",
        "nb": "mente du «{name}»? Et nytt legemiddel trenger name, atc, aliases, unit, "
        "status, sources og routes",
    },
    "problem.not_profile_drug": {
        "en": "'{key}' is not a drug of this profile's table",
        "nb": "«{key}» er ikke et legemiddel i tabellen til denne profilen",
    },
    "problem.not_profile_route": {
        "en": "'{route}' is not a route of {drug} in this profile's table",
        "nb": "«{route}» er ikke en vei for {drug} i tabellen til denne profilen",
    },
    "hint.its_routes": {"en": "its routes: {routes}", "nb": "veiene: {routes}"},
    "hint.no_routes": {"en": "its routes: none", "nb": "veiene: ingen"},
    # --- panel ------------------------------------------------------------------------
    "problem.panel_empty": {"en": "the panel is empty", "nb": "panelet er tomt"},
    "problem.not_table_drug": {
        "en": "'{key}' is not a drug in the conversion table",
        "nb": "«{key}» er ikke et legemiddel i omregningstabellen",
    },
    "problem.not_route_of": {
        "en": "'{route}' is not a route of {drug}",
        "nb": "«{route}» er ikke en vei for {drug}",
    },
    "problem.panel_rate": {
        "en": "'{text}' is a rate; write the daily dose, e.g. 60 mg/24h",
        "nb": "«{text}» er en rate; skriv døgndosen, f.eks. 60 mg/24h",
    },
    "problem.panel_patch": {
        "en": "'{text}' is not a patch strength sold",
        "nb": "«{text}» er ingen plasterstyrke som selges",
    },
    "hint.panel_patch": {
        "en": "write one of {strengths} as microgram/h, e.g. 25 mcg/h",
        "nb": "skriv en av {strengths} som mikrogram/time, f.eks. 25 mcg/h",
    },
    # --- card layout ------------------------------------------------------------------
    "problem.card_unreadable": {
        "en": "cannot be read: {detail}",
        "nb": "kan ikke leses: {detail}",
    },
    "problem.card_section": {
        "en": "expected a 'card' section",
        "nb": "forventet en «card»-del",
    },
    "problem.card_doses": {
        "en": "expected a list of whole mg above 0",
        "nb": "forventet en liste med hele mg over 0",
    },
    "problem.card_columns": {
        "en": "expected a list of [drug, route]",
        "nb": "forventet en liste med [legemiddel, vei]",
    },
    "problem.card_pair": {"en": "expected [drug, route]", "nb": "forventet [legemiddel, vei]"},
    "problem.card_not_in_table": {
        "en": "{drug} {route} is not in the conversion table",
        "nb": "{drug} {route} finnes ikke i omregningstabellen",
    },
    # --- validate ---------------------------------------------------------------------
    "problem.not_validated": {
        "en": "not a file lindring validates",
        "nb": "ikke en fil lindring validerer",
    },
    "problem.no_such_path": {
        "en": "no such file or directory",
        "nb": "filen eller mappen finnes ikke",
    },
    "problem.nothing_to_validate": {
        "en": "a folder with nothing lindring validates in it",
        "nb": "en mappe uten noe lindring validerer",
    },
    "hint.validate_known": {
        "en": "expected tables/ (opioids.yaml, panel.yaml, profiles/*.yaml) or a handbook chapter",
        "nb": "forventet tables/ (opioids.yaml, panel.yaml, profiles/*.yaml) eller et håndbokkapittel",
    },
    # --- files that cannot be read ----------------------------------------------------
    "problem.file_not_found": {"en": "file not found", "nb": "filen finnes ikke"},
    "problem.file_loop": {
        "en": "cannot be read: too many levels of symbolic links (a link to itself?)",
        "nb": "kan ikke leses: for mange nivåer av symbolske lenker (en lenke til seg selv?)",
    },
    "problem.file_name_long": {
        "en": "cannot be read: the name is too long",
        "nb": "kan ikke leses: navnet er for langt",
    },
    "problem.file_directory": {
        "en": "cannot be read: it is a directory, not a file",
        "nb": "kan ikke leses: det er en mappe, ikke en fil",
    },
    "problem.file_permission": {
        "en": "cannot be read: permission denied",
        "nb": "kan ikke leses: mangler tilgang",
    },
    "problem.file_not_regular": {
        "en": "cannot be read: not a regular file (a pipe or a device?)",
        "nb": "kan ikke leses: ikke en vanlig fil (en rørledning eller en enhet?)",
    },
    "problem.file_not_utf8": {
        "en": "cannot be read: not UTF-8 text",
        "nb": "kan ikke leses: ikke UTF-8-tekst",
    },
    "problem.file_too_large": {
        "en": "cannot be read: larger than {mb} MB",
        "nb": "kan ikke leses: større enn {mb} MB",
    },
    "problem.file_unreadable": {
        "en": "cannot be read: {detail}",
        "nb": "kan ikke leses: {detail}",
    },
    # --- handbook chapters ------------------------------------------------------------
    "problem.no_handbook": {
        "en": "handbook directory not found",
        "nb": "fant ikke håndbokmappen",
    },
    "problem.chapter_start": {
        "en": "a chapter must start with a '---' line",
        "nb": "et kapittel må begynne med en linje «---»",
    },
    "problem.chapter_no_close": {
        "en": "no closing '---' line after the front matter",
        "nb": "ingen avsluttende linje «---» etter forsiden (front matter)",
    },
    "problem.chapter_id": {
        "en": "'{id}' must be the file name without .md ('{expected}')",
        "nb": "«{id}» må være filnavnet uten .md («{expected}»)",
    },
    "problem.not_a_date": {
        "en": "'{value}' is not a date (YYYY-MM-DD)",
        "nb": "«{value}» er ikke en dato (ÅÅÅÅ-MM-DD)",
    },
    "problem.list_a_source": {
        "en": "list at least one source id",
        "nb": "før opp minst én kilde-id",
    },
    "hint.list_a_source": {"en": "sources: [hdir-omeq]", "nb": "sources: [hdir-omeq]"},
    "problem.source_in_table": {
        "en": "'{source}' is already a source in the conversion table",
        "nb": "«{source}» er allerede en kilde i omregningstabellen",
    },
    "problem.source_unlisted": {
        "en": "no chapter lists this source",
        "nb": "ingen kapitler fører opp denne kilden",
    },
    "problem.unknown_chapter_source": {
        "en": "unknown source '{source}'",
        "nb": "ukjent kilde «{source}»",
    },
    "hint.define_source": {
        "en": "define it in handbook/sources.yaml (or tables/opioids.yaml)",
        "nb": "definer den i handbook/sources.yaml (eller tables/opioids.yaml)",
    },
    "problem.never_cited": {
        "en": "'{source}' is listed but never cited",
        "nb": "«{source}» er oppført, men aldri sitert",
    },
    "problem.related_drug": {
        "en": "'{drug}' is not a drug key in tables/opioids.yaml",
        "nb": "«{drug}» er ikke en legemiddelnøkkel i tables/opioids.yaml",
    },
    "problem.review_future": {
        "en": "{date} is in the future",
        "nb": "{date} er fram i tid",
    },
    "problem.review_old": {
        "en": "{date} is {age} days ago, more than the allowed {allowed}: review the "
        "chapter against its sources",
        "nb": "{date} er {age} dager siden, mer enn de tillatte {allowed}: gå gjennom "
        "kapitlet mot kildene",
    },
    "problem.explain_heading": {
        "en": "lindring convert --explain points to the heading '#{anchor}' in this "
        "chapter, and it is missing",
        "nb": "lindring convert --explain peker til overskriften «#{anchor}» i dette "
        "kapitlet, og den mangler",
    },
    "hint.explain_heading": {
        "en": "give a heading the anchor {{#{anchor}}}",
        "nb": "gi en overskrift ankeret {{#{anchor}}}",
    },
    "problem.heading_level": {
        "en": "use ## for sections: the front matter title is the # title",
        "nb": "bruk ## for avsnitt: tittelen i forsiden (front matter) er #-tittelen",
    },
    "problem.not_closed": {
        "en": "'{opener}' is not closed on this line",
        "nb": "«{opener}» lukkes ikke på denne linjen",
    },
    "problem.block_embed_alone": {
        "en": "a block embed must stand alone on its line",
        "nb": "en blokkinnfelling må stå alene på linjen sin",
    },
    "problem.no_chapter": {"en": "no chapter '{page}'", "nb": "intet kapittel «{page}»"},
    "hint.link_chapter": {
        "en": "link to another chapter as ID.md or ID.md#anchor",
        "nb": "lenk til et annet kapittel som ID.md eller ID.md#anker",
    },
    "problem.no_heading": {
        "en": "no heading '#{anchor}' in {page}.md",
        "nb": "ingen overskrift «#{anchor}» i {page}.md",
    },
    "problem.not_source_id": {
        "en": "'{part}' is not a source id (write [@id])",
        "nb": "«{part}» er ikke en kilde-id (skriv [@id])",
    },
    "problem.cited_not_listed": {
        "en": "'{source}' is cited but not listed",
        "nb": "«{source}» er sitert, men ikke oppført",
    },
    "hint.list_cited": {
        "en": "add it to the front matter's sources",
        "nb": "legg den til i kildene i forsiden (front matter)",
    },
    # --- handbook embeds ({{ faktor: ... }}) ------------------------------------------
    "hint.one_of": {"en": "one of: {names}", "nb": "en av: {names}"},
    "hint.embed_docs": {"en": "see docs/editing-handbook.md", "nb": "se docs/editing-handbook.md"},
    "embed.unknown_drug": {"en": "unknown drug '{name}'", "nb": "ukjent legemiddel «{name}»"},
    "embed.unknown_route": {"en": "unknown route '{name}'", "nb": "ukjent vei «{name}»"},
    "embed.no_route": {
        "en": "{drug} has no route '{route}' in the table (routes: {routes})",
        "nb": "{drug} har ikke veien «{route}» i tabellen (veier: {routes})",
    },
    "embed.no_route_none": {
        "en": "{drug} has no route '{route}' in the table (routes: none)",
        "nb": "{drug} har ikke veien «{route}» i tabellen (veier: ingen)",
    },
    "embed.too_many": {
        "en": "too many arguments: '{extra}'",
        "nb": "for mange argumenter: «{extra}»",
    },
    "embed.unknown_field": {"en": "unknown field '{field}'", "nb": "ukjent felt «{field}»"},
    "embed.no_ceiling": {
        "en": "{drug} has no ceiling in the table",
        "nb": "{drug} har ingen maksimal døgndose i tabellen",
    },
    "embed.no_pump": {
        "en": "the table has no pump section",
        "nb": "tabellen har ingen del om smertepumpe",
    },
    "embed.no_ampoules": {
        "en": "{drug} has no injection strengths in the table",
        "nb": "{drug} har ingen injeksjonsstyrker i tabellen",
    },
    "embed.no_renal": {
        "en": "{drug} has no renal caution in the table",
        "nb": "{drug} har ingen forsiktighetsregel for nyrefunksjon i tabellen",
    },
    "embed.patch_advice_args": {
        "en": "plasterråd needs a drug and til, fra or obs",
        "nb": "plasterråd trenger et legemiddel og til, fra eller obs",
    },
    "embed.unknown_table": {"en": "unknown table '{name}'", "nb": "ukjent tabell «{name}»"},
    "embed.example_failed": {
        "en": "the example cannot be calculated: {reason}",
        "nb": "eksempelet kan ikke beregnes: {reason}",
    },
    "embed.unknown_embed": {"en": "unknown embed '{text}'", "nb": "ukjent innfelling «{text}»"},
    "embed.needs_arguments": {
        "en": "'{kind}' needs arguments",
        "nb": "«{kind}» trenger argumenter",
    },
    "embed.factor_args": {
        "en": "faktor needs a drug and a route, e.g. {{{{ faktor: oxycodone po }}}}",
        "nb": "faktor trenger et legemiddel og en vei, f.eks. {{{{ faktor: oxycodone po }}}}",
    },
    "embed.unknown_rule": {"en": "unknown rule '{name}'", "nb": "ukjent regel «{name}»"},
    "embed.rule_field": {
        "en": "'regel: {name}' needs a field",
        "nb": "«regel: {name}» trenger et felt",
    },
}

register(MESSAGES)
