"""Every factor in the shipped table against the values its sources give.

The expected values are written out here from the clinical facts (docs and
tables/opioids.yaml cite the sources): point value, then the range. A change to the
table makes this fail until the editor confirms it here too.
"""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from lindring.model import Tables

# drug, route: point (Norwegian: Hdir OMEQ, then Norwegian product texts), range
EXPECTED = {
    ("morphine", "po"): (F(1), F(1), F(1)),
    ("morphine", "rectal"): (F(1), F(1), F(1)),
    ("morphine", "sc"): (F(3), F(2), F(3)),  # Durogesic table 1: 3; UK palliative: 2
    ("morphine", "iv"): (F(3), F(2), F(3)),
    ("oxycodone", "po"): (F(3, 2), F(3, 2), F(2)),  # Hdir 1.5; OxyNorm SPC 2
    ("oxycodone", "sc"): (F(3), F(3), F(4)),  # Durogesic 3; OxyNorm 2:1 po:parenteral -> 3-4
    ("oxycodone", "iv"): (F(3), F(3), F(4)),
    ("hydromorphone", "po"): (F(5), F(4), F(15, 2)),  # Hdir 5; Durogesic 4; UK 7.5
    ("hydromorphone", "sc"): (F(15), F(15), F(20)),  # Palladon 3:1 x 5; Durogesic 20
    ("hydromorphone", "iv"): (F(15), F(15), F(20)),
    ("ketobemidone", "po"): (F(1), F(1), F(3, 2)),  # Hdir 1; Uppsala 1.33-1.5
    ("ketobemidone", "sc"): (F(3), F(3), F(3)),  # Durogesic 3
    ("ketobemidone", "iv"): (F(3), F(3), F(3)),
    # the patch's 2.4 through the 1:1 route ratio (100 per mg); UK 150, ANZCA 200, Durogesic 300
    ("fentanyl", "sc"): (F(100), F(100), F(300)),
    ("fentanyl", "iv"): (F(100), F(100), F(300)),
    ("buprenorphine", "sl"): (F(48), F(40), F(75)),  # Hdir 48; ANZCA 40; Durogesic 75
    ("buprenorphine", "iv"): (F(100), F(100), F(100)),  # Durogesic 100
    ("tapentadol", "po"): (F(1, 5), F(1, 5), F(2, 5)),  # Hdir 0.2; Durogesic/CDC 0.4
    ("tramadol", "po"): (F(3, 20), F(1, 10), F(1, 4)),  # Hdir 0.15; UK 0.1; Durogesic 0.25
    ("tramadol", "iv"): (F(9, 50), F(9, 50), F(3, 10)),  # 0.15 x 1.2 (Durogesic 0.25:0.3)
    ("codeine", "po"): (F(1, 10), F(2, 25), F(3, 20)),  # Hdir 0.1; UK 0.083; CDC 0.15
    ("pethidine", "po"): (F(1, 10), F(1, 10), F(1, 10)),
    ("pethidine", "sc"): (F(2, 5), F(2, 5), F(2, 5)),  # Durogesic parenteral 0.4
    ("pethidine", "iv"): (F(2, 5), F(2, 5), F(2, 5)),
    # patches: mg oral morphine per 24 h for each microgram/h
    ("fentanyl", "td"): (F(12, 5), F(9, 5), F(18, 5)),  # Hdir/BNF 2.4; Uppsala 1.8; SPC 150:1
    ("buprenorphine", "td"): (F(111, 50), F(9, 5), F(66, 25)),  # Hdir 92.5 (75-110) per day
}
CEILINGS = {"tramadol": F(400), "codeine": F(240), "tapentadol": F(500)}


def test_every_drug_route_is_expected(tables: Tables) -> None:
    found = {(d.key, r) for d in tables.opioids.values() for r in d.routes}
    assert found == set(EXPECTED)


@pytest.mark.parametrize(("key", "expected"), sorted(EXPECTED.items()), ids=str)
def test_factor(tables: Tables, key: tuple[str, str], expected: tuple[F, F, F]) -> None:
    factor = tables.opioids[key[0]].routes[key[1]]
    assert factor.shown and factor.shown_value is not None
    assert (factor.shown_value, factor.shown.low, factor.shown.high) == expected
    assert factor.sources, "every factor cites a source"
    assert all(p.sources for p in factor.products), "every product cites a source"


# routes with nothing sold in Norway: sources only (a conversion to them is refused)
SOURCE_ONLY = {("morphine", "rectal"), ("tramadol", "iv"), ("pethidine", "po")}


def test_every_dose_route_sells_something_or_is_a_source_only(tables: Tables) -> None:
    found = {
        (d.key, r)
        for d in tables.opioids.values()
        for r, f in d.routes.items()
        if f.patch is None and not any(not p.breakthrough_only for p in f.products)
    }
    assert found == SOURCE_ONLY


# strengths as the product texts give them (Felleskatalogen, read 2026-12-01)
STRENGTHS = {
    "Dolcontin depottabletter": [5, 10, 30, 60, 100, 200],
    "Morfin tabletter": [10, 30],
    "OxyContin depottabletter": [5, 10, 15, 20, 30, 40, 60, 80, 120],
    "OxyNorm kapsler": [5, 10, 20],
    "Palladon depotkapsler (godkjenningsfritak)": [4, 8, 16, 24],
    "Palladon kapsler (godkjenningsfritak)": [F(13, 10), F(26, 10)],
    "Ketorax tabletter": [5],
    "Temgesic sublingvaltabletter": [F(1, 5), F(2, 5)],
    "Palexia depot depottabletter": [50, 100, 150, 200, 250],
    "Nobligan kapsler": [50],
}
CONCENTRATIONS = {  # mg (fentanyl: microgram) per ml
    "Morfin injeksjon 10 mg/ml": 10,
    "Morfin injeksjon 20 mg/ml": 20,
    "Oramorph mikstur 2 mg/ml": 2,
    "OxyNorm mikstur 1 mg/ml": 1,
    "Palladon injeksjon 10 mg/ml": 10,
    "Ketorax injeksjon 5 mg/ml": 5,
    "Temgesic injeksjon 0,3 mg/ml": F(3, 10),
    "Fentanyl injeksjon 50 mikrogram/ml": 50,
}


def test_products_match_their_product_texts(tables: Tables) -> None:
    products = {
        p.name: p for d in tables.opioids.values() for f in d.routes.values() for p in f.products
    }
    for name, strengths in STRENGTHS.items():
        assert list(products[name].strengths) == strengths, name
    for name, concentration in CONCENTRATIONS.items():
        assert products[name].concentration == concentration, name
    exempt = {name for name, p in products.items() if p.exemption}
    assert exempt == {
        "Palladon depotkapsler (godkjenningsfritak)",
        "Palladon kapsler (godkjenningsfritak)",
    }


# route ratios: mg by the first route per mg by the second, as the sources give them
RATIOS = {
    ("morphine", ("po", "sc")): F(3),  # Durogesic table 1 (Dolcontin text: 2)
    ("morphine", ("sc", "iv")): F(1),
    ("morphine", ("po", "rectal")): F(1),  # Norsk legemiddelhåndbok: same doses
    ("oxycodone", ("po", "sc")): F(2),  # OxyNorm text: 2 mg oral = 1 mg parenteral
    ("oxycodone", ("sc", "iv")): F(1),
    ("hydromorphone", ("po", "sc")): F(3),  # Palladon text: 3 mg oral = 1 mg i.v.
    ("hydromorphone", ("sc", "iv")): F(1),
    ("ketobemidone", ("po", "sc")): F(3),
    ("ketobemidone", ("sc", "iv")): F(1),
    ("fentanyl", ("td", "sc")): F(1),  # a patch delivers its rate (Durogesic)
    ("fentanyl", ("sc", "iv")): F(1),
    ("buprenorphine", ("sl", "td")): F(185, 96),  # Hdir 92.5 / 48
    ("buprenorphine", ("sl", "iv")): F(25, 12),  # Durogesic 100 / Hdir 48
    ("tramadol", ("po", "iv")): F(6, 5),  # Durogesic 0.3 / 0.25
    ("pethidine", ("po", "sc")): F(4),  # MSD 300 mg oral ~ 75 mg i.m.
    ("pethidine", ("sc", "iv")): F(1),
}


def test_route_ratios(tables: Tables) -> None:
    found = {(d.key, r.routes): r.ratio for d in tables.opioids.values() for r in d.route_ratios}
    assert found == RATIOS


def test_patch_factors_per_mg_match_hdir_ratios(tables: Tables) -> None:
    # Hdir gives patches as ratios per mg/day: fentanyl 100, buprenorphine 75-110.
    fentanyl = tables.opioids["fentanyl"].routes["td"]
    assert fentanyl.value == 100
    buprenorphine = tables.opioids["buprenorphine"].routes["td"]
    assert (buprenorphine.low, buprenorphine.high) == (75, 110)


def test_patch_strengths_sold_in_norway(tables: Tables) -> None:
    def strengths(drug: str) -> list[list[str]]:
        patch = tables.opioids[drug].routes["td"].patch
        assert patch
        return [[label for label, _ in p.strengths] for p in patch.products]

    assert strengths("fentanyl") == [["12", "25", "50", "75", "100"]]
    # Transtec (35-70) needs an exemption in Norway (koble.info): not offered
    assert strengths("buprenorphine") == [["5", "10", "15", "20", "30"]]
    fentanyl = tables.opioids["fentanyl"].routes["td"].patch
    assert fentanyl and dict(fentanyl.products[0].strengths)["12"] == F(25, 2)  # delivers 12.5


def test_ceilings(tables: Tables) -> None:
    found = {k: d.ceiling.value for k, d in tables.opioids.items() if d.ceiling}
    assert found == CEILINGS


def test_methadone_is_non_linear_and_pethidine_is_flagged(tables: Tables) -> None:
    assert tables.opioids["methadone"].status == "nonlinear"
    assert tables.opioids["methadone"].routes == {}
    assert tables.opioids["pethidine"].status == "avoid"


def test_rules_follow_the_norwegian_handbook(tables: Tables) -> None:
    rule = tables.reduction
    assert rule.threshold_ome == 200
    assert (rule.below.default, rule.below.low, rule.below.high) == (25, 20, 30)
    assert rule.at_or_above.default == 50
    assert rule.max_override == 75
    bt = tables.breakthrough
    assert (bt.fraction, bt.low, bt.high) == (F(1, 6), F(1, 10), F(1, 4))


def test_every_cited_source_exists_and_every_source_is_cited(tables: Tables) -> None:
    cited: set[str] = set()
    for drug in tables.opioids.values():
        cited.update(drug.sources)
        for factor in drug.routes.values():
            cited.update(factor.sources)
            for product in factor.products:
                cited.update(product.sources)
            if factor.patch:
                patch = factor.patch
                cited.update(patch.max_rate_sources + patch.max_patches_sources)
                for text in (patch.to_patch, patch.from_patch, patch.cautions):
                    cited.update(text.sources)
                for product in patch.products:
                    cited.update(product.sources)
        for caution in drug.refused_routes.values():
            cited.update(caution.sources)
        for ratio in drug.route_ratios:
            cited.update(ratio.sources)
        for part in (drug.ceiling, drug.renal):
            if part:
                cited.update(part.sources)
        for band in drug.renal.bands if drug.renal else ():
            cited.update(band.sources)
    for route in tables.routes.values():
        cited.update(route.sources)
    if tables.pump:
        cited.update(tables.pump.rules.sources)
        for ampoules in tables.pump.ampoules.values():
            cited.update(ampoules.sources)
        for adjuvant in tables.pump.adjuvants.values():
            cited.update(adjuvant.ampoules.sources)
    for group in tables.refused.values():
        cited.update(group.sources)
    cited.update(
        tables.reduction.sources
        + tables.breakthrough.sources
        + tables.plausibility.sources
        + tables.regimen.sources
        + (tables.frail.sources if tables.frail else ())
    )
    assert cited <= set(tables.sources)
    assert set(tables.sources) <= cited, set(tables.sources) - cited
