"""axe-core (WCAG 2.0/2.1 A and AA) on every kind of reader page, in each language, at two sizes."""

import pytest

from newsroom.languages import site_languages
from tests.browser.helpers import AXE_JS, DESKTOP, PHONE

pytestmark = pytest.mark.browser

AXE_OPTIONS = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
RUN_AXE = """async (options) => {
    const results = await axe.run(document, options);
    return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
    }));
}"""
# Colour contrast is only meaningful on styled pages: every linked stylesheet has rules.
STYLED = """() => {
    const sheets = [...document.styleSheets].filter((s) => s.href);
    return sheets.length > 0 && sheets.every((s) => s.cssRules.length > 0);
}"""


def describe(where, violation):
    lines = [f"{where}: {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"]:
        summary = " ".join((node["summary"] or "").split())
        lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("code", site_languages())
def test_reader_pages_have_no_wcag_violations(open_page, demo, code, viewport):
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: run `make browser-deps`"
    # axe is injected as an inline script, which the site's Content-Security-Policy refuses
    # (as it should); the checker, not the site, is let past it.
    page = open_page(viewport=viewport, bypass_csp=True)
    failed_loads = []
    page.on(
        "response",
        lambda r: r.status >= 400 and failed_loads.append(f"{r.status} {r.url}"),
    )
    problems = []
    size = f"{viewport['width']}x{viewport['height']}"
    for name, path in demo.reading_pages(code):
        response = page.goto(path)
        assert response.status == 200, path
        assert page.evaluate(STYLED), f"{path}: the stylesheet did not load"
        page.add_script_tag(path=str(AXE_JS))
        for violation in page.evaluate(RUN_AXE, AXE_OPTIONS):
            problems.append(describe(f"{name} {path} [{size}]", violation))
    assert not failed_loads, failed_loads
    assert not problems, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(problems)
