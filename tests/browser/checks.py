"""The checks run in a page as it is: axe-core, what sticks out sideways, and a walk with the Tab key.

Each returns a list of problems, empty when the page passes. `tests/browser/test_every_page.py` runs them all on
every page; the test files named after each check show that it can fail, and test the parts a tour cannot.
"""

import functools
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.helpers import need

# The system scheme a reader's browser reports, and the Material palette that must answer it.
SCHEMES = {"light": "default", "dark": "slate"}
# Pages with the light and dark toggle (not embed views, nor downloads/links.html) must follow the system's scheme.
FOLLOWS_THE_SCHEME = """palette => !document.querySelector('[data-course-palette]')
  || document.body.dataset.mdColorScheme === palette"""


def set_scheme(page, scheme: str) -> list[str]:
    """The system turns light or dark; the page's palette must follow (until a reader picks one: the page's storage
    is cleared), or what is checked next is not of that scheme. A problem if it does not, within 5 s."""
    page.emulate_media(color_scheme=scheme)
    try:
        page.wait_for_function(FOLLOWS_THE_SCHEME, arg=SCHEMES[scheme], timeout=5000)
    except PlaywrightTimeout:
        return [f"the palette did not follow the system to {scheme}"]
    return []


# axe-core (MPL-2.0), pinned with its hash in tests/browser/package-lock.json; make test installs it (npm ci).
AXE_FILE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_HINT = "make test installs it, or: npm ci --prefix tests/browser (npm itself: sudo apt-get install npm)"
WCAG_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
              "resultTypes": ["violations"]}
# Colours read half-way through Material's transitions (after a resize, a change of scheme) would be neither's.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def axe_installed() -> bool:
    return AXE_FILE.exists()


@functools.cache
def axe_script() -> str:
    need(axe_installed(), "axe-core", AXE_HINT)
    return AXE_FILE.read_text(encoding="utf-8")


def stop_transitions(page) -> None:
    page.add_style_tag(content=NO_TRANSITIONS)


def prepare_for_axe(page) -> None:
    """Load axe-core into the page, and stop transitions; again after each navigation."""
    page.evaluate(axe_script())
    stop_transitions(page)


def axe_violations(page) -> list[str]:
    """What axe finds on the page as it is now (after prepare_for_axe).

    Only the violations come back from the page: the whole result, passes and all, takes Playwright longer to
    hand over than a small page takes axe to check."""
    violations = page.evaluate("options => axe.run(document, options).then(results => results.violations)",
                               WCAG_RULES)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes'][:3]]}"
            for v in violations]


# Visible elements (of some size) that reach past the right edge of the viewport, unless a box that scrolls
# sideways holds them (wide tables scroll inside .comparison-table). Material hides the page's own sideways scroll
# bar (html { overflow-x: hidden }), so scrollWidth alone would not show content that is cut off.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const inScrollBox = element => {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll('*')]
    .filter(e => {
      const box = e.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && box.right > width + 1
        && e.checkVisibility({visibilityProperty: true}) && !inScrollBox(e);
    })
    .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className : ''));
}"""

# Material sizes everything in rem from html { font-size: 125% }: doubling it doubles every text size, as a
# reader's browser does with text-only zoom at 200% (WCAG 1.4.4).
TEXT_AT_200_PERCENT = "html { font-size: 250% !important; }"


def sticking_out(page) -> list[str]:
    return page.evaluate(STICKING_OUT)


# Where focus is after a key press: a number for the element (kept for this walk, so a repeat is recognised),
# whether a focus ring shows, and whether the focused thing is on screen. Material's colour scheme toggle is a
# visually hidden radio button whose ring is drawn on the label right after it, so that label counts too.
FOCUS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const ids = window.tabWalk.ids;
  if (!ids.has(element)) ids.set(element, ids.size + 1);
  const drawn = [element, element.nextElementSibling, ...(element.labels || [])]
    .filter(e => e && (e === element || e.tagName === 'LABEL'));
  const ringed = drawn.some(e => {
    const style = getComputedStyle(e);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
  const box = (drawn.find(e => e.getBoundingClientRect().width > 0) || element).getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
    && box.left < innerWidth && box.top < innerHeight;
  return {id: ids.get(element), ringed, onScreen,
          name: element.tagName + (element.className ? '.' + element.className : '') + ' ' +
                (element.getAttribute('href') || element.id || '')};
}"""

# Set up in a page before each walk: at each Tab key down, before the focus moves on, the page notes where the
# previous Tab left it (focused and scrolled into view by then), until the focus is back where the first Tab put
# it. The listener is added once per page; each walk starts a fresh record.
TAB_WALK = """() => {
  const describe = FOCUS;
  window.tabWalk = {steps: [], back: false, keys: 0, ids: new Map()};
  if (window.tabWalkListens) return;
  window.tabWalkListens = true;
  window.addEventListener('keydown', event => {
    const walk = window.tabWalk;
    if (event.key !== 'Tab' || walk.back || walk.keys++ === 0) return;
    const step = describe();
    if (step && walk.steps[0] && step.id === walk.steps[0].id) walk.back = true;
    else walk.steps.push(step);
  }, true);
}""".replace("FOCUS", FOCUS, 1)

VISIBLE_LINKS_NOT_REACHED = """() => [...document.querySelectorAll('a[href]')]
  .filter(a => a.getClientRects().length && a.checkVisibility({visibilityProperty: true})
               && !window.tabWalk.ids.has(a))
  .map(a => a.getAttribute('href'))"""
STOPS = "a[href], button, input, select, textarea, summary, [tabindex]"
# After a walk: no focus, at the top, and the next Tab goes to the page's first stop, as on a page just loaded
# (a blur alone would leave the browser's starting point for Tab where the focus was).
BACK_TO_THE_TOP = """() => {
  const start = document.createElement('span');
  start.tabIndex = -1;
  document.body.prepend(start);
  start.focus({preventScroll: true});
  start.remove();
  window.scrollTo(0, 0);
}"""


def tab_cycle(page) -> tuple[list, bool]:
    """Hold Tab down until focus comes back to where the first Tab put it; the steps, and whether it came back.

    A held key repeats its key down, and the page notes each step itself (TAB_WALK): a walk through several hundred
    stops then takes one round trip to the browser per step, not three (a key down, a key up, a look).
    """
    stops = page.locator(STOPS).count()
    most = 3 * stops + 12
    page.evaluate(TAB_WALK)
    pressed, batch = 0, stops // 2 + 1
    # Whether the focus is back is asked after each batch of keys; the keys past that point are not noted.
    while pressed < most:
        for _ in range(min(batch, most - pressed)):
            page.keyboard.down("Tab")
            pressed += 1
        if page.evaluate("window.tabWalk.back"):
            break
        batch = 5
    page.keyboard.up("Tab")
    walk = page.evaluate("({steps: window.tabWalk.steps, back: window.tabWalk.back})")
    return walk["steps"], walk["back"]


def keyboard_walk(page) -> list[str]:
    """Tab reaches every visible link with a focus ring, on screen, and comes back round; focus is never lost."""
    steps, came_back = tab_cycle(page)
    found = []
    if not came_back:
        found.append(f"focus is trapped: Tab never returned to the first element after {len(steps)} presses")
    # Past the last element the browser's own interface takes focus (the page reports <body>) once.
    lost = [i for i, step in enumerate(steps) if step is None]
    if lost and lost != [len(steps) - 1]:
        found.append(f"focus lost to <body> after {[steps[i - 1]['name'] for i in lost if i]}")
    found += [f"no visible focus ring on {s['name']}" for s in steps if s and not s["ringed"]]
    found += [f"focused off screen: {s['name']}" for s in steps if s and not s["onScreen"]]
    found += [f"Tab never reaches link {href}" for href in page.evaluate(VISIBLE_LINKS_NOT_REACHED)]
    page.evaluate(BACK_TO_THE_TOP)
    return found
