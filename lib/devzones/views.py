"""Report-ready views of the workbook's tables: zone inventories, counts by city and level,
zone-industry matrices, chain lists and flows, investment tables and totals, and the filters that
narrow them to a period or to one zone. Every function is pure (DataFrames in, a new DataFrame
out) and tolerant of optional columns the extractors may or may not provide, so the report
notebooks stay a few lines each and the same logic can be tested without a kernel.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache

import opencc
import pandas as pd

from devzones.clean import to_simplified
from devzones.tables import Tables

LEVELS = ["national", "provincial", "city", "county", "unknown"]
SINGLE_MEASURES = ["total", "annual_plan", "completed", "output_value"]  # one project each
PROGRAMME_MEASURES = ["aggregate", "fund"]  # batches of projects and money pools
MEASURES = SINGLE_MEASURES + PROGRAMME_MEASURES
STATUSES = ["planned", "signed", "started", "under_construction", "operating", "completed"]
NO_ZONE = "(no zone)"
NO_CITY = "(several / unknown)"
YI = 1e8  # yuan in one 亿元: researchers read amounts in 亿元


# ---------------------------------------------------------------- small column helpers


def col(df: pd.DataFrame, name: str, default: object = "") -> pd.Series:
    """``df[name]`` with missing values as ``default``; a column of ``default`` when absent."""
    if name in df.columns:
        return df[name].astype(object).where(df[name].notna(), default)
    return pd.Series([default] * len(df), index=df.index, dtype=object)


def split_bar(value: object) -> list[str]:
    """Split a ``|``-joined cell (aliases, stages, carriers) into its non-empty parts."""
    if not isinstance(value, str):
        return []
    return [part.strip() for part in value.split("|") if part.strip()]


def empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


# ---------------------------------------------------------------- zones: lookup and names


def zone_lookup(zones: pd.DataFrame) -> dict[str, str]:
    """Every form a zone is known by (id, name, aliases) -> its zone_id."""
    lookup: dict[str, str] = {}
    for zone_id, name, aliases in zip(
        col(zones, "zone_id"), col(zones, "name"), col(zones, "aliases"), strict=True
    ):
        for form in [zone_id, name, *split_bar(aliases)]:
            if form:
                lookup.setdefault(str(form), str(zone_id))
    return lookup


def find_zone(zones: pd.DataFrame, text: str) -> str | None:
    """The zone_id a user's text names (id, official name or alias, either script), or None."""
    text = text.strip()
    lookup = zone_lookup(zones)
    return lookup.get(text) or lookup.get(to_simplified(text))


def zone_names(zones: pd.DataFrame) -> dict[str, str]:
    return dict(zip(col(zones, "zone_id"), col(zones, "name"), strict=True))


def name_of(zone_ids: pd.Series, names: Mapping[str, str]) -> pd.Series:
    """Zone names for a column of zone ids; rows without a zone read ``NO_ZONE``."""
    return zone_ids.map(lambda z: names.get(z, z) if isinstance(z, str) and z else NO_ZONE)


# ---------------------------------------------------------------- period and focus filters


def in_period(dates: pd.Series, since: str | None, until: str | None) -> pd.Series:
    """Which ISO dates fall in [since, until]; undated rows are out once a bound is set."""
    keep = pd.Series(True, index=dates.index)
    text = dates.astype(object).where(dates.notna(), "").astype(str)
    if since:
        keep &= (text != "") & (text >= since)
    if until:
        keep &= (text != "") & (text <= until)
    return keep


def for_documents(tables: Tables, doc_ids: set[str]) -> Tables:
    """The tables restricted to the given documents; zones to those still mentioned."""

    def keep(df: pd.DataFrame) -> pd.DataFrame:
        return df[col(df, "doc_id").isin(doc_ids)] if "doc_id" in df.columns else df

    mentions, invest = keep(tables.zone_mentions), keep(tables.investments)
    mentioned = set(col(mentions, "zone_id")) | set(col(invest, "zone_id"))
    return replace(
        tables,
        documents=keep(tables.documents),
        zones=tables.zones[col(tables.zones, "zone_id").isin(mentioned)],
        zone_mentions=mentions,
        investments=invest,
        chains=keep(tables.chains),
        extra={name: keep(df) for name, df in tables.extra.items()},
    )


def filter_period(tables: Tables, since: str | None, until: str | None) -> Tables:
    """Keep the articles dated within [since, until] (ISO dates; None = open)."""
    if not since and not until:
        return tables
    docs = tables.documents
    return for_documents(
        tables, set(docs.loc[in_period(col(docs, "date"), since, until), "doc_id"])
    )


def story_keys(df: pd.DataFrame) -> pd.Series:
    """(doc_id, story) of each row, story 1 when the table has no story column."""
    return pd.Series(list(zip(col(df, "doc_id"), col(df, "story", 1), strict=True)), index=df.index)


# ---------------------------------------------------------------- script


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def in_script_text(value: str, script: str) -> str:
    """One string in the reader's script ("simplified" or "traditional")."""
    return _s2t().convert(value) if script == "traditional" else value


def in_script(df: pd.DataFrame, script: str) -> pd.DataFrame:
    """Text cells and labels in the reader's script ("simplified" or "traditional")."""
    if script == "simplified":
        return df

    def text(value: object) -> object:
        return in_script_text(value, script) if isinstance(value, str) else value

    out = df.copy()
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(text)
    out.index = out.index.map(text)
    out.columns = out.columns.map(text)
    return out


# ---------------------------------------------------------------- zones views


def mention_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Per zone: how many mentions and in how many articles."""
    m = mentions[col(mentions, "zone_id") != ""]
    grouped = m.groupby("zone_id", sort=True)
    return pd.DataFrame(
        {"mentions": grouped.size(), "articles": grouped["doc_id"].nunique()}
    ).reset_index()


def zone_industry_pairs(industries: pd.DataFrame | None, zones: pd.DataFrame) -> pd.DataFrame:
    """(zone_id, industry) pairs: from an industries table when there is one, else from a
    ``|``-joined ``industries`` column of the zones table."""
    if industries is not None and {"zone_id", "industry"} <= set(industries.columns):
        pairs = industries[["zone_id", "industry"]]
    else:
        pairs = pd.DataFrame(
            [
                (z, ind)
                for z, inds in zip(col(zones, "zone_id"), col(zones, "industries"), strict=True)
                for ind in split_bar(inds)
            ],
            columns=["zone_id", "industry"],
        )
    pairs = pairs[(col(pairs, "zone_id") != "") & (col(pairs, "industry") != "")]
    return pairs.astype(object)


def leading_industries(pairs: pd.DataFrame, n: int = 5) -> pd.Series:
    """zone_id -> its most often named industries, joined with 、."""
    if pairs.empty:
        return pd.Series(dtype=object)
    counts = pairs.value_counts(["zone_id", "industry"]).rename("n").reset_index()
    counts = counts.sort_values(["zone_id", "n", "industry"], ascending=[True, False, True])
    return counts.groupby("zone_id")["industry"].agg(lambda s: "、".join(s.head(n)))


def zone_inventory(
    zones: pd.DataFrame, mentions: pd.DataFrame, pairs: pd.DataFrame
) -> pd.DataFrame:
    """One row per zone: name, kind, level, city, mentions, articles, leading industries, and
    the other names it goes by (so a search for an alias finds it)."""
    counts = mention_counts(mentions).set_index("zone_id")
    ids = col(zones, "zone_id")
    leading = leading_industries(pairs)
    out = pd.DataFrame(
        {
            "zone": col(zones, "name").to_numpy(),
            "kind": col(zones, "kind").to_numpy(),
            "level": col(zones, "level").to_numpy(),
            "city": col(zones, "city").to_numpy(),
            "mentions": ids.map(counts["mentions"]).fillna(0).astype(int).to_numpy(),
            "articles": ids.map(counts["articles"]).fillna(0).astype(int).to_numpy(),
            "leading industries": ids.map(lambda z: leading.get(z, "")).to_numpy(),
            "also called": col(zones, "aliases").map(lambda a: "、".join(split_bar(a))).to_numpy(),
        }
    )
    order = ["mentions", "articles", "zone"]
    return out.sort_values(order, ascending=[False, False, True]).reset_index(drop=True)


def zones_by_city_level(zones: pd.DataFrame) -> pd.DataFrame:
    """Zone counts: one row per city, one column per level (national first), and a total."""
    if zones.empty:
        return empty(["city", *LEVELS, "total"])
    city = col(zones, "city").replace("", NO_CITY)
    level = col(zones, "level").replace("", "unknown")
    table = pd.crosstab(city.rename("city"), level.rename("level"))
    table = table.reindex(
        columns=[lv for lv in LEVELS if lv in table.columns]
        + sorted(set(table.columns) - set(LEVELS))
    )
    table["total"] = table.sum(axis=1)
    table = table.reset_index().sort_values(["total", "city"], ascending=[False, True])
    table.columns.name = None
    return table


def zone_industry_matrix(
    pairs: pd.DataFrame, names: Mapping[str, str], top_n: int | None = None
) -> pd.DataFrame:
    """Zones x industries: how often the text names each industry for each zone. With top_n,
    only the industries named for the most zones."""
    if pairs.empty:
        return empty(["zone"])
    matrix = pd.crosstab(name_of(pairs["zone_id"], names).rename("zone"), pairs["industry"])
    spread = (matrix > 0).sum().sort_values(ascending=False, kind="stable")
    keep = list(spread.index[:top_n] if top_n else spread.index)
    matrix = matrix[keep]
    matrix.columns.name = None
    order = matrix.sum(axis=1).sort_values(ascending=False, kind="stable").index
    return matrix.loc[order].reset_index()


def extra_table(tables: Tables, needed: set[str]) -> pd.DataFrame | None:
    """The first extra table (by name) holding the ``needed`` columns, whatever it is called."""
    extra = tables.extra
    return next((extra[n] for n in sorted(extra) if needed <= set(extra[n].columns)), None)


def relation_table(tables: Tables) -> pd.DataFrame | None:
    """The extra table of zone relations: the one naming a parent and a child zone."""
    for need in ({"parent_zone_id", "child_zone_id"}, {"parent", "child"}):
        found = extra_table(tables, need)
        if found is not None:
            return found
    return None


def _side_ids(rel: pd.DataFrame, side: str, lookup: Mapping[str, str]) -> pd.Series:
    """One side (parent or child) of a relation as zone ids: an id column when the table has
    one, else its surface resolved through the zones' names and aliases."""
    for name in (f"{side}_zone_id", f"{side}_id"):
        if name in rel.columns:
            return col(rel, name)
    surface = col(rel, f"{side}_zone_surface") if f"{side}_zone_surface" in rel else col(rel, side)
    return surface.map(lambda s: lookup.get(s, lookup.get(to_simplified(s), "")) if s else "")


def zone_relations(relations: pd.DataFrame | None, zones: pd.DataFrame) -> pd.DataFrame:
    """Parent/child relations between zones (a park inside a zone, a zone's starting area):
    from a relations table (parent and child as ids or surfaces, plus ``relation``), or from a
    ``parent_id`` column of the zones table."""
    columns = ["parent", "child", "relation", "parent_id", "child_id"]
    lookup = zone_lookup(zones)
    if relations is not None:
        rel = pd.DataFrame(
            {
                "parent_id": _side_ids(relations, "parent", lookup),
                "child_id": _side_ids(relations, "child", lookup),
                "relation": col(relations, "relation", "part_of"),
            }
        )
    elif "parent_id" in zones.columns:
        rel = pd.DataFrame(
            {"parent_id": col(zones, "parent_id"), "child_id": col(zones, "zone_id")}
        ).assign(relation="part_of")
    else:
        return empty(columns)
    rel = rel[(rel["parent_id"] != "") & (rel["child_id"] != "")]
    names = zone_names(zones)
    out = rel.assign(
        parent=name_of(rel["parent_id"], names), child=name_of(rel["child_id"], names)
    )[columns]
    return out.drop_duplicates().sort_values(["parent", "child"]).reset_index(drop=True)


def zone_sentences(
    mentions: pd.DataFrame, names: Mapping[str, str], documents: pd.DataFrame
) -> pd.DataFrame:
    """Every sentence that mentions a zone, once per zone and sentence, in document order."""
    columns = ["zone", "date", "doc_id", "story", "sentence"]
    m = mentions[col(mentions, "zone_id") != ""]
    if m.empty:
        return empty(columns)
    dates = dict(zip(col(documents, "doc_id"), col(documents, "date"), strict=True))
    out = pd.DataFrame(
        {
            "zone": name_of(m["zone_id"], names),
            "date": col(m, "doc_id").map(dates).fillna(""),
            "doc_id": col(m, "doc_id"),
            "story": col(m, "story", 1),
            "sentence": col(m, "evidence"),
            "start": col(m, "start", 0),
        }
    )
    out = out.sort_values(["zone", "doc_id", "start"]).drop_duplicates(
        ["zone", "doc_id", "sentence"]
    )
    return out[columns].reset_index(drop=True)


def zone_profile(
    zones: pd.DataFrame, inventory: pd.DataFrame, relations: pd.DataFrame, zone_id: str | None
) -> pd.DataFrame:
    """One zone as a two-column card (field, value): its names, kind, level, city, how often the
    corpus names it, its leading industries and the zones it contains or belongs to."""
    row = zones[col(zones, "zone_id") == zone_id]
    if not zone_id or row.empty:
        return empty(["field", "value"])
    name = str(col(row, "name").iloc[0])
    inv = inventory[inventory["zone"] == name]
    counts = inv.iloc[0] if len(inv) else pd.Series(dtype=object)
    values = {
        "zone": name,
        "zone_id": zone_id,
        "also called": "、".join(split_bar(col(row, "aliases").iloc[0])),
        "kind": col(row, "kind").iloc[0],
        "level": col(row, "level").iloc[0],
        "city": col(row, "city").iloc[0],
        "mentions": counts.get("mentions", 0),
        "articles": counts.get("articles", 0),
        "leading industries": counts.get("leading industries", ""),
        "within": "、".join(relations.loc[relations["child_id"] == zone_id, "parent"]),
        "contains": "、".join(relations.loc[relations["parent_id"] == zone_id, "child"]),
    }
    return pd.DataFrame({"field": list(values), "value": [str(v) for v in values.values()]})


def zone_views(
    tables: Tables, focus: str | None = None, top_n: int = 15
) -> dict[str, pd.DataFrame]:
    """The zones report's tables; with ``focus`` (a zone_id) every table keeps that zone only."""
    zones, mentions = tables.zones, tables.zone_mentions
    pairs = zone_industry_pairs(extra_table(tables, {"zone_id", "industry"}), zones)
    relations = zone_relations(relation_table(tables), zones)
    if focus:
        zones = zones[col(zones, "zone_id") == focus]
        mentions = mentions[col(mentions, "zone_id") == focus]
        pairs = pairs[pairs["zone_id"] == focus]
        relations = relations[(relations["parent_id"] == focus) | (relations["child_id"] == focus)]
    names = zone_names(tables.zones)
    inventory = zone_inventory(zones, mentions, pairs)
    # profile the focus zone, or by default the zone the corpus names most
    profiled = focus or (
        zone_lookup(tables.zones).get(inventory["zone"].iloc[0]) if len(inventory) else None
    )
    return {
        "profile": zone_profile(tables.zones, inventory, relations, profiled),
        "inventory": inventory,
        "by_city_level": zones_by_city_level(zones),
        "industry_matrix": zone_industry_matrix(pairs, names, top_n),
        "relations": relations[["parent", "child", "relation"]],
        "sentences": zone_sentences(mentions, names, tables.documents),
    }


# ---------------------------------------------------------------- chains views


def chain_carriers(
    chains: pd.DataFrame, zones: pd.DataFrame, mentions: pd.DataFrame
) -> pd.DataFrame:
    """(row, zone_id) pairs: which zone carries each chain. From the ``carriers`` column (ids,
    names or aliases joined by ``|``) when the extractor gives it; otherwise a chain is
    attributed to the zones mentioned in the same story."""
    if "carriers" in chains.columns:
        lookup = zone_lookup(zones)
        pairs = [
            (row, lookup.get(c, lookup.get(to_simplified(c), c)))
            for row, cell in zip(chains.index, chains["carriers"], strict=True)
            for c in split_bar(cell)
        ]
    else:
        zones_in = (
            mentions[col(mentions, "zone_id") != ""]
            .assign(key=story_keys(mentions))
            .groupby("key")["zone_id"]
            .agg(lambda s: sorted(set(s)))
        )
        pairs = [
            (row, z)
            for row, key in zip(chains.index, story_keys(chains), strict=True)
            for z in zones_in.get(key, [])
        ]
    return pd.DataFrame(pairs, columns=["row", "zone_id"]).drop_duplicates()


def chain_list(chains: pd.DataFrame) -> pd.DataFrame:
    """Every chain name once, by category, with the articles naming it, whether the text writes
    its stages out, and the size the text gives its group (8条优势特色产业链 -> 8)."""
    columns = ["category", "chain", "articles", "staged", "group size stated"]
    if chains.empty:
        return empty(columns)
    df = pd.DataFrame(
        {
            "category": col(chains, "category").replace("", "(none given)"),
            "chain": col(chains, "name"),
            "doc_id": col(chains, "doc_id"),
            "staged": col(chains, "stages").map(lambda s: bool(split_bar(s))),
            "stated": pd.to_numeric(col(chains, "count_stated", None), errors="coerce"),
        }
    )
    df = df[df["chain"] != ""]
    out = df.groupby(["category", "chain"], as_index=False).agg(
        articles=("doc_id", "nunique"), staged=("staged", "any"), stated=("stated", "max")
    )
    out["group size stated"] = out.pop("stated").astype("Int64")
    return out.sort_values(["category", "articles", "chain"], ascending=[True, False, True])[
        columns
    ].reset_index(drop=True)


def staged_chains(chains: pd.DataFrame) -> pd.DataFrame:
    """Chains the text writes stage by stage, once per distinct (name, stages), the most widely
    reported first (then in order of appearance), with the first article and sentence giving
    them."""
    columns = ["chain", "stages", "n_stages", "articles", "doc_id", "sentence"]
    stages = col(chains, "stages")
    df = chains[stages.map(lambda s: len(split_bar(s)) >= 2)]
    if df.empty:
        return empty(columns)
    out = pd.DataFrame(
        {
            "chain": col(df, "name"),
            "stages": col(df, "stages").map(lambda s: " → ".join(split_bar(s))),
            "n_stages": col(df, "stages").map(lambda s: len(split_bar(s))),
            "doc_id": col(df, "doc_id"),
            "sentence": col(df, "evidence"),
        }
    )
    articles = out.groupby(["chain", "stages"], sort=False)["doc_id"].transform("nunique")
    out = out.assign(articles=articles).drop_duplicates(["chain", "stages"])
    out = out.sort_values("articles", ascending=False, kind="stable")
    return out[columns].reset_index(drop=True)


def chains_by_zone(
    chains: pd.DataFrame, carriers: pd.DataFrame, names: Mapping[str, str]
) -> pd.DataFrame:
    """Per carrier zone: how many distinct chains it carries, and which."""
    columns = ["zone", "chains", "chain names"]
    if carriers.empty:
        return empty(columns)
    pairs = pd.DataFrame(
        {
            "zone": name_of(carriers["zone_id"], names).to_numpy(),
            "chain": col(chains, "name").loc[carriers["row"]].to_numpy(),
        }
    )
    pairs = pairs[pairs["chain"] != ""].drop_duplicates()
    out = pairs.groupby("zone")["chain"].agg(
        chains="nunique", **{"chain names": lambda s: "、".join(sorted(set(s)))}
    )
    out = out.reset_index().sort_values(["chains", "zone"], ascending=[False, True])
    return out[columns].reset_index(drop=True)


def scale_targets(chains: pd.DataFrame) -> pd.DataFrame:
    """Chains with a scale target the text gives (e.g. 千亿级), with the sentence."""
    columns = ["chain", "scale", "doc_id", "sentence"]
    df = chains[col(chains, "scale") != ""]
    if df.empty:
        return empty(columns)
    out = pd.DataFrame(
        {
            "chain": col(df, "name"),
            "scale": col(df, "scale").map(lambda s: "、".join(split_bar(s))),
            "doc_id": col(df, "doc_id"),
            "sentence": col(df, "evidence"),
        }
    )
    return out.drop_duplicates(["chain", "scale"]).reset_index(drop=True)


def chain_views(
    tables: Tables, focus: str | None = None, top_n: int = 15
) -> dict[str, pd.DataFrame]:
    """The chains report's tables; with ``focus`` only the chains that zone carries."""
    chains = tables.chains
    carriers = chain_carriers(chains, tables.zones, tables.zone_mentions)
    if focus:
        carriers = carriers[carriers["zone_id"] == focus]
        chains = chains.loc[sorted(set(carriers["row"]))]
    names = zone_names(tables.zones)
    by_zone = chains_by_zone(chains, carriers, names)
    return {
        "chain_list": chain_list(chains),
        "staged": staged_chains(chains),
        "by_zone": by_zone.head(top_n) if top_n else by_zone,
        "scale_targets": scale_targets(chains),
    }


# ---------------------------------------------------------------- investment views


def investment_rows(investments: pd.DataFrame, documents: pd.DataFrame, names: Mapping[str, str]):
    """Investments in report form: amounts in 亿元, zone names, a date for every row that has
    one (the event's own date, else the article's)."""
    doc_dates = dict(zip(col(documents, "doc_id"), col(documents, "date"), strict=True))
    event = col(investments, "event_date")
    date = event.where(event != "", col(investments, "doc_id").map(doc_dates)).fillna("")
    amount = pd.to_numeric(col(investments, "amount_yuan", None), errors="coerce")
    return pd.DataFrame(
        {
            "project": col(investments, "project"),
            "company": col(investments, "company"),
            "zone": name_of(col(investments, "zone_id"), names),
            "amount (亿元)": (amount / YI).round(4),
            "qualifier": col(investments, "qualifier"),
            "measure": col(investments, "measure"),
            "status": col(investments, "status"),
            "projects": pd.to_numeric(
                col(investments, "project_count", None), errors="coerce"
            ).astype("Int64"),
            "date": date,
            "doc_id": col(investments, "doc_id"),
            "sentence": col(investments, "evidence"),
            "zone_id": col(investments, "zone_id"),
        }
    ).dropna(subset=["amount (亿元)"])


def distinct(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per fact: the same project, amount and measure reported by several articles is
    kept once (its earliest report), with the number of articles repeating it."""
    if rows.empty:
        return rows.assign(articles=pd.Series(dtype=int))
    key = rows["project"].where(rows["project"] != "", rows["company"])
    rows = rows.assign(_key=key).sort_values(["date", "doc_id"], kind="stable")
    articles = rows.groupby(["_key", "amount (亿元)", "measure"])["doc_id"].transform("nunique")
    rows = rows.assign(articles=articles).drop_duplicates(["_key", "amount (亿元)", "measure"])
    return rows.drop(columns="_key")


def is_programme(rows: pd.DataFrame) -> pd.Series:
    """Figures for a batch of projects or a fund: an aggregate or fund measure, or any figure
    the text gives for several projects at once (a programme's annual plan)."""
    return rows["measure"].isin(PROGRAMME_MEASURES) | (rows["projects"].fillna(1) > 1)


def project_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Single projects, largest first (programme aggregates and funds are kept apart)."""
    single = distinct(rows[rows["measure"].isin(SINGLE_MEASURES) & ~is_programme(rows)])
    columns = [
        "project",
        "company",
        "zone",
        "amount (亿元)",
        "qualifier",
        "measure",
        "status",
        "date",
    ]
    single = single.sort_values(["amount (亿元)", "project"], ascending=[False, True])
    return single[[*columns, "articles", "doc_id", "sentence"]].reset_index(drop=True)


def programme_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Programme aggregates (a batch of N projects, its annual plan) and funds, largest first."""
    prog = distinct(rows[is_programme(rows)])
    prog = prog.sort_values(["amount (亿元)", "project"], ascending=[False, True])
    columns = [
        "project",
        "zone",
        "amount (亿元)",
        "qualifier",
        "measure",
        "projects",
        "status",
        "date",
    ]
    return prog[[*columns, "articles", "doc_id", "sentence"]].reset_index(drop=True)


def totals(projects: pd.DataFrame, by: str, order: list[str] | None = None) -> pd.DataFrame:
    """Sum of single-project amounts (亿元) per ``by`` value, one column per measure (amounts of
    different measures are never added together), plus the number of projects; rows largest
    first, or in ``order`` (e.g. the status lifecycle) when given."""
    if projects.empty:
        return empty([by, "projects"])
    keyed = projects.assign(**{by: projects[by].replace("", "(none)")})
    table = keyed.pivot_table(
        index=by, columns="measure", values="amount (亿元)", aggfunc="sum", fill_value=0
    )
    table = table[[m for m in SINGLE_MEASURES if m in table.columns]]
    table.insert(0, "projects", keyed.groupby(by).size())
    if order:
        rank = {value: i for i, value in enumerate(order)}
        rows = sorted(table.index, key=lambda v: (rank.get(v, len(rank)), v))
    else:
        largest = table.drop(columns="projects").max(axis=1)
        rows = largest.sort_values(ascending=False, kind="stable").index
    table = table.loc[rows].round(4).reset_index()
    table.columns.name = None
    return table


def totals_by_measure(projects: pd.DataFrame, programmes: pd.DataFrame) -> pd.DataFrame:
    """Per measure: how many distinct facts and their sum (亿元); programmes on their own rows."""
    both = pd.concat(
        [projects.assign(kind="single project"), programmes.assign(kind="programme / fund")]
    )
    if both.empty:
        return empty(["measure", "kind", "facts", "amount (亿元)"])
    out = both.groupby(["measure", "kind"], as_index=False).agg(
        facts=("project", "size"), **{"amount (亿元)": ("amount (亿元)", "sum")}
    )
    out["order"] = out["measure"].map({m: i for i, m in enumerate(MEASURES)})
    return (
        out.sort_values(["order", "measure"]).drop(columns="order").round(4).reset_index(drop=True)
    )


def timeline(rows: pd.DataFrame) -> pd.DataFrame:
    """Dated investment events in date order."""
    dated = distinct(rows[rows["date"] != ""])
    columns = ["date", "project", "zone", "amount (亿元)", "measure", "status"]
    return dated.sort_values(["date", "amount (亿元)"], ascending=[True, False])[
        [*columns, "doc_id"]
    ].reset_index(drop=True)


def investment_views(
    tables: Tables, focus: str | None = None, top_n: int = 15
) -> dict[str, pd.DataFrame]:
    """The investment report's tables; with ``focus`` only that zone's investments."""
    rows = investment_rows(tables.investments, tables.documents, zone_names(tables.zones))
    if focus:
        rows = rows[rows["zone_id"] == focus]
    projects = project_table(rows)
    programmes = programme_table(rows)
    by_zone = totals(projects, "zone")
    return {
        "projects": projects,
        "programmes": programmes,
        "totals_by_zone": by_zone.head(top_n) if top_n else by_zone,
        "totals_by_measure": totals_by_measure(projects, programmes),
        "totals_by_status": totals(projects, "status", STATUSES),
        "timeline": timeline(rows),
    }


THEME_VIEWS: dict[str, Callable[..., dict[str, pd.DataFrame]]] = {
    "zones": zone_views,
    "chains": chain_views,
    "investment": investment_views,
}
