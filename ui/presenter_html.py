"""The projector's large type and bars as HTML strings: every piece of user or bank text is escaped here.

Plain functions (no Streamlit), so what the room sees can be tested without a browser. The styles are one
stylesheet, sized for a 1280x720 screen; larger screens zoom the whole page (see STYLE).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from i18n import _, ngettext
from reports.charts import ANSWER_COLOURS, DONT_KNOW_COLOUR
from reports.formatting import percent, whole
from services.presenting import AnswerCount, StatementSpread, StepProgress

# Text on the darker answer colours is white, on the lighter ones dark: both pass WCAG AA contrast.
_DARK = {"#8c510a", "#01665e"}
_INK = "#1f1f1f"

PAGE_STYLE = """<style>
/* Presenter mode: no sidebar, no header, no page scrolling; one screen per stage. */
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.75rem 1.5rem 0.5rem 1.5rem !important; max-width: none !important; }
/* Designed at 1280x720; a 1920x1080 projector shows the same screen 1.5 times larger, still without scrolling. */
@media (min-width: 1600px) and (min-height: 900px) { [data-testid="stMainBlockContainer"] { zoom: 1.5; } }
</style>"""

# The presenter's blocks, also used for the answer bar of the facilitator's own discussion view.
STYLE = """<style>
.copro-p { color: #1f1f1f; font-family: "Source Sans Pro", "DejaVu Sans", sans-serif; }
.copro-p .kicker { font-size: 18px; color: #4a4a4a; margin: 0 0 4px 0; }
.copro-p .title { font-size: 27px; font-weight: 700; margin: 0 0 8px 0; line-height: 1.2; }
.copro-p .code { font-family: "DejaVu Sans Mono", "Source Code Pro", monospace; font-size: 92px; font-weight: 700;
  letter-spacing: 4px; white-space: nowrap; line-height: 1.05; margin: 8px 0 16px 0; color: #0b3a5d; }
.copro-p .link { font-size: 26px; font-family: "DejaVu Sans Mono", monospace; word-break: break-all; color: #0b3a5d; }
.copro-p .lead { font-size: 26px; line-height: 1.3; margin: 6px 0; }
.copro-p .numbers { display: flex; gap: 24px; margin: 4px 0 18px 0; }
.copro-p .number { flex: 1; border: 2px solid #d4d4d4; border-radius: 12px; padding: 10px 18px; }
.copro-p .number b { display: block; font-size: 72px; line-height: 1; color: #0b3a5d; }
.copro-p .number span { font-size: 22px; color: #333; }
.copro-p .step { display: grid; grid-template-columns: 330px 1fr 120px; gap: 14px; align-items: center; margin: 9px 0; }
.copro-p .step .name { font-size: 22px; line-height: 1.15; }
.copro-p .step .count { font-size: 24px; font-weight: 700; text-align: right; }
.copro-p .track { background: #ececec; border-radius: 8px; height: 30px; overflow: hidden; }
.copro-p .fill { background: #0072B2; height: 100%; }
.copro-p.score b { font-size: 84px; line-height: 1; color: #0b3a5d; }
.copro-p.score span { font-size: 24px; color: #333; margin-left: 10px; }
.copro-p .spot { margin: 10px 0 12px 0; }
.copro-p .spot .text { font-size: 19px; line-height: 1.25; margin-bottom: 5px; }
.copro-p .bar { display: flex; height: 34px; border-radius: 6px; overflow: hidden; border: 1px solid #bdbdbd; }
.copro-p .bar.big { height: 64px; border-radius: 10px; }
.copro-p .seg { display: flex; align-items: center; justify-content: center; font-weight: 700; font-size: 18px;
  border-right: 2px solid #fff; }
.copro-p .bar.big .seg { font-size: 30px; }
.copro-p .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 16px; margin-top: 6px; }
.copro-p .legend i { display: inline-block; width: 16px; height: 16px; margin-right: 6px; vertical-align: -2px;
  border: 1px solid #999; }
.copro-p .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; margin: 6px 0 14px 0; }
.copro-p .pair h3 { font-size: 20px; color: #4a4a4a; margin: 0 0 4px 0; padding: 0; font-weight: 600; }
.copro-p .pair p { font-size: 28px; line-height: 1.28; margin: 0; }
.copro-p .meta { font-size: 20px; color: #333; margin: 8px 0; }
.copro-p .prompt { font-size: 22px; margin: 10px 0; }
.copro-p .agreed { font-size: 22px; font-weight: 700; color: #01665e; margin: 8px 0; }
.copro-p .quiet { font-size: 24px; color: #4a4a4a; }
.copro-p .comments { font-size: 21px; line-height: 1.25; margin: 6px 0 0 0; padding-left: 26px; }
.copro-p .comments li { margin: 2px 0; }
.copro-p.small .legend { font-size: 14px; }
</style>"""


def _colour(count: AnswerCount, order: int) -> str:
    """An answer's colour: the same as the spread chart's (brown From to teal To, grey for don't know)."""
    return DONT_KNOW_COLOUR if count.value is None else ANSWER_COLOURS[order % len(ANSWER_COLOURS)]


def answer_bar(counts: Sequence[AnswerCount], big: bool = False) -> str:
    """One statement's answers as a stacked bar, each part labelled with how many gave it."""
    total = sum(count.count for count in counts)
    parts = []
    described = []
    for order, count in enumerate(counts):
        described.append(f"{count.label} {count.count}")
        if not count.count:
            continue
        colour = _colour(count, order)
        ink = "#ffffff" if colour in _DARK else _INK
        parts.append(f'<div class="seg" style="flex: {count.count} 1 0; background: {colour}; color: {ink}" '
                     f'title="{escape(count.label)}: {count.count}">{count.count}</div>')
    label = escape(_("Answers: {counts}").format(counts=", ".join(described)))
    if not total:
        return f'<div class="bar{" big" if big else ""}" role="img" aria-label="{label}"></div>'
    return f'<div class="bar{" big" if big else ""}" role="img" aria-label="{label}">{"".join(parts)}</div>'


def legend(counts: Sequence[AnswerCount]) -> str:
    """What each colour of the bars means."""
    items = "".join(f'<span><i style="background: {_colour(count, order)}"></i>{escape(count.label)}</span>'
                    for order, count in enumerate(counts))
    return f'<div class="legend">{items}</div>'


def join_panel(title: str, code: str, link: str, joined: int, is_open: bool) -> str:
    """The join code, very large, with the link and how many have joined."""
    kicker = f'<p class="kicker">{escape(title)}</p>'
    if not is_open:
        took_part = ngettext("{n} person took part.", "{n} people took part.", joined).format(n=joined)
        return (f'<div class="copro-p">{kicker}<p class="title">{escape(_("This session is closed."))}</p>'
                f'<p class="lead">{escape(took_part)}</p></div>')
    so_far = ngettext("{n} person has joined so far.", "{n} people have joined so far.", joined).format(n=joined)
    code_label = _("Join code {code}").format(code=" ".join(code))
    return (f'<div class="copro-p">{kicker}'
            f'<p class="lead">{escape(_("On your phone, scan the QR code or open"))}</p>'
            f'<p class="link">{escape(link)}</p>'
            f'<p class="lead">{escape(_("and enter the code"))}</p>'
            f'<p class="code" aria-label="{escape(code_label)}">{escape(code)}</p>'
            f'<p class="lead">{escape(so_far)}</p></div>')


def counts_panel(joined: int, sent: int, threshold: int) -> str:
    """Joined, still answering and sent, as three large numbers."""
    boxes = [(joined, _("joined")), (joined - sent, _("still answering")), (sent, _("sent their answers"))]
    numbers = "".join(f'<div class="number"><b>{value}</b><span>{escape(label)}</span></div>'
                      for value, label in boxes)
    appear = _("Results appear once {n} people have sent their answers.").format(n=threshold)
    note = "" if sent >= threshold else f'<p class="quiet">{escape(appear)}</p>'
    return f'<div class="copro-p"><div class="numbers">{numbers}</div>{note}</div>'


def steps_panel(steps: Sequence[StepProgress], joined: int) -> str:
    """How many people have reached each principle of the form, as bars."""
    rows = []
    for step in steps:
        share = 0 if not joined else round(100 * step.reached / joined)
        of = _("{reached} of {joined}").format(reached=step.reached, joined=joined)
        rows.append(f'<div class="step"><div class="name">{escape(step.name)}</div>'
                    f'<div class="track" role="img" aria-label="{escape(of)}">'
                    f'<div class="fill" style="width: {share}%"></div></div>'
                    f'<div class="count">{escape(of)}</div></div>')
    kicker = escape(_("How far people have got, principle by principle"))
    return f'<div class="copro-p"><p class="kicker">{kicker}</p>{"".join(rows)}</div>'


def score_panel(score: float | None, band: str | None, people: int) -> str:
    """The overall score, large, with its band and how many answered."""
    band_text = f" · {escape(band)}" if band else ""
    kicker = escape(ngettext("Overall score (0-100) · {n} person", "Overall score (0-100) · {n} people",
                             people).format(n=people))
    return (f'<div class="copro-p score"><p class="kicker">{kicker}{band_text}</p>'
            f'<b>{whole(score)}</b><span>{escape(_("of 100"))}</span></div>')


def disagreements_panel(spots: Sequence[StatementSpread]) -> str:
    """The statements people disagree on most, each with its spread of answers."""
    if not spots:
        quiet = escape(_("Disagreements show once more than one person has answered."))
        return f'<div class="copro-p"><p class="quiet">{quiet}</p></div>'
    rows = "".join(f'<div class="spot"><div class="text"><b>{spot.number}.</b> {escape(spot.to_text)}</div>'
                   f'{answer_bar(spot.counts)}</div>' for spot in spots)
    return (f'<div class="copro-p"><p class="title">{escape(_("Where we disagree most"))}</p>{rows}'
            f'{legend(spots[0].counts)}</div>')


def statement_panel(spot: StatementSpread, position: int, total: int, threshold: int, agreed: str | None) -> str:
    """One statement for the discussion: where we are, From and To, its spread or why it is hidden."""
    where = _("Statement {position} of {total} · number {number} · {principle}").format(
        position=position, total=total, number=spot.number, principle=spot.principle_name)
    head = f'<p class="kicker">{escape(where)}</p>'
    pair = (f'<div class="pair"><div><h3>{escape(_("From"))}</h3><p>{escape(spot.from_text)}</p></div>'
            f'<div><h3>{escape(_("To"))}</h3><p>{escape(spot.to_text)}</p></div></div>')
    if spot.shown:
        meta = _("Agreement {agreement} · {n} answers, {dont_know} don't know").format(
            agreement=percent(spot.agreement), n=spot.n, dont_know=spot.dont_know)
        body = answer_bar(spot.counts, big=True) + legend(spot.counts) + f'<p class="meta">{escape(meta)}</p>'
    else:
        quiet = _("Too few answers to show yet: the spread appears once {n} people have answered this "
                  "statement.").format(n=threshold)
        body = f'<p class="quiet">{escape(quiet)}</p>'
    prompt = (f'<p class="prompt"><b>{escape(_("To discuss:"))}</b> {escape(spot.prompt)}</p>'
              if spot.prompt else "")
    settled = f'<p class="agreed">{escape(_("Agreed: {rating}").format(rating=agreed))}</p>' if agreed else ""
    return f'<div class="copro-p">{head}{pair}{body}{prompt}{comments_list(spot.comments)}{settled}</div>'


# A projector has no scroll bar: a few comments, and the count of the rest (all are on the facilitator's screen).
PROJECTED_COMMENTS = 4


def comments_list(comments: Sequence[str]) -> str:
    """What people wrote about the statement, without names or perspectives; nothing when there is none."""
    if not comments:
        return ""
    shown = "".join(f"<li>{escape(comment)}</li>" for comment in comments[:PROJECTED_COMMENTS])
    rest = len(comments) - PROJECTED_COMMENTS
    more_text = _("and {n} more on the facilitator's screen").format(n=rest)
    more = f'<p class="meta">{escape(more_text, quote=False)}</p>' if rest > 0 else ""
    return f'<p class="meta"><b>{escape(_("What people wrote"))}</b></p><ul class="comments">{shown}</ul>{more}'


def small_spread(counts: Sequence[AnswerCount]) -> str:
    """The answer bar and its legend at the size of the page's own text (the facilitator's device, a phone)."""
    return f'<div class="copro-p small">{answer_bar(counts)}{legend(counts)}</div>'
