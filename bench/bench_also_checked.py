"""What the "Also checked in" sections cost: composing every page and the data files of a project, in one process.

    python bench/synthetic.py /tmp/p1000 --articles 1000 --claims 20
    .venv/bin/python bench/bench_also_checked.py /tmp/p1000/mkdocs.yml

The project is checked first (not measured), then every page is composed (`SiteBuild.pages`, one process, no
cache) and the data files made: processor time (user + system), wall time, the process's peak resident memory
after the check and at the end, the links of each claim page's "Also checked in" section (mean and largest), and
the size of claims.json. Run it with another checkout's interpreter (its own virtual environment, installed
editable) for the figures before a change.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import time

from factsite.build.site import BuildOptions, SiteBuild
from factsite.load.site_config import read_site_config

SECTION = re.compile(r'<section class="fs-also-checked".*?</section>', re.S)


def processor_time() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config", help="the project's mkdocs.yml")
    config = parser.parse_args().config
    build = SiteBuild(read_site_config(config).settings(), BuildOptions(jobs=1))
    project = build.check()
    assert not project.errors, "a project without errors"
    checked_mb = peak_mb()
    started, processor = time.perf_counter(), processor_time()
    links = []
    for page in build.pages():
        if page.kind == "claim":
            section = SECTION.search(page.body_html)
            links.append(section.group(0).count("<li>") if section else 0)
    compose_s, compose_cpu_s = time.perf_counter() - started, processor_time() - processor
    started, processor = time.perf_counter(), processor_time()
    claims_json = sum(len(data) for path, data in build.data_files() if path == "claims.json")
    data_s, data_cpu_s = time.perf_counter() - started, processor_time() - processor
    print(json.dumps({
        "claims": len(project.claims), "claim_pages": len(links), "with_section": sum(1 for n in links if n),
        "links_mean": round(sum(links) / max(1, len(links)), 2), "links_max": max(links, default=0),
        "compose_s": round(compose_s, 1), "compose_cpu_s": round(compose_cpu_s, 1),
        "data_files_s": round(data_s, 1), "data_files_cpu_s": round(data_cpu_s, 1),
        "claims_json_mb": round(claims_json / 1e6, 1), "peak_mb_after_check": round(checked_mb),
        "peak_mb": round(peak_mb()),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
