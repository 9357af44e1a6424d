"""What the demo organisation does: divisions, departments, their topics and job titles.

Every department carries a topic vocabulary (the tags its people use for their skills and
their content) and the job titles that fit it, so a Platform engineer is tagged kubernetes and
writes about terraform while an account executive writes about pricing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Department:
    division: str
    name: str
    topics: tuple[str, ...]
    titles: tuple[str, ...]  # individual contributors, junior to senior
    manager_title: str  # a team manager in this department
    head_title: str  # the department head


def _dept(division, name, topics, titles, manager_title, head_title) -> Department:
    return Department(
        division, name, tuple(topics.split()), tuple(titles.split(";")), manager_title, head_title
    )


# Division name -> the title of its head.
DIVISIONS = {
    "Engineering": "VP Engineering",
    "Product": "Chief Product Officer",
    "Sales": "VP Sales",
    "Marketing": "Chief Marketing Officer",
    "Customer Success": "VP Customer Success",
    "Finance": "Chief Financial Officer",
    "People": "Chief People Officer",
    "Legal": "General Counsel",
    "Operations": "Chief Operating Officer",
}

DEPARTMENTS = [
    _dept("Engineering", "Platform", "kubernetes terraform observability linux networking "
          "aws postgresql", "Software Engineer;Site Reliability Engineer;Senior Software "
          "Engineer;Staff Engineer", "Engineering Manager", "Director of Platform"),
    _dept("Engineering", "Data", "python spark sql machine-learning dbt airflow statistics",
          "Data Engineer;Data Scientist;Senior Data Scientist;Principal Data Engineer",
          "Data Engineering Manager", "Director of Data"),
    _dept("Engineering", "Security", "gdpr iam threat-modeling pentesting iso27001 "
          "incident-response cryptography", "Security Engineer;Security Analyst;Senior "
          "Security Engineer;Security Architect", "Security Manager", "CISO"),
    _dept("Engineering", "Web", "react typescript accessibility css django graphql "
          "performance", "Frontend Developer;Full-stack Developer;Senior Frontend "
          "Developer;Staff Engineer", "Engineering Manager", "Director of Web Engineering"),
    _dept("Engineering", "Mobile", "ios android kotlin swift react-native app-store "
          "performance", "Mobile Developer;iOS Developer;Android Developer;Senior Mobile "
          "Developer", "Mobile Engineering Manager", "Director of Mobile"),
    _dept("Engineering", "Quality", "test-automation playwright ci-cd performance-testing "
          "exploratory-testing", "QA Engineer;Test Automation Engineer;Senior QA Engineer",
          "QA Manager", "Head of Quality"),
    _dept("Product", "Product Management", "roadmapping discovery okrs pricing analytics "
          "user-research", "Product Manager;Senior Product Manager;Group Product Manager",
          "Product Lead", "Director of Product"),
    _dept("Product", "Design", "ux-design figma design-systems accessibility "
          "user-research prototyping", "Product Designer;UX Researcher;Senior Product "
          "Designer;Design Lead", "Design Manager", "Head of Design"),
    _dept("Sales", "Enterprise Sales", "enterprise-sales negotiation salesforce pricing "
          "rfp public-sector", "Account Executive;Senior Account Executive;Sales Engineer",
          "Sales Manager", "Director of Enterprise Sales"),
    _dept("Sales", "Sales Operations", "sales-ops salesforce forecasting crm "
          "commission-plans analytics", "Sales Operations Analyst;Revenue Operations "
          "Specialist;Senior Sales Ops Analyst", "Sales Ops Manager", "Head of Sales Operations"),
    _dept("Sales", "Partners", "partnerships channel-sales resellers negotiation "
          "co-marketing", "Partner Manager;Alliance Manager;Senior Partner Manager",
          "Partner Sales Manager", "Director of Partnerships"),
    _dept("Marketing", "Communications", "internal-comms press-relations storytelling "
          "brand social-media events", "Communications Specialist;Content Writer;Senior "
          "Communications Manager", "Communications Lead", "Head of Communications"),
    _dept("Marketing", "Growth", "seo content-marketing marketing-automation analytics "
          "a-b-testing webinars", "Growth Marketer;Marketing Specialist;Senior Growth "
          "Marketer", "Growth Manager", "Director of Growth"),
    _dept("Marketing", "Product Marketing", "positioning competitive-intelligence "
          "launches messaging pricing", "Product Marketing Manager;Senior Product Marketing "
          "Manager", "Product Marketing Lead", "Director of Product Marketing"),
    _dept("Customer Success", "Support", "zendesk troubleshooting knowledge-base "
          "escalations customer-feedback", "Support Engineer;Customer Support "
          "Specialist;Senior Support Engineer", "Support Manager", "Head of Support"),
    _dept("Customer Success", "Onboarding", "customer-onboarding training implementation "
          "change-management customer-feedback", "Onboarding Specialist;Implementation "
          "Consultant;Senior Implementation Consultant", "Onboarding Manager",
          "Director of Onboarding"),
    _dept("Customer Success", "Account Management", "renewals churn-analysis upselling "
          "customer-health negotiation", "Customer Success Manager;Senior Customer Success "
          "Manager", "Customer Success Lead", "Director of Account Management"),
    _dept("Finance", "Accounting", "ifrs month-end-close audit accounts-payable vat",
          "Accountant;Financial Controller;Senior Accountant", "Accounting Manager",
          "Head of Accounting"),
    _dept("Finance", "Financial Planning", "budgeting forecasting excel financial-modeling "
          "analytics", "Financial Analyst;Senior Financial Analyst;FP&A Lead",
          "FP&A Manager", "Director of FP&A"),
    _dept("Finance", "Procurement", "procurement vendor-management contracts "
          "sustainability negotiation", "Buyer;Procurement Specialist;Category Manager",
          "Procurement Manager", "Head of Procurement"),
    _dept("People", "Recruiting", "recruiting employer-branding interviewing "
          "diversity-inclusion onboarding", "Recruiter;Technical Recruiter;Senior Recruiter",
          "Recruiting Manager", "Head of Talent Acquisition"),
    _dept("People", "People Partners", "employment-law compensation performance-reviews "
          "wellbeing leadership", "HR Business Partner;People Specialist;Senior HR Business "
          "Partner", "People Partner Lead", "Director of People Partnering"),
    _dept("People", "Learning", "learning-and-development coaching leadership "
          "mentoring e-learning", "Learning Specialist;Coach;Senior Learning Designer",
          "Learning Manager", "Head of Learning"),
    _dept("Legal", "Commercial Legal", "contracts gdpr negotiation licensing "
          "public-sector", "Legal Counsel;Senior Legal Counsel;Paralegal", "Legal Manager",
          "Head of Commercial Legal"),
    _dept("Legal", "Compliance", "gdpr compliance iso27001 anti-bribery export-control "
          "audit", "Compliance Officer;Privacy Specialist;Senior Compliance Officer",
          "Compliance Manager", "Data Protection Officer"),
    _dept("Operations", "IT", "intranet m365 laptops identity-management service-desk "
          "networking", "IT Support Specialist;Systems Administrator;IT Engineer",
          "IT Manager", "Head of IT"),
    _dept("Operations", "Facilities", "workplace office-moves sustainability travel "
          "health-and-safety", "Facilities Coordinator;Workplace Specialist;Office Manager",
          "Facilities Manager", "Head of Workplace"),
    _dept("Operations", "Business Operations", "okrs process-improvement analytics "
          "project-management lean", "Business Analyst;Operations Analyst;Program Manager",
          "Operations Manager", "Director of Business Operations"),
]  # fmt: skip

# Tags anyone may use, whatever their department: company life rather than expertise.
GENERAL_TOPICS = [
    "onboarding",
    "remote-work",
    "sustainability",
    "wellbeing",
    "travel",
    "hackathon",
    "mentoring",
    "diversity-inclusion",
    "book-club",
    "running",
    "photography",
]

# Team names: "<Department> <suffix>", e.g. "Platform Aurora". Enough for ~40 teams each.
TEAM_SUFFIXES = [
    "Aurora",
    "Birch",
    "Cedar",
    "Delta",
    "Ember",
    "Fjord",
    "Glacier",
    "Harbor",
    "Iris",
    "Juniper",
    "Kestrel",
    "Lagoon",
    "Maple",
    "Nordic",
    "Orion",
    "Pine",
    "Quartz",
    "Raven",
    "Spruce",
    "Tundra",
    "Umber",
    "Vega",
    "Willow",
    "Zenith",
    "Atlas",
    "Beacon",
    "Comet",
    "Dune",
    "Echo",
    "Falcon",
    "Granite",
    "Heron",
    "Indigo",
    "Jade",
    "Kite",
    "Lynx",
    "Meadow",
    "Nova",
    "Onyx",
    "Polar",
]

COMMUNITY_SUFFIXES = ("Guild", "Community", "Network", "Forum", "Circle", "Practice")

# Hobby and site communities sit beside the topic ones, as they do in every real intranet.
SOCIAL_COMMUNITIES = (
    ("Running Club", "running wellbeing"),
    ("Book Club", "book-club"),
    ("Photography", "photography"),
    ("Sustainability Champions", "sustainability travel"),
    ("Parents at Lumen", "wellbeing remote-work"),
    ("Hackathon", "hackathon"),
    ("Mentoring Circle", "mentoring leadership"),
    ("Diversity & Inclusion", "diversity-inclusion"),
)


def all_topics() -> list[str]:
    """Every tag the demo uses, in a fixed order."""
    seen: dict[str, None] = {}
    for dept in DEPARTMENTS:
        for topic in dept.topics:
            seen.setdefault(topic)
    for topic in GENERAL_TOPICS:
        seen.setdefault(topic)
    for _name, tags in SOCIAL_COMMUNITIES:
        for topic in tags.split():
            seen.setdefault(topic)
    return list(seen)


def topic_label(topic: str) -> str:
    """'machine-learning' -> 'Machine learning', 'gdpr' -> 'GDPR'."""
    upper = {"gdpr", "iam", "aws", "sql", "css", "ios", "seo", "crm", "vat", "rfp", "okrs",
             "ifrs", "m365", "ci-cd", "ux-design", "iso27001"}  # fmt: skip
    if topic in upper:
        return topic.upper().replace("-", "/")
    return topic.replace("-", " ").capitalize()
