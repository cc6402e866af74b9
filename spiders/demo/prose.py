"""Hand-written prose that makes demo descriptions read like real postings (issue 20).

Real postings average about 850 words: a long company section, a role intro, duties,
requirements, a benefits block, often a pay-transparency paragraph and always some legal text.
Everything here is invented for the demo. Sentences are skill-free, except the company-culture
lines of `CULTURE`, which name a soft skill or practice on purpose (with its slug) so the
reports can be checked to count only what a posting asks for, not what its company blurb says.
"""

from __future__ import annotations

#: Company paragraph sentences: mission, customers, funding and how the company works.
MISSION: tuple[str, ...] = (
    "{company} started with a simple observation: the people doing this work every day were "
    "stuck with tools built for someone else.",
    "Our customers range from ten-person teams to some of the largest organisations in their "
    "field, and most of them found us through a colleague.",
    "We are backed by long-term investors and have grown revenue every quarter since our first "
    "release.",
    "We raised our Series B this year and are using it to grow the team carefully rather than "
    "quickly.",
    "More than 400 organisations rely on us every day, and our renewal rate is something we are "
    "quietly proud of.",
    "We are still small enough that everyone knows everyone, and big enough that the work "
    "reaches millions of people.",
    "Our product replaces spreadsheets, email chains and phone calls with one calm place to get "
    "the job done.",
    "We spend a lot of time with our customers, and most of our best ideas come from watching "
    "them work.",
)

#: What the product does day to day (company paragraph, skill-free).
PRODUCT: tuple[str, ...] = (
    "Teams use it to plan their week, keep track of what changed and see at a glance what needs "
    "attention.",
    "It handles the dull, error-prone parts of the job so that people can spend their time on "
    "the decisions only they can make.",
    "Customers usually start with one team, and within a year most of them have rolled it out "
    "across the whole organisation.",
    "The product is used in more than thirty countries and in more languages than we can "
    "comfortably name.",
    "We sell to organisations of every size, but we design for the person who opens the product "
    "first thing on a Monday morning.",
)

#: How the company works (company paragraph, skill-free).
HOW_WE_WORK: tuple[str, ...] = (
    "We plan in six-week cycles, keep a short list of priorities and say no to the rest. "
    "Meetings have an agenda and a written summary, and most decisions start as a short "
    "document that anyone can comment on.",
    "We work from a shared office three days a week and from home the rest of the time. "
    "Everyone gets the same information at the same time, and the weekly company meeting is "
    "recorded for people in other time zones.",
    "We keep teams small and give them clear goals, then get out of the way. Managers here spend "
    "their time removing obstacles and helping people grow, not checking in every day.",
    "We ship small changes often, measure what they do and roll back without drama when "
    "something does not work. Every quarter we take a week to fix the things that annoy us most.",
)

#: A longer founding story some companies tell (company paragraph, skill-free).
STORY: tuple[str, ...] = (
    "{company} began as a side project between two friends who had spent years doing this work "
    "the hard way. The first version was rough, but the people who tried it kept coming back, "
    "and a year later we had a small office, a handful of colleagues and customers who "
    "called us before they called anyone else.",
    "We did not set out to build a company. We set out to fix one problem for one customer, and "
    "then another customer asked for the same thing, and then another. Today the problem is "
    "bigger and the team is larger, but we still start every project by talking to the people "
    "who will use what we make.",
)

#: Accessibility note some companies add after their equal-opportunity statement.
ACCOMMODATION = (
    "If you need assistance or an accommodation at any stage of the application process, "
    "please let our recruiting team know; we will work with you to make it right."
)

#: (sentence, slug it names on purpose): company culture, never something the job asks for.
CULTURE: tuple[tuple[str, str], ...] = (
    (
        "Our culture is collaborative and low-ego: we share credit, write things down and "
        "assume good intent.",
        "collaboration",
    ),
    (
        "We believe in ownership and trust: small teams decide how to reach their goals.",
        "ownership",
    ),
    (
        "We hire for curiosity and a growth mindset as much as for a polished CV.",
        "curiosity",
    ),
    (
        "We are a remote-first company with hubs in a few cities where people like to meet.",
        "remote-work",
    ),
    (
        "Integrity comes first for us, with customers and with each other.",
        "ethics",
    ),
    (
        "We run the company on async communication: proposals are written, and decisions are "
        "recorded where everyone can find them.",
        "remote-work",
    ),
)

#: "The team" paragraph, per posting ({dept}: the posting's department).
TEAM: tuple[str, ...] = (
    "You will join a group of {n} people in {dept}, most of whom have been here for a while "
    "and are happy to show you around.",
    "The {dept} team grew from three to {n} people this year, and we want to keep the habits "
    "that got us here: small batches, honest reviews and quiet focus time.",
    "You will report to the head of {dept}, who cares about clear goals, short meetings and "
    "people going home on time.",
    "Most of the team sits in nearby time zones, so meetings stay short and within working "
    "hours, and nobody is expected to answer messages late at night.",
    "The team works in two-week cycles with a written plan at the start and a short demo at "
    "the end, and the rest of the time is yours to get the work done.",
)

#: What the first months look like, per posting (skill-free; placed with the team paragraph).
FIRST_MONTHS: tuple[str, ...] = (
    "In your first month you will meet the people you will work with most, ship a small change "
    "and learn how our customers use the product. By the end of your third month a piece of "
    "the roadmap will be yours and you will have shipped something you are proud of.",
    "We do not expect you to know everything on day one. Your first weeks are for listening, "
    "reading and pairing; after that you will take on a project of your own with a clear goal "
    "and a teammate to turn to.",
    "Success in this role looks like steady progress on problems that matter to customers, "
    "decisions that are written down, and teammates who are glad you joined.",
)

#: A second sentence for the role intro, per role family (skill-free).
ROLE_CONTEXT: dict[str, tuple[str, ...]] = {
    "eng": (
        "The problems are real and the users are waiting, so we care about getting good work "
        "into their hands and learning from what happens next.",
        "You will have a lot of say in what we build and how, and you will see the effect of "
        "your work within days rather than months.",
    ),
    "research": (
        "We give researchers time to think, and a direct line to the people who turn results "
        "into products.",
        "Good questions matter more here than fast answers, and a careful negative result is "
        "valued as much as a positive one.",
    ),
    "data": (
        "People across the company act on your numbers, so accuracy and clear explanations "
        "matter as much as speed.",
        "You will decide which questions are worth answering, and help others ask better ones.",
    ),
    "pm": (
        "You will work with a small group of engineers and a designer who want to be involved "
        "early, not handed finished plans.",
        "Your job is to make hard choices visible and to keep everyone pointed at the same goal.",
    ),
    "other": (
        "You will have real freedom in how you reach your goals, and a manager who clears "
        "the way rather than checking in every day.",
        "Every quarter brings something new, and the people who do well here enjoy that.",
    ),
}

#: Extra skill-free duties per role family (vocab.DUTIES holds the first ones).
MORE_DUTIES: dict[str, tuple[str, ...]] = {
    "eng": (
        "Break large, fuzzy projects into milestones that ship value early.",
        "Keep an eye on cost and speed, and fix what slows users down.",
        "Improve our internal tooling so that everyone on the team moves faster.",
        "Write tests and documentation that the next person will thank you for.",
        "Take part in planning, and push back when scope and time do not match.",
        "Follow issues reported by customers through to a fix and a note explaining it.",
        "Help hire and onboard new teammates as the team grows.",
    ),
    "research": (
        "Read widely and bring relevant ideas from the literature to the team.",
        "Design studies with clear baselines, and say plainly what they can and cannot show.",
        "Share findings in short written notes that engineers and leaders can act on.",
        "Help set the research agenda for the coming year.",
    ),
    "data": (
        "Define and maintain the metrics that the executive team reviews every week.",
        "Make sure new features are measured from the day they launch.",
        "Answer ad hoc questions quickly, and turn repeated ones into self-serve reports.",
        "Review the work of other analysts and share good practice.",
    ),
    "pm": (
        "Write clear product briefs and keep them up to date as you learn.",
        "Work out pricing and packaging questions with finance and the commercial team.",
        "Run launch reviews and make sure every team is ready on day one.",
        "Say no to good ideas so that great ones get the time they need.",
    ),
    "other": (
        "Keep accurate notes in our internal systems so that handovers are painless.",
        "Share what you hear from the market with product and the founders.",
        "Prepare short weekly updates for your manager and peers.",
        "Help shape the processes of a function that is still being built.",
    ),
}

#: Extra skill-free requirement lines, any role.
MORE_REQS: tuple[str, ...] = (
    "A record of finishing what you start, including the unglamorous parts.",
    "You are comfortable giving and receiving direct, kind feedback.",
    "You can explain trade-offs to people outside your field.",
    "The right to work in the country of the role; we cannot sponsor visas for this position.",
    "Willingness to visit our office for a few days each quarter.",
    "A degree in a relevant field, or equivalent practical background.",
    "You enjoy sharing what you know and learning from people who know other things.",
)

#: Benefits bullets; each company offers its own fixed selection.
BENEFITS: tuple[str, ...] = (
    "Medical, dental and vision insurance, with premiums fully covered for you and mostly "
    "covered for your dependents.",
    "16 weeks of fully paid parental leave for every parent, plus a phased return to work.",
    "25 days of paid holiday a year, plus public holidays and a company-wide winter break.",
    "A 401(k) plan with a company match, or the local pension equivalent.",
    "Stock options with an extended exercise window.",
    "A yearly learning budget for books, courses and conferences.",
    "A home-office setup of your choice and a monthly allowance for internet and coworking.",
    "Life and disability insurance from your first day.",
    "Confidential counselling and mental health support for you and your family.",
    "Commuter benefits and lunch on office days.",
    "Flexible working hours built around a few hours of overlap.",
    "A paid sabbatical after your fourth anniversary with us.",
    "Regular team offsites, most recently in Lisbon and the Scottish Highlands.",
    "A wellbeing allowance for gym memberships, classes or anything else that keeps you well.",
    "Relocation support for people moving to one of our hubs.",
)

#: Pay-transparency paragraphs stating the posting's range ({s}: the salary text, verbatim).
PAY_WITH_RANGE: tuple[str, ...] = (
    "The base salary range for this role is {s}. Final offers depend on job-related skills, "
    "experience and location, and the range may differ outside the locations listed. Base pay "
    "is one part of what we offer, alongside equity and the benefits above.",
    "We are committed to fair and equitable pay. The range for this position is {s}; where you "
    "land in it depends on your background and on an interview process that is the same for "
    "every candidate. We review pay every year.",
    "Compensation for this role: {s}. This range reflects base salary only and does not include "
    "equity or benefits. Individual pay is decided using factors such as relevant experience, "
    "skill level and location.",
)

#: Pay-transparency paragraphs of postings that state no range (no amounts in them).
PAY_WITHOUT_RANGE: tuple[str, ...] = (
    "We publish a salary range for every role where the law asks us to, and we share the range "
    "for this role in your first conversation with our recruiting team. Offers depend on "
    "job-related experience and location.",
    "We are committed to fair pay. Ranges are set by level and location, reviewed twice a year "
    "against market data, and shared with every candidate before the first interview.",
)

#: Equal-opportunity statements ({company}), one per company.
EEO: tuple[str, ...] = (
    "{company} is an equal opportunity employer. We do not discriminate on the basis of race, "
    "religion, colour, national origin, sex, sexual orientation, gender identity or expression, "
    "age, disability, veteran status or any other status protected by law. We are building a "
    "team that reflects the people we serve, and we encourage applications from people of every "
    "background.",
    "We believe that a diverse team builds better products. {company} provides equal employment "
    "opportunity to all applicants and employees, and every hiring decision is made on the "
    "basis of the role's requirements, merit and business need. If you need an adjustment or "
    "accommodation at any point in the process, tell us and we will make it happen.",
    "{company} is proud to be an equal opportunity workplace. We consider qualified applicants "
    "with arrest and conviction records in line with applicable fair chance laws. Applicants "
    "with disabilities may request reasonable accommodations by writing to our recruiting team.",
    "All qualified applicants will receive consideration for employment without regard to race, "
    "colour, religion, sex, sexual orientation, gender identity, national origin, disability or "
    "protected veteran status. {company} participates in E-Verify where the law requires it.",
    "At {company} we want everyone to feel they belong. We are an equal opportunity employer and "
    "welcome applicants regardless of background, identity or experience, including people "
    "returning to work after a career break.",
)

#: Optional closing paragraphs with their bold heading: privacy notice, interview process.
EXTRAS: tuple[tuple[str, str], ...] = (
    (
        "Candidate privacy",
        "By applying you agree that we may process your personal data for recruiting purposes, "
        "as described in our candidate privacy notice. We keep applications for up to 24 months "
        "unless you ask us to delete them sooner.",
    ),
    (
        "Our interview process",
        "A 30-minute call with a recruiter, a conversation with the hiring manager, a practical "
        "exercise that we pay you for, and a final round with future teammates. Most candidates "
        "hear back within two weeks of applying.",
    ),
    (
        "How to apply",
        "Send us your CV or a link to your profile, and a few lines on why this role appeals to "
        "you; a cover letter is welcome but never required. We review applications on a rolling "
        "basis and reply to everyone, including when the answer is no.",
    ),
    (
        "Our interview process",
        "We keep it short: one introductory call, one working session on a realistic problem and "
        "one conversation about how you like to work. We tell you in advance what each step "
        "covers.",
    ),
)

#: Heading wordings per section; each company uses one set (real ATS templates repeat).
HEADINGS: dict[str, tuple[str, ...]] = {
    "about": ("About us", "Who we are", "About {company}", "Our mission", "About the company"),
    "team": ("The team", "About the team", "Meet the team"),
    "responsibilities": (
        "Responsibilities",
        "What you'll do",
        "In this role you will",
        "Your impact",
        "What you'll work on",
        "The role",
    ),
    "requirements": (
        "Requirements",
        "What we're looking for",
        "About you",
        "Qualifications",
        "Who you are",
        "What you'll need",
        "Minimum qualifications",
    ),
    "nice_to_have": (
        "Nice to have",
        "Bonus points",
        "Even better if you have",
        "Preferred qualifications",
        "It's a plus if you have",
    ),
    "benefits": ("Benefits", "What we offer", "Perks and benefits", "Why join us", "Total rewards"),
    "pay": ("Pay transparency", "Compensation", "Salary and benefits"),
    "eeo": ("Equal opportunity", "Diversity and inclusion", "Equal employment opportunity"),
}
