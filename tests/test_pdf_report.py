"""Where on the page: a PDF finding's box in json and sarif, and the page image with the box in the HTML report.

The HTML test opens the report in a real headless browser where one is installed
(Debian: apt-get install chromium) and measures where the browser put the box on
the page image; without a browser it skips and says so.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import struct
import subprocess

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from click.testing import CliRunner  # noqa: E402

from auditlint.cli import main  # noqa: E402

from . import pdfgen  # noqa: E402

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def finding_pdf(tmp_path):
    path = tmp_path / "说明.pdf"
    path.write_bytes(pdfgen.finding_pdf())
    return path


def _run(*args) -> str:
    result = CliRunner().invoke(main, ["check", *map(str, args)])
    assert result.exit_code == 1, result.output
    return result.output


def test_json_and_sarif_carry_the_page_and_the_box(finding_pdf):
    (finding,) = [f for f in json.loads(_run("--format", "json", finding_pdf))["files"][0]["findings"] if f["rule"] == "CHG001"]
    assert finding["page"] == 1
    x0, y0, x1, y1 = finding["box"]
    assert 690 <= y0 < 700 < y1 <= 715 and 72 < x0 < x1
    sarif = json.loads(_run("--format", "sarif", finding_pdf))
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "CHG001"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["properties"] == {"pdfPage": 1, "pdfBox": finding["box"]}
    assert region["startLine"] == 2  # the text location is still there


def _report(finding_pdf, tmp_path):
    out = tmp_path / "report.html"
    _run("--format", "html", "-o", out, finding_pdf)
    return out, out.read_text(encoding="utf-8")


def test_the_html_report_shows_the_page_with_the_findings_box_and_its_note(finding_pdf, tmp_path):
    _, html = _report(finding_pdf, tmp_path)
    (uri,) = re.findall(r'<img src="data:image/png;base64,([^"]+)" width="(\d+)" height="(\d+)" alt="第1页">', html)
    png = base64.b64decode(uri[0])
    width, height = struct.unpack(">II", png[16:24])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (int(uri[1]), int(uri[2])) and abs(width - 595 * 1.5) <= 1 and abs(height - 842 * 1.5) <= 1
    (style,) = re.findall(r'<a class="box error sev-error" href="#i[^"]+" title="CHG001[^"]*" style="([^"]+)">', html)
    left, top, w, h = (float(v) for v in re.findall(r"([\d.]+)%", style))
    # the span 下降39.5% ends the sentence drawn at baseline y=700 on an 842 pt page
    assert 60 < left < 75 and 15 < top < 18 and 0 < w < 15 and 1 < h < 3
    assert "机关运行经费支出" in html  # the text view is still there
    assert re.search(r'<ol class="page-notes"><li class="error sev-error"><a class="tag" href="#i[^"]+">1</a><span class="rule">CHG001</span>下降39.5%', html)


def test_a_text_file_gets_no_page_image(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("机关运行经费支出612,480.50元，比上年减少58,230.00元，下降39.5%。", encoding="utf-8")
    out = tmp_path / "r.html"
    _run("--format", "html", "-o", out, path)
    assert "data:image/png" not in out.read_text(encoding="utf-8")


_MEASURE = """
<script>
window.addEventListener("load", function () {
  var img = document.querySelector("figure.page img");
  var box = document.querySelector("figure.page a.box");
  var a = img.getBoundingClientRect(), b = box.getBoundingClientRect();
  var out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify({natural: img.naturalWidth, complete: img.complete,
    img: [a.left, a.top, a.width, a.height], box: [b.left, b.top, b.width, b.height],
    note: document.querySelector("ol.page-notes li").getBoundingClientRect().left});
  document.body.appendChild(out);
});
</script>
"""


def test_a_browser_draws_the_box_on_the_page_where_the_figure_is(finding_pdf, tmp_path):
    browser = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        pytest.skip("no headless browser installed (apt-get install chromium); the HTML is checked without one above")
    out, html = _report(finding_pdf, tmp_path)
    measured = tmp_path / "measured.html"
    measured.write_text(html.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    flags = [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1600"]
    dom = subprocess.run(
        [browser, *flags, "--virtual-time-budget=5000", "--dump-dom", measured.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    found = re.search(r'<pre id="measured">([^<]+)</pre>', dom)
    assert found, "the browser did not run the page's script"
    m = json.loads(found.group(1).replace("&quot;", '"'))
    assert m["complete"] and abs(m["natural"] - 595 * 1.5) <= 1  # the page image decoded
    ix, iy, iw, ih = m["img"]
    bx, by, bw, bh = m["box"]
    # the box sits on the page image where the figure is: 下降39.5% at x 370–425, y 697–710 (PDF, y up) of 595 × 842
    assert abs((bx - ix) / iw - 368 / 595) < 0.02 and abs((by - iy) / ih - (842 - 712) / 842) < 0.02
    assert 0 < bw < iw / 5 and 0 < bh < ih / 30
    assert m["note"] > ix + iw  # the note is beside the page, not under it
    shot = tmp_path / "page.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", out.as_uri()], capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
