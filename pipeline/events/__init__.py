"""The event stage: which meetings a document reports, split by question: which triggers count
(`triggers`), who takes part (`clauses`, `participants`, `pronouns`, `hosts`, `groups`), when (`when`),
where (`where`), whether it happened (`status`), and one mention per meeting (`coreference`)."""
