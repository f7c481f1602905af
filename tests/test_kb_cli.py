"""`marsad kb lookup` and `marsad kb stats`: once as a user runs it, otherwise in-process
(each start of the console script costs seconds)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from helpers import run_marsad
from marsad.cli import cli


def kb(*args: str):
    return CliRunner().invoke(cli, ["kb", *args])


def test_lookup_resolves_a_title_by_date():
    done = run_marsad("kb", "lookup", "وزير", "الدفاع", "التركي", "--date", "2020-07-06", "--json")
    assert done.returncode == 0, done.stderr.decode()
    report = json.loads(done.stdout)
    assert report["choice"] == "tur.akar" and report["reading"] == "title without a name"
    assert report["candidates"][0]["reasons"] == ["وزير الدفاع on 2020-07-06"]
    later = kb("lookup", "وزير الدفاع التركي", "--date", "2024-03-01")
    assert "→ tur.guler" in later.output


def test_lookup_explains_an_unresolved_name():
    done = kb("lookup", "عون", "--date", "2020-07-06")
    assert done.exit_code == 1
    assert "lbn.michel-aoun" in done.output and "lbn.joseph-aoun" in done.output
    assert "→ unlinked: tie" in done.output


def test_lookup_says_why_an_unlisted_or_former_office_names_nobody():
    done = kb("lookup", "وزير النقل اليمني", "--date", "2016-06-01")
    assert done.exit_code == 1 and "an office the KB does not list («وزير النقل»)" in done.output
    done = kb("lookup", "وزير الصحة السعودي", "--date", "2016-06-01")
    assert "(«وزير الصحة»)" in done.output
    assert "→ sau.falih" in kb("lookup", "وزير الطاقة السعودي", "--date", "2017-06-01").output
    done = kb("lookup", "الرئيس المصري السابق", "--date", "2016-06-01")
    assert done.exit_code == 1 and "a former or shadow holder's title" in done.output
    assert "→ egy.sisi" in kb("lookup", "الرئيس المصري", "--date", "2016-06-01").output


def test_lookup_reads_a_name_as_in_a_story_of_a_topic():
    assert "→ igo.eu" in kb("lookup", "الاتحاد الأوروبي", "--date", "2015-06-01").output
    football = kb("lookup", "الاتحاد الأوروبي", "--date", "2015-06-01", "--topic", "football")
    assert "→ sport.uefa" in football.output
    done = kb("lookup", "الاتحاد الأوروبي", "--topic", "golf")
    assert done.exit_code == 2 and "the topics are football" in done.output


def test_lookup_reads_a_dependants_title_whole():
    # «نائب رئيس الوزراء» is a deputy's title, not «نائب رئيس» followed by a name
    done = kb("lookup", "نائب رئيس الوزراء الروسي", "--date", "2019-06-01")
    assert "serves or is kin" in done.output and "«نائب رئيس الوزراء»" in done.output


def test_lookup_says_what_a_counterpart_or_a_posting_lacks():
    # «نظيره» refers to a person named before it in the text, which a lookup has not
    for query in ("نظيره التركي", "مستشار نظيره"):
        done = kb("lookup", query, "--date", "2019-06-01")
        assert done.exit_code == 1 and "named before it in the text" in done.output, query
    done = kb("lookup", "السفير السعودي لدى", "--date", "2019-06-01")
    assert done.exit_code == 1 and "«لدى» needs a country or an organisation" in done.output


def test_lookup_reads_a_royal_style_as_no_office():
    # «الأمير» before a name is a prince's style; «أمير قطر» is an office
    done = kb("lookup", "الأمير محمد بن سلمان", "--date", "2020-06-01")
    assert "royal style («الأمير»: no office)" in done.output and "sau.mbs" in done.output
    assert "with its title" in kb("lookup", "أمير قطر تميم بن حمد", "--date", "2020-06-01").output


def test_lookup_rejects_a_bad_date():
    done = kb("lookup", "أكار", "--date", "2020-13-01")
    assert done.exit_code == 2 and "YYYY-MM-DD" in done.output


def test_stats_reports_coverage():
    done = kb("stats")
    assert done.exit_code == 0, done.output
    lines = dict(line.rsplit(None, 1) for line in done.output.splitlines())
    assert int(lines["actors"]) > 400 and int(lines["countries with demonyms"]) >= 175
