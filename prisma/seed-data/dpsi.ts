// Seed content for the "dpsi" consultation: an original draft Declaration on
// Public Sector Innovation, written for Clausewise. It is inspired by the
// public consultation run by the OECD on a similar draft, but none of the
// text below is taken from any OECD document.

export type LocalizedText = { en: string; fr: string };

export type SeedClause = {
  key: string; // stable, URL-safe: "preamble", "1", "1.1", "1.2", "2", ...
  kind: "preamble" | "principle" | "action";
  number: string | null; // null for the preamble, "1" for principles, "1.1" for actions
  heading: LocalizedText | null; // preamble: fixed; principles: their title; actions: null
  body: LocalizedText; // plain text; paragraphs separated by "\n\n"
  children?: SeedClause[]; // actions under a principle
};

export const dpsiConsultation = {
  slug: "dpsi",
  referencePrefix: "DPSI",
  timeZone: "Europe/Paris",
  title: {
    en: "Draft Declaration on Public Sector Innovation",
    fr: "Projet de déclaration sur l'innovation dans le secteur public",
  },
  summary: {
    en: "This consultation invites comments on a draft declaration that sets out shared principles for making innovation a normal, everyday part of how governments work. Your feedback will be used to revise the text before it is finalised, so that it is clear, useful and workable for public administrations at every level.",
    fr: "Cette consultation recueille vos observations sur un projet de déclaration qui énonce des principes communs pour faire de l'innovation une composante ordinaire du fonctionnement des administrations publiques. Vos contributions serviront à réviser le texte avant sa finalisation, afin qu'il soit clair, utile et applicable par les administrations à tous les niveaux.",
  },
  askedFor: {
    en: "We would like to know whether each principle and proposed action is clear, and what you would change to make it clearer. Please point out words that may be understood differently in your language or country, such as “weak signals” or “public servants”. Tell us too whether the proposed actions are feasible where you work, and what obstacles or consequences you foresee.",
    fr: "Nous souhaitons savoir si chaque principe et chaque action proposée sont clairs, et ce que vous modifieriez pour les rendre plus compréhensibles. Signalez-nous les termes qui pourraient être compris différemment dans votre langue ou dans votre pays, comme «\u00a0signaux faibles\u00a0» ou «\u00a0agents publics\u00a0». Dites-nous enfin si les actions proposées sont réalisables dans votre contexte, et quels obstacles ou quelles conséquences vous anticipez.",
  },
  audience: {
    en: "Anyone may respond: individuals, organisations, groups or networks, and local and regional governments, which are especially encouraged to take part together with their local innovation ecosystems. National governments are asked to send one formal response per country.",
    fr: "Toute personne ou structure peut contribuer, qu'il s'agisse de particuliers, d'organisations, de collectifs ou de réseaux, ou encore de collectivités territoriales, tout particulièrement invitées à participer avec leurs écosystèmes locaux d'innovation. Les gouvernements nationaux sont priés d'adresser une seule réponse officielle par pays.",
  },
} satisfies {
  slug: string;
  referencePrefix: string;
  timeZone: string;
  title: LocalizedText;
  summary: LocalizedText;
  askedFor: LocalizedText;
  audience: LocalizedText;
};

const preamble: SeedClause = {
  key: "preamble",
  kind: "preamble",
  number: null,
  heading: { en: "Preamble", fr: "Préambule" },
  body: {
    en: [
      "Governments face problems that are complex, fast-moving and often without precedent. Meeting them requires public sectors that can generate, test and adopt new ideas at a pace that matches the needs of the people they serve.",
      "Innovation already happens in public administrations everywhere, often thanks to the initiative of individuals and small teams. Too often, however, it depends on exceptional effort rather than on systems designed to support it, and its results are neither shared nor sustained.",
      "Innovation takes different forms: improving what already works, pursuing ambitious missions, adapting to changing circumstances and anticipating what may come. A healthy public sector maintains a balanced portfolio of these approaches rather than relying on any single one.",
      "Recognising that innovation is part of the core business of government and not an optional extra, and that it concerns every level of government, the Adherents to this Declaration commit to the following principles and to considering the proposed actions in the light of their own national and local contexts.",
    ].join("\n\n"),
    fr: [
      "Les pouvoirs publics font face à des problèmes complexes, évolutifs et souvent sans précédent. Pour y répondre, le secteur public doit être capable de concevoir, d'expérimenter et d'adopter des idées nouvelles à un rythme à la hauteur des besoins des personnes qu'il sert.",
      "L'innovation est déjà à l'œuvre dans les administrations, souvent grâce à l'initiative de quelques agents ou de petites équipes. Trop souvent toutefois, elle repose sur des efforts exceptionnels plutôt que sur une organisation conçue pour la soutenir, et ses résultats ne sont ni partagés ni pérennisés.",
      "L'innovation prend des formes diverses, qu'il s'agisse d'améliorer ce qui fonctionne déjà, de poursuivre des missions ambitieuses, de s'adapter à un contexte changeant ou d'anticiper l'avenir. Un secteur public en bonne santé entretient un portefeuille équilibré de ces approches plutôt que de miser sur une seule d'entre elles.",
      "Considérant que l'innovation relève du cœur de l'action publique et non d'un supplément facultatif, et qu'elle concerne tous les niveaux d'administration, les signataires de la présente déclaration s'engagent à respecter les principes suivants et à examiner les actions proposées au regard de leur contexte national et local.",
    ].join("\n\n"),
  },
};

const principle1: SeedClause = {
  key: "1",
  kind: "principle",
  number: "1",
  heading: {
    en: "Embrace and enhance innovation within the public sector",
    fr: "Reconnaître et renforcer l'innovation au sein du secteur public",
  },
  body: {
    en: "Adherents recognise innovation as a core, strategic function of the public sector and commit to strengthening the conditions that allow it to happen systematically rather than by exception.",
    fr: "Les signataires reconnaissent l'innovation comme une fonction stratégique essentielle du secteur public et s'engagent à renforcer les conditions qui lui permettent de se déployer de manière systématique, et non plus par exception.",
  },
  children: [
    {
      key: "1.1",
      kind: "action",
      number: "1.1",
      heading: null,
      body: {
        en: "Explain, at the highest levels of leadership, why innovation matters to the organisation's mission. Make clear that trying new approaches in pursuit of better outcomes is expected and supported.",
        fr: "Expliquer, au plus haut niveau de direction, en quoi l'innovation sert les missions de l'organisation. Affirmer clairement que l'essai de nouvelles approches au service de meilleurs résultats est attendu et soutenu.",
      },
    },
    {
      key: "1.2",
      kind: "action",
      number: "1.2",
      heading: null,
      body: {
        en: "Maintain a balanced portfolio of innovation activities, from incremental improvements to mission-oriented and anticipatory work, and review it regularly to ensure it matches current and emerging priorities.",
        fr: "Entretenir un portefeuille équilibré d'activités d'innovation, des améliorations progressives aux démarches orientées vers des missions ou tournées vers l'anticipation, et le réexaminer régulièrement pour s'assurer qu'il correspond aux priorités actuelles et émergentes.",
      },
    },
    {
      key: "1.3",
      kind: "action",
      number: "1.3",
      heading: null,
      body: {
        en: "Set up ways to detect and act on weak signals of change, such as early trends, unexpected user behaviour or observations from frontline staff, so that the public sector can prepare before problems become urgent.",
        fr: "Mettre en place des dispositifs permettant de repérer les signaux faibles de changement, tels que des tendances naissantes, des comportements inattendus des usagers ou des observations remontées du terrain, et d'y donner suite, afin que le secteur public puisse se préparer avant que les problèmes ne deviennent urgents.",
      },
    },
    {
      key: "1.4",
      kind: "action",
      number: "1.4",
      heading: null,
      body: {
        en: "Review rules, budgeting processes and procurement practices that unnecessarily hinder new approaches, and adjust them where this can be done without weakening accountability.",
        fr: "Réexaminer les règles, les procédures budgétaires et les pratiques d'achat public qui entravent inutilement les nouvelles approches, et les adapter lorsque cela est possible sans affaiblir l'obligation de rendre compte.",
      },
    },
  ],
};

const principle2: SeedClause = {
  key: "2",
  kind: "principle",
  number: "2",
  heading: {
    en: "Encourage and equip all public servants to innovate",
    fr: "Encourager tous les agents publics à innover et leur en donner les moyens",
  },
  body: {
    en: "Adherents recognise that innovation is not the preserve of specialist teams and commit to giving all public servants the permission, skills and support they need to improve how they work and what they deliver.",
    fr: "Les signataires reconnaissent que l'innovation n'est pas réservée à des équipes spécialisées et s'engagent à donner à tous les agents publics l'autorisation, les compétences et le soutien nécessaires pour améliorer leurs méthodes de travail et le service rendu.",
  },
  children: [
    {
      key: "2.1",
      kind: "action",
      number: "2.1",
      heading: null,
      body: {
        en: "Make innovation skills, such as user research, iterative design, data literacy and working with uncertainty, part of the training offered to public servants at every stage of their careers.",
        fr: "Intégrer les compétences liées à l'innovation, telles que l'étude des besoins des usagers, la conception itérative, la maîtrise des données et la capacité à travailler dans l'incertitude, dans les formations proposées aux agents publics à toutes les étapes de leur carrière.",
      },
    },
    {
      key: "2.2",
      kind: "action",
      number: "2.2",
      heading: null,
      body: {
        en: "Equip managers to sponsor new ideas from their teams, protect time for exploration, and recognise contributions to innovation in performance reviews and career progression.",
        fr: "Donner aux encadrants les moyens de soutenir les idées nouvelles de leurs équipes, de préserver du temps pour l'exploration et de valoriser les contributions à l'innovation dans l'évaluation professionnelle et les parcours de carrière.",
      },
    },
    {
      key: "2.3",
      kind: "action",
      number: "2.3",
      heading: null,
      body: {
        en: "Provide clear channels through which any public servant, including those working in frontline and local services, can propose an idea, receive a response and, where appropriate, take part in developing it.",
        fr: "Offrir des canaux clairs par lesquels tout agent public, y compris dans les services de proximité et les administrations locales, peut proposer une idée, obtenir une réponse et, le cas échéant, participer à sa mise au point.",
      },
    },
  ],
};

const principle3: SeedClause = {
  key: "3",
  kind: "principle",
  number: "3",
  heading: {
    en: "Cultivate new partnerships and involve different voices",
    fr: "Développer de nouveaux partenariats et faire entendre des voix diverses",
  },
  body: {
    en: "Adherents commit to working across organisational, sectoral and jurisdictional boundaries, and to seeking out and listening to a diversity of perspectives, especially those of the people most affected by public decisions.",
    fr: "Les signataires s'engagent à dépasser les frontières entre organisations, secteurs et échelons territoriaux, ainsi qu'à rechercher et à écouter une diversité de points de vue, en particulier ceux des personnes les plus concernées par les décisions publiques.",
  },
  children: [
    {
      key: "3.1",
      kind: "action",
      number: "3.1",
      heading: null,
      body: {
        en: "Involve citizens, service users and communities in defining problems and designing solutions, using methods that reach people who are rarely heard in policymaking.",
        fr: "Associer les citoyens, les usagers et les communautés à la définition des problèmes et à la conception des solutions, en recourant à des méthodes qui permettent de toucher les personnes rarement entendues dans l'élaboration des politiques publiques.",
      },
    },
    {
      key: "3.2",
      kind: "action",
      number: "3.2",
      heading: null,
      body: {
        en: "Build partnerships with researchers, civil society, businesses and social enterprises, with clear and fair arrangements for sharing risks, data and results.",
        fr: "Nouer des partenariats avec les chercheurs, la société civile, les entreprises et les acteurs de l'économie sociale et solidaire, selon des modalités claires et équitables de partage des risques, des données et des résultats.",
      },
    },
    {
      key: "3.3",
      kind: "action",
      number: "3.3",
      heading: null,
      body: {
        en: "Strengthen cooperation between national, regional and local governments, recognising that local administrations are often closest to emerging needs and best placed to test new responses.",
        fr: "Renforcer la coopération entre les administrations nationales, régionales et locales, en reconnaissant que les administrations locales sont souvent les plus proches des besoins émergents et les mieux placées pour tester de nouvelles réponses.",
      },
    },
  ],
};

const principle4: SeedClause = {
  key: "4",
  kind: "principle",
  number: "4",
  heading: {
    en: "Support exploration, iteration and testing",
    fr: "Soutenir l'exploration, l'itération et l'expérimentation",
  },
  body: {
    en: "Adherents commit to creating the conditions in which new ideas can be explored, tested and refined in a structured way, and in which lessons from what does not work are captured as carefully as lessons from what does.",
    fr: "Les signataires s'engagent à créer les conditions permettant d'explorer, de tester et d'affiner des idées nouvelles de manière structurée, et de tirer les enseignements de ce qui ne fonctionne pas avec autant de rigueur que de ce qui fonctionne.",
  },
  children: [
    {
      key: "4.1",
      kind: "action",
      number: "4.1",
      heading: null,
      body: {
        en: "Treat experiments and pilots as distinct, clearly defined activities, with stated objectives, limits, safeguards and criteria for success, so that they can be managed, evaluated and audited on their own terms.",
        fr: "Traiter les expérimentations et les projets pilotes comme des activités distinctes et clairement délimitées, assorties d'objectifs, de limites, de garanties et de critères de réussite explicites, afin qu'elles puissent être pilotées, évaluées et auditées selon leurs propres modalités.",
      },
    },
    {
      key: "4.2",
      kind: "action",
      number: "4.2",
      heading: null,
      body: {
        en: "Recognise that a well-run experiment showing that an idea does not work is a valid result. Engage audit and oversight bodies early on how such activities will be assessed.",
        fr: "Reconnaître qu'une expérimentation bien conduite qui démontre qu'une idée ne fonctionne pas constitue un résultat à part entière. Associer en amont les organes d'audit et de contrôle à la définition des modalités d'évaluation de ces activités.",
      },
    },
    {
      key: "4.3",
      kind: "action",
      number: "4.3",
      heading: null,
      body: {
        en: "Provide flexible, staged funding and legal mechanisms, such as time-limited derogations or regulatory sandboxes, that allow promising ideas to be tested, adjusted and then either scaled up or stopped.",
        fr: "Prévoir des financements souples et échelonnés ainsi que des mécanismes juridiques, tels que des dérogations limitées dans le temps ou des bacs à sable réglementaires, permettant de tester et d'ajuster les idées prometteuses, puis de les généraliser ou d'y mettre fin.",
      },
    },
    {
      key: "4.4",
      kind: "action",
      number: "4.4",
      heading: null,
      body: {
        en: "Protect the rights and interests of people who take part in or are affected by an experiment, in particular by informing them clearly and ensuring they keep access to an adequate service if the experiment is stopped.",
        fr: "Protéger les droits et les intérêts des personnes qui participent à une expérimentation ou sont concernées par celle-ci, notamment en les informant clairement et en leur garantissant l'accès à un service adapté si l'expérimentation est interrompue.",
      },
    },
  ],
};

const principle5: SeedClause = {
  key: "5",
  kind: "principle",
  number: "5",
  heading: {
    en: "Diffuse lessons and share practices",
    fr: "Diffuser les enseignements et partager les pratiques",
  },
  body: {
    en: "Adherents commit to sharing what they learn from innovation, including results, methods and difficulties, so that successful approaches can spread and others can avoid repeating the same mistakes.",
    fr: "Les signataires s'engagent à partager les enseignements qu'ils tirent de l'innovation, qu'il s'agisse des résultats, des méthodes ou des difficultés rencontrées, afin que les approches fructueuses se diffusent et que d'autres puissent éviter de reproduire les mêmes erreurs.",
  },
  children: [
    {
      key: "5.1",
      kind: "action",
      number: "5.1",
      heading: null,
      body: {
        en: "Document innovation projects and their outcomes, including negative or inconclusive results, in formats that are open, accessible and easy to reuse.",
        fr: "Documenter les projets d'innovation et leurs résultats, y compris lorsque ceux-ci sont négatifs ou non concluants, sous des formes ouvertes, accessibles et faciles à réutiliser.",
      },
    },
    {
      key: "5.2",
      kind: "action",
      number: "5.2",
      heading: null,
      body: {
        en: "Support networks and communities of practice that connect public servants across organisations, levels of government and countries, and recognise taking part in them as part of their work.",
        fr: "Soutenir les réseaux et les communautés de pratique qui relient les agents publics par-delà les organisations, les niveaux d'administration et les frontières, et reconnaître la participation à ces réseaux comme relevant pleinement de leurs missions.",
      },
    },
    {
      key: "5.3",
      kind: "action",
      number: "5.3",
      heading: null,
      body: {
        en: "Evaluate innovation activities and use the findings to adapt policies, services and the wider innovation system, rather than treating evaluation as a final formality.",
        fr: "Évaluer les activités d'innovation et en exploiter les conclusions pour faire évoluer les politiques, les services et l'ensemble du système d'innovation, plutôt que de considérer l'évaluation comme une simple formalité de fin de projet.",
      },
    },
    {
      key: "5.4",
      kind: "action",
      number: "5.4",
      heading: null,
      body: {
        en: "Cooperate internationally to compare approaches, explore shared challenges together and help adapt proven practices to different administrative and cultural contexts.",
        fr: "Coopérer à l'échelle internationale pour comparer les approches, explorer ensemble des défis communs et contribuer à adapter les pratiques éprouvées à des contextes administratifs et culturels différents.",
      },
    },
  ],
};

export const dpsiClauses: SeedClause[] = [preamble, principle1, principle2, principle3, principle4, principle5];
