"""Words for the demo: titles, Markdown bodies, replies and "about" texts.

Bodies come from a limited set of templates filled with a topic, so a million items share a
few thousand distinct bodies; ``html`` renders each distinct body once with the product's own
renderer (body_html is always exactly ``markdown.render(body)``), which is what keeps a
million-item seed inside minutes.
"""

from __future__ import annotations

import random
from functools import cache

from kollega.core import markdown
from kollega.demo.generator.catalogue import topic_label

TITLES = {
    "status": [""],
    "post": [""],
    "topic": [
        "{T}: how do other teams handle {thing}?",
        "Sharing our {T} setup",
        "{T} lessons from {quarter}",
        "Proposal: a common approach to {T}",
        "What changed in {T} this {period}",
        "{T} office hours",
    ],
    "question": [
        "How do I get started with {T}?",
        "Who knows {T} well enough to review {thing}?",
        "Is there a guideline for {T} and {thing}?",
        "{T}: why does {thing} fail after the upgrade?",
        "Best practice for {T} in a customer project?",
        "Has anyone used {T} for {thing}?",
    ],
    "blog": [
        "What I learned about {T} this {period}",
        "Five things I wish I had known about {T}",
        "{T} in practice: a story from {quarter}",
        "Why we changed how we do {T}",
    ],
    "wiki": [
        "{T} handbook",
        "{T}: checklist for {thing}",
        "How we do {T}",
        "{T} glossary",
        "{T} onboarding guide",
    ],
    "bookmark": [
        "Good read on {T}",
        "{T} reference worth keeping",
        "Talk recording: {T} at scale",
    ],
    "idea": [
        "Idea: a shared {T} toolkit",
        "Let's automate {thing} with {T}",
        "Idea: monthly {T} clinic",
        "Make {T} part of onboarding",
    ],
    "news": [
        "Lumen news: {T} initiative launches",
        "Update from leadership on {T}",
        "New {T} policy from {quarter}",
        "Celebrating our {T} milestone",
    ],
}
THINGS = (
    "the quarterly review", "the customer pilot", "our release process", "the new office",
    "the migration", "the audit", "a large tender", "the onboarding flow", "the budget cycle",
    "the partner launch", "weekly reporting", "the incident review",
)  # fmt: skip
PERIODS = ("week", "month", "quarter", "year", "sprint")
QUARTERS = ("Q1", "Q2", "Q3", "Q4", "last year", "the spring", "the autumn")

BODIES = {
    "status": [
        "Spent the day on **{T}**. Good progress, more tomorrow.",
        "Anyone around who has done {T} before? Happy to buy the coffee.",
        "Finished the {T} write-up, feedback welcome.",
        "Great session on {T} with the team today.",
    ],
    "post": [
        "Hi! I heard you know **{T}**. Could you take a look at something with me this week?",
        "Thanks for the help with {T} yesterday, it saved us a day.",
        "Sharing this {T} note with you, as we discussed.",
    ],
    "topic": [
        "We have been looking at **{T}** across teams.\n\n- What works for you?\n"
        "- What would you change?\n\nShare your experience below.",
        "Here is how our team approaches {T}:\n\n1. Start small\n2. Measure\n3. Share what "
        "we learn\n\nHow do you do it?",
    ],
    "question": [
        "I am stuck with **{T}**. I have read the wiki but the case at hand is different.\n\n"
        "Has anyone solved this before?",
        "A customer asked about {T} and I could not answer. Who can help?\n\n"
        "*Context:* workshop tomorrow morning.",
        "What is the recommended way to handle {T} here? Links welcome.",
    ],
    "blog": [
        "## {T}\n\nAfter a few months working with **{T}**, here is what stuck with me.\n\n"
        "> Start with the problem, not the tool.\n\nThe details are below, comments welcome.",
        "## Notes on {T}\n\n- Keep it simple\n- Write things down\n- Ask early\n\n"
        "This is what {T} taught our team.",
    ],
    "wiki": [
        "# {T}\n\n## Purpose\n\nThis page collects what we know about **{T}**.\n\n"
        "## Steps\n\n1. Read the basics\n2. Pair with someone experienced\n3. Document "
        "what you learn\n\n| Owner | Review |\n|---|---|\n| the community | quarterly |",
        "# {T} checklist\n\n- [ ] Agree the scope\n- [ ] Check the guidelines\n"
        "- [ ] Ask the community\n\nEdit this page when something changes.",
    ],
    "bookmark": [
        "A useful reference on {T}: [{T} guide]({url})",
        "Worth bookmarking for anyone working with {T}: [overview]({url})",
    ],
    "idea": [
        "What if we had a shared approach to **{T}**?\n\nIt would save every team from "
        "reinventing it. Vote and comment if you agree.",
        "Idea: a small group meets monthly to improve how we do {T}.",
    ],
    "news": [
        "## {T}\n\nToday we are pleased to share an update on **{T}** across Lumen.\n\n"
        "Read more and ask questions in the comments.",
        "Our {T} work reached an important milestone this month. Thank you to everyone involved!",
    ],
}
# Each topic has a few outside references; the words around an address do not depend on which
# one it is, so the text of a bookmark cannot tell them apart.
ADDRESSES = (
    "https://example.org/guides/{slug}",
    "https://docs.example.org/{slug}/overview",
    "https://example.com/kb/{slug}",
)
REPLIES = [
    "Thanks, this helps!",
    "Good point about {T}.",
    "+1, we see the same in our team.",
    "I can take a look at the {T} part tomorrow.",
    "Have you asked the {T} community?",
]
ANSWERS = [
    "I have done this a few times. With **{T}** the trick is to start from the smallest "
    "case and check each step; happy to pair on it.",
    "Short answer: yes. For {T} we documented the approach on the wiki, and I can walk you "
    "through it.",
    "This is a common {T} question. Check the configuration first, then ping me if it still fails.",
]


def title(rng: random.Random, kind: str, topic: str) -> str:
    template = rng.choice(TITLES[kind])
    if not template:
        return ""
    return template.format(
        T=topic_label(topic),
        thing=rng.choice(THINGS),
        period=rng.choice(PERIODS),
        quarter=rng.choice(QUARTERS),
    )


def body(rng: random.Random, kind: str, topic: str, url: str = "") -> str:
    """``url``: the address a bookmark points at (see ``addresses``)."""
    template = rng.choice(BODIES[kind])
    return template.format(T=topic_label(topic), url=url)


def addresses(topic: str) -> list[str]:
    """The outside pages about a topic that people bookmark (which one: content.py)."""
    return [address.format(slug=topic) for address in ADDRESSES]


def reply_body(rng: random.Random, topic: str, expert: bool) -> str:
    return rng.choice(ANSWERS if expert else REPLIES).format(T=topic_label(topic))


@cache
def html(text: str) -> str:
    """markdown.render, once per distinct text."""
    return markdown.render(text)


def about(rng: random.Random, person, topics: list[str], year: int) -> str:
    labels = ", ".join(topic_label(t) for t in topics)
    where = person.department.name if person.department else "the leadership team"
    return (
        f"I work as **{person.job_title}** in {where}, based in {person.city.city}.\n\n"
        f"Ask me about: {labels}.\n\n"
        f"- At Lumen since {year}\n"
        f"- {rng.choice(('Coffee', 'Tea', 'Running', 'Books', 'Cycling', 'Music'))} "
        f"keeps me going\n"
    )
