#!/usr/bin/env python3
"""Browser checks of report.html for .ci/print-check (issue #13). Python's standard library only.

  browser_check.py layout BROWSER HTML WIDTH
      Renders HTML in headless Chromium at exactly WIDTH CSS pixels and checks that every image
      loaded and that nothing but a table's scroll box content is wider than the viewport.
      A plain `--window-size` cannot do this below ~500 px: headless Chromium widens the window
      to its minimum. So the page is driven over the DevTools protocol on a pipe (no port, no
      network): Emulation.setDeviceMetricsOverride sets the viewport, and the script reads
      window.innerWidth back from the page and fails unless it is WIDTH.
  browser_check.py foot PDF HTML
      Fails when a page ends in a heading of HTML, or in a line ending in a colon (a lead-in
      such as "Seriebrott som berör området:"), left alone at the page foot.
  browser_check.py gaps PDF MAX_PERCENT
      Fails when a page other than the last has more than MAX_PERCENT of its type area empty at
      the foot (a chart that did not fit, pushed over the break with nothing flowing up).

Prints one line per check; exit code 0 when it passed, 1 when it failed.
"""

import glob
import html as html_text
import json
import os
import re
import select
import subprocess
import sys
import tempfile

# What the page is asked, as one JSON string: its width, failed images, and every element that
# reaches past the viewport without being inside a table's scroll box.
PROBE = r"""
(function () {
  var w = window.innerWidth, bad = [], scrolling = 0;
  Array.prototype.forEach.call(document.images, function (img, i) {
    if (!img.complete || img.naturalWidth === 0) { bad.push("image " + i + " not loaded"); }
  });
  document.querySelectorAll("main *").forEach(function (el) {
    if (el.parentElement.closest(".table-scroll")) { return; }
    var r = el.getBoundingClientRect();
    if (r.right > w + 1 || r.left < -1) {
      bad.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") +
        " reaches " + Math.round(r.left) + ".." + Math.round(r.right) + " px");
    }
  });
  document.querySelectorAll(".table-scroll").forEach(function (el) {
    if (el.scrollWidth > el.clientWidth) { scrolling += 1; }
  });
  if (document.documentElement.scrollWidth > w) {
    bad.push("page scrolls sideways: " + document.documentElement.scrollWidth + " px");
  }
  return JSON.stringify({ innerWidth: w, images: document.images.length,
    scrolling: scrolling, bad: bad.slice(0, 8), more: Math.max(0, bad.length - 8) });
})()
"""


class Pipe:
    """Chromium's --remote-debugging-pipe: commands on its fd 3, answers on its fd 4, each a
    JSON text ended by a NUL byte."""

    def __init__(self, browser):
        to_child, self.out = os.pipe()
        self.inp, from_child = os.pipe()

        def fds():
            # The pipe's own numbers may be 3 and 4 already: copy them away first, since dup2
            # onto the same number would keep the close-on-exec flag.
            r, w = os.dup(to_child), os.dup(from_child)
            os.dup2(r, 3)
            os.dup2(w, 4)

        args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--remote-debugging-pipe", "about:blank"]
        self.proc = subprocess.Popen(args, preexec_fn=fds, close_fds=False,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child)
        os.close(from_child)
        self.buf = b""
        self.next_id = 0

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.out, json.dumps(msg).encode() + b"\0")
        reply = self.wait(lambda m: m.get("id") == self.next_id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait(self, want, seconds=60):
        """The next message `want` accepts; a browser silent for `seconds` is an error, so
        a hung page fails the check instead of holding CI."""
        while True:
            while b"\0" not in self.buf:
                if not select.select([self.inp], [], [], seconds)[0]:
                    raise RuntimeError(f"chromium said nothing for {seconds} s")
                chunk = os.read(self.inp, 65536)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self.buf += chunk
            raw, self.buf = self.buf.split(b"\0", 1)
            msg = json.loads(raw)
            if want(msg):
                return msg

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def layout(browser, html, width):
    width = int(width)
    chrome = Pipe(browser)
    try:
        target = chrome.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = chrome.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        chrome.send("Page.enable", session=s)
        # The report's Content-Security-Policy allows no script; the probe comes from DevTools.
        chrome.send("Page.setBypassCSP", {"enabled": True}, session=s)
        chrome.send("Emulation.setDeviceMetricsOverride",
                    {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                    session=s)
        chrome.send("Page.navigate", {"url": "file://" + os.path.abspath(html)}, session=s)
        chrome.wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == s)
        value = chrome.send("Runtime.evaluate", {"expression": PROBE, "returnByValue": True},
                            session=s)["result"]["value"]
    finally:
        chrome.close()
    r = json.loads(value)
    bad = list(r["bad"])
    if r["innerWidth"] != width:
        bad.insert(0, f"window.innerWidth is {r['innerWidth']}, not {width}")
    if r["more"]:
        bad.append(f"and {r['more']} more")
    head = f"innerWidth {r['innerWidth']} px, {r['images']} images, {r['scrolling']} tables scrolling"
    print(("OK " if not bad else "FAIL ") + head + ("" if not bad else ": " + "; ".join(bad)))
    return not bad


def gaps(pdf, max_percent):
    """Empty share of each page's type area below its last ink (A4, 18 mm top and bottom)."""
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-gray", "-r", "30", pdf, d + "/p"], check=True)
        shares = [empty_foot(f) for f in sorted(glob.glob(d + "/p-*.pgm"))]
    worst = max(shares[:-1], default=0)
    line = " ".join(f"{s}%" for s in shares)
    ok = worst <= int(max_percent)
    print(("OK" if ok else "FAIL") + f" empty at the page foot: {line} (at most {max_percent}% "
          "on every page but the last)")
    return ok


def foot(pdf, report):
    """The last text line of every page: neither a heading nor a lead-in ending in a colon."""
    source = open(report, encoding="utf-8").read()
    headings = {" ".join(html_text.unescape(re.sub(r"<[^>]+>", "", h)).split())
                for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", source, re.S)}
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout, re.M).group(1))
    alone = []
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", pdf, "-"],
                              check=True, capture_output=True, text=True).stdout
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        if page < pages and lines and (lines[-1] in headings or lines[-1].endswith(":")):
            alone.append(f"page {page} ends in {lines[-1]!r}")
    print(("OK no heading or lead-in alone at a page foot" if not alone
           else "FAIL " + "; ".join(alone)))
    return not alone


def empty_foot(pgm):
    magic, size, _maxval, pixels = open(pgm, "rb").read().split(b"\n", 3)
    assert magic == b"P5", pgm
    w, h = map(int, size.split())
    top, bottom = round(h * 18 / 297), h - round(h * 18 / 297)
    last = top
    for y in range(top, bottom):
        if min(pixels[y * w:(y + 1) * w]) < 200:
            last = y
    return round(100 * (bottom - last) / (bottom - top))


if __name__ == "__main__":
    checks = {"layout": layout, "gaps": gaps, "foot": foot}
    if len(sys.argv) < 2 or sys.argv[1] not in checks:
        sys.exit(__doc__)
    sys.exit(0 if checks[sys.argv[1]](*sys.argv[2:]) else 1)
