"""The markdown tables of a ``make bench`` report (bench/results/bench.md)."""

from __future__ import annotations

from typing import Any

from bench.load import load_table
from bench.peer import peer_table

__all__ = ["markdown"]


def _overhead(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| root field | same answer | driver's `execute_query`, `Record.data()`: median (p95) ms "
        "| `GraphClient.read_text`, as decoded: median ms "
        "| GraphQL over HTTP: median (p95) ms | of which inside the API (waiting on Neo4j) "
        "| HTTP − driver ms | ratio to `data()` | ratio to decoded |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['case']} | {'yes' if r['same_answer'] else 'NO'} "
            f"| {r['cypher']['median_ms']:.2f} ({r['cypher']['p95_ms']:.2f}) "
            f"| {r['decoded']['median_ms']:.2f} "
            f"| {r['http']['median_ms']:.2f} ({r['http']['p95_ms']:.2f}) "
            f"| {r['inside_api_ms']:.2f} ({r['neo4j_in_api_ms']:.2f}) "
            f"| {r['median_gap_ms']:+.2f} | {r['median_ratio']:.2f}× | {r['decoded_ratio']:.2f}× |"
        )
    return lines


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    out = [
        f"# make bench — {report['when']}",
        "",
        f"Machine: {m['cpus']} CPUs, {m['memory']}, {m['platform']}, Python {m['python']}, "
        f"{m['java']}; Neo4j heap {report['neo4j']['heap']}, page cache "
        f"{report['neo4j']['pagecache']}.",
        "",
    ]
    if report.get("api_overhead"):
        out += ["## API overhead on the corpus", "", *_overhead(report["api_overhead"])]
    out += peer_table(report["peer"]) if report.get("peer") else []
    load = report.get("loading")
    if load:
        out += [
            "",
            "## Loading: batched against row-at-a-time MERGE (same rows, same graph: "
            f"{'yes' if load['same_graph'] else 'NO'})",
            "",
            "| rows | batched s (rows/s) | row-at-a-time s (rows/s) | ratio |",
            "|---|---|---|---|",
            f"| {load['rows']:,} | {load['batched_s']} ({load['batched_rows_per_s']:,}) "
            f"| {load['row_at_a_time_s']} ({load['row_at_a_time_rows_per_s']:,}) "
            f"| {load['ratio']}× |",
            "",
            "Batched: the median of "
            + ", ".join(f"{s} s" for s in load.get("batched_runs_s", []))
            + ".",
        ]
    growth = report.get("growth")
    if growth:
        out += [
            "",
            "## Growth: one database grown scale by scale",
            "",
            "| scale | nodes | listings | relationships | rows loaded | load s | rows/s "
            "| store MiB | page cache | Neo4j heap used / max MiB | Neo4j resident MiB |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for step in growth:
            memory = step.get("memory", {})
            out.append(
                f"| {step['scale']} | {step['nodes']:,} | {step.get('listings', 0):,} "
                f"| {step['relationships']:,} "
                f"| {step['load_rows']:,} | {step['load_s']} | {step['load_rows_per_s']:,} "
                f"| {memory.get('store_mib', '—')} "
                f"| {step.get('pagecache', report['neo4j']['pagecache'])} "
                f"| {memory.get('heap_used_mib', '—')} / "
                f"{memory.get('heap_max_mib', '—')} | {memory.get('rss_mib', '—')} |"
            )
        out += [
            "",
            "Memory after each step's cases: the store on disk is what a page cache must hold "
            "for no read to touch the disk; the resident memory is the heap and the page cache "
            "pages read so far.",
        ]
        out += [
            "",
            "| scale | root field | answer size | driver median ms (`execute_query` `data()` / "
            "read_text decoded) "
            "| HTTP median ms | HTTP/driver (`data()` / decoded) | driver growth | HTTP growth |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for step in growth:
            for c in step["cases"]:
                out.append(
                    f"| {step['scale']} | {c['case']} | {c['answer_size']} "
                    f"| {c['cypher']['median_ms']:.2f} / {c['decoded']['median_ms']:.2f} "
                    f"| {c['http']['median_ms']:.2f} "
                    f"| {c['median_ratio']:.2f}× / {c['decoded_ratio']:.2f}× "
                    f"| {c['cypher_growth']:.2f}× | {c['http_growth']:.2f}× |"
                )
        last = growth[-1]
        out += ["", f"### API overhead at scale {last['scale']}", "", *_overhead(last["cases"])]
    conc = report.get("concurrency")
    if conc:
        out += [
            "",
            f"## Concurrency: {conc['clients']} clients for {conc['seconds']} s "
            f"at scale {conc['scale']}",
            "",
            "| requests | throughput /s | p50 ms | p99 ms | errors |",
            "|---|---|---|---|---|",
            f"| {conc['requests']:,} | {conc['throughput_per_s']} | {conc['p50_ms']} "
            f"| {conc['p99_ms']} | {conc['errors']} |",
        ]
        if conc["errors_by_kind"]:
            out += ["", f"Errors: {conc['errors_by_kind']}"]
    out += _living(report.get("living"))
    explorer = report.get("explorer")
    if explorer:
        out += [
            "",
            f"## The explorer in Chromium ({explorer['rounds']} cold pages each)",
            "",
            "| view | median ms (p95) |",
            "|---|---|",
        ]
        for key, title in (
            ("landing_ms", "landing (the dyad now): navigation to interactive, corpus"),
            (
                "timeline_acts_ms",
                f"timeline: acts drawn, {explorer['coded_events']:,} coded events loaded",
            ),
            ("timeline_ms", "timeline: acts and the coded-event background drawn"),
        ):
            row = explorer[key]
            out.append(f"| {title} | {row['median_ms']:.0f} ({row['p95_ms']:.0f}) |")
    out += load_table(report["load"]) if report.get("load") else []
    return "\n".join(out) + "\n"


def _living(live: dict[str, Any] | None) -> list[str]:
    if not live:
        return []
    load, reads, ingest = live["corpus_load"], live["reads"], live["ingest"]
    lines = [
        "",
        "## The living graph: what history costs, and ingest",
        "",
        f"Its own Neo4j: heap {live['neo4j']['heap']}, page cache {live['neo4j']['pagecache']}.",
        "",
        f"Corpus load: {load['with_history_s']} s with history ({load['changes_recorded']:,} "
        f"entries) against {load['without_history_s']} s without: {load['ratio']}× "
        f"(same graph: {'yes' if load['same_graph'] else 'NO'}).",
        "",
        "| read (does not ask for history) | median ms without | median ms with | ratio "
        "| db hits without / with |",
        "|---|---|---|---|---|",
    ]
    hits = (reads.get("db_hits_without_history", {}), reads.get("db_hits_with_history", {}))
    for name, ratio in reads["ratios"].items():
        lines.append(
            f"| {name} | {reads['before_history'][name]['median_ms']:.2f} "
            f"| {reads['after_history'][name]['median_ms']:.2f} | {ratio:.3f}× "
            f"| {hits[0].get(name, '–')} / {hits[1].get(name, '–')} |"
        )
    lines += [
        "",
        f"Worst read ratio {reads['worst_ratio']:.3f}× "
        f"({'within' if reads['within_10_percent'] else 'OVER'} the 10% budget).",
        "",
        f"Ingest: {ingest['articles']:,} synthetic articles in {ingest['seconds']} s, "
        f"{ingest['articles_per_s']} articles/s ({ingest['loaded']:,} loaded, "
        f"{ingest['queued']:,} queue items, {ingest['changes_recorded']:,} history entries).",
    ]
    return lines
