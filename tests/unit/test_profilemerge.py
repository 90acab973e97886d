"""The merge of a profile over its base (lindring.table.profile_merge): what wins, what is
replaced as a group, and where each merged path was written."""

from __future__ import annotations

from fractions import Fraction

from lindring.table.profile_merge import merge, withdraw
from lindring.table.yamlsource import load

BASE = """\
opioids:
  morphine:
    routes:
      po: {factor: 1, sources: [a]}
      sc: {factor: 3, range: [2, 3], sources: [a], note: "base", products: [p]}
      iv: {factor: 3, sources: [a]}
    route_ratios:
      - {routes: [po, sc], ratio: 3, sources: [a]}
      - {routes: [sc, iv], ratio: 1, sources: [a]}
    refused_routes:
      nasal: {nb: x, en: x, sources: [a]}
"""
PROFILE = """\
profile: {id: p}
base: norwegian
opioids:
  morphine:
    routes:
      sc: {factor: 2, sources: [b]}
      nasal: {factor: 1, sources: [b]}
    route_ratios:
      - {routes: [sc, po], ratio: 2, sources: [b]}
"""


def test_a_factor_is_replaced_with_its_range_sources_and_note() -> None:
    merged = merge(load(BASE, "base.yaml"), load(PROFILE, "p.yaml"))
    sc = merged.data["opioids"]["morphine"]["routes"]["sc"]
    assert sc == {"products": ["p"], "factor": 2, "sources": ["b"]}
    assert merged.data["opioids"]["morphine"]["routes"]["po"]["factor"] == 1  # inherited
    assert "profile" not in merged.data and "base" not in merged.data


def test_route_ratios_merge_by_pair_and_refusals_give_way_to_a_factor() -> None:
    kept = merge(load(BASE, "base.yaml"), load("profile: {id: p}\nbase: norwegian\n", "p.yaml"))
    assert len(kept.data["opioids"]["morphine"]["route_ratios"]) == 2  # nothing overridden
    merged = merge(load(BASE, "base.yaml"), load(PROFILE, "p.yaml"))
    drug = merged.data["opioids"]["morphine"]
    ratios = {frozenset(r["routes"]): r["ratio"] for r in drug["route_ratios"]}
    # the base's sc:iv names sc, which the profile gives its own factor: not inherited
    assert ratios == {frozenset({"po", "sc"}): 2}
    assert "refused_routes" not in drug  # the profile gives nasal a factor


def test_each_path_names_the_file_it_was_written_in() -> None:
    merged = merge(load(BASE, "base.yaml"), load(PROFILE, "p.yaml"))
    assert merged.where(("opioids", "morphine", "routes", "po", "factor")) == "base.yaml:4:12"
    assert merged.where(("opioids", "morphine", "routes", "sc", "factor")) == "p.yaml:6:12"


def test_withdraw_refuses_the_route_and_drops_its_ratios() -> None:
    merged = merge(load(BASE, "base.yaml"), load(PROFILE, "p.yaml"))
    refusal = {"nb": "n", "en": "e", "sources": ["b"]}
    done = withdraw(merged, {("morphine", "iv"): ("not_covered", "morphine", 0)}, refusal)
    drug = done.data["opioids"]["morphine"]
    assert "iv" not in drug["routes"] and drug["refused_routes"]["iv"] == refusal
    assert [r["routes"] for r in drug["route_ratios"]] == [["sc", "po"]]
    assert drug["routes"]["sc"]["factor"] == Fraction(2)
