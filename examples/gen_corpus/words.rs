//! The generator's vocabulary, written for it (no real notes copied) so the
//! corpus can be regenerated and shared freely. Templates use `{slot}`s that
//! `text::expand` fills from the lists below; a few entries carry non-ASCII on
//! purpose, because real notes do.

/// (display name, folder slug).
pub const CONFERENCES: &[(&str, &str)] = &[
    ("PyCon", "pycon"),
    ("RustConf", "rustconf"),
    ("Strange Loop", "strangeloop"),
    ("KubeCon", "kubecon"),
    ("SREcon", "srecon"),
    ("GopherCon", "gophercon"),
    ("JSConf", "jsconf"),
    ("QCon", "qcon"),
    ("Monitorama", "monitorama"),
    ("Northwind DevDays", "northwind-devdays"),
    ("Lakeside Systems Summit", "lakeside-systems"),
    ("FOSS Harbour", "foss-harbour"),
    ("Elixir Fjord", "elixir-fjord"),
    ("Compiler Garden", "compiler-garden"),
    ("Open Data Week", "open-data-week"),
    ("Platform Camp", "platform-camp"),
    ("Frontend Unplugged", "frontend-unplugged"),
    ("Distributed Days", "distributed-days"),
    ("Infra Meetup Berlin", "infra-meetup-berlin"),
    ("Cloud Native Lisboa", "cloud-native-lisboa"),
    ("Tokyo Systems Night", "tokyo-systems-night"),
    ("München Data Forum", "muenchen-data-forum"),
    ("Postgres Pier", "postgres-pier"),
    ("Observability Retreat", "observability-retreat"),
];

pub const FIRST_NAMES: &[&str] = &[
    "Ada", "Alex", "Amara", "Ana", "Anders", "Ben", "Bilal", "Camille", "Chen", "Chloé", "Dana", "Daniel", "Deepa",
    "Diego", "Elif", "Emma", "Farah", "Felix", "Grace", "Hana", "Hiro", "Inês", "Ivan", "Jamal", "Jana", "Jonas",
    "José", "Jürgen", "Kai", "Kemi", "Lars", "Leila", "Lena", "Liam", "Lucía", "Łukasz", "Maya", "Mei", "Mohammed",
    "Nadia", "Noah", "Olu", "Omar", "Priya", "Rafael", "Rosa", "Sam", "Sara", "Søren", "Tariq", "Tomás", "Uma",
    "Victor", "Wen", "Yara", "Yusuf", "Zoë", "Zofia",
];

pub const LAST_NAMES: &[&str] = &[
    "Abara", "Andersen", "Baker", "Banerjee", "Becker", "Brennan", "Castillo", "Çelik", "Chowdhury",
    "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Gupta", "Haddad", "Hansen", "Ibrahim",
    "Ito", "Jansen", "Kim", "Kowalski", "Larsen", "Lee", "Lindqvist", "Martins", "Moreau", "Müller",
    "Nakamura", "Nguyen", "Novak", "Okafor", "Olsen", "Ortiz", "Park", "Patel", "Petrov", "Quinn",
    "Rahman", "Reyes", "Rossi", "Sato", "Schmidt", "Šimek", "Silva", "Singh", "Tanaka", "Torres",
    "van Dijk", "Wagner", "Walsh", "Wang", "Weiß", "Yilmaz", "Zhang",
];

/// Whole names written in their own script, for the occasional speaker.
pub const NATIVE_NAMES: &[&str] = &[
    "山田 花子", "佐藤 健", "李 明", "김 지수", "Αλέξης Παππάς", "Мария Иванова",
];

pub const TOOLS: &[&str] = &[
    "Postgres", "MySQL", "SQLite", "Redis", "Kafka", "Cassandra", "Kubernetes", "Docker",
    "Terraform", "Prometheus", "Grafana", "Envoy", "nginx", "Elasticsearch", "ClickHouse", "DuckDB",
    "Spark", "Flink", "Airflow", "dbt", "React", "Svelte", "gRPC", "GraphQL", "etcd", "Consul",
    "Vault", "Nomad", "Jaeger", "OpenTelemetry", "Celery", "RabbitMQ", "NATS", "S3", "Lambda",
    "BigQuery", "pandas", "NumPy", "PyTorch", "Jupyter", "tokio", "Django", "Rails", "Phoenix",
    "Bazel", "Nix", "Vitess", "CockroachDB", "TimescaleDB", "MongoDB", "FoundationDB", "Pulsar",
    "Istio", "Argo CD", "Helm", "Ansible", "Sentry", "Loki", "Polars", "Arrow", "Parquet",
];

pub const LANGS: &[&str] = &[
    "Python", "Rust", "Go", "Java", "Kotlin", "TypeScript", "Elixir", "Erlang", "Haskell", "OCaml",
    "Zig", "C++", "Scala", "Clojure", "Swift", "Julia", "WebAssembly",
];

/// Lowercase on purpose: they are used mid-sentence; titles capitalise.
pub const CONCEPTS: &[&str] = &[
    "backpressure", "idempotency", "eventual consistency", "schema migrations", "feature flags",
    "canary deploys", "blue/green deploys", "rate limiting", "circuit breakers",
    "retries with jitter", "leader election", "sharding", "replication lag", "connection pooling",
    "query planning", "index bloat", "cache invalidation", "observability", "structured logging",
    "distributed tracing", "SLOs", "error budgets", "on-call", "incident reviews", "chaos testing",
    "property-based testing", "fuzzing", "type inference", "garbage collection", "memory safety",
    "async runtimes", "lock-free queues", "vectorization", "columnar storage", "compaction",
    "event sourcing", "CQRS", "CRDTs", "vector clocks", "gossip protocols", "Raft", "Paxos",
    "zero-copy parsing", "cold starts", "multi-tenancy", "data lineage", "build caching",
    "monorepos", "dependency pinning", "supply chain security", "access control",
    "secrets rotation", "accessibility", "internationalization", "technical debt", "code review",
    "mentoring", "docs as code", "developer experience", "platform teams", "cost attribution",
    "load shedding", "autoscaling", "service meshes", "change data capture", "stream processing",
    "batch backfills",
];

/// The searchable words "db"/"database" come mostly through this slot.
pub const DB: &[&str] = &[
    "database", "db", "DB", "main database", "primary db", "db cluster", "analytics db",
    "orders database",
];

pub const THINGS: &[&str] = &[
    "requests", "queries", "writes", "reads", "deploys", "tickets", "pages", "users", "tenants",
    "partitions", "nodes", "pods", "jobs", "tests", "builds", "events", "messages", "rows", "files",
    "services", "alerts", "dashboards", "migrations", "feature flags", "containers", "clusters",
];

pub const METRICS: &[&str] = &[
    "p99 latency", "p50 latency", "error rate", "throughput", "CPU usage", "memory", "build time",
    "deploy time", "cloud bill", "MTTR", "queue depth", "cache hit rate", "page load",
    "binary size",
];

/// Metrics measured in milliseconds.
pub const LATENCIES: &[&str] = &[
    "p99 latency", "p50 latency", "page load", "cold start", "query time", "GC pause",
    "time to first byte",
];

pub const COMPANIES: &[&str] = &[
    "Acme", "Initech", "Globex", "Hooli", "Umbrella Labs", "Northwind", "Contoso", "Tyrell",
    "Wonka Logistics", "Vandelay Imports", "Soylent Data", "Cyberdyne", "Aperture Cloud",
    "Blue Sun", "Massive Dynamic", "Oceanic Air", "a small startup", "a large bank", "a telco",
    "a government agency", "an online retailer",
];

pub const OPINIONS: &[&str] = &[
    "worth trying", "not convinced yet", "surprisingly easy", "huge win", "needs more benchmarks",
    "boring tech wins", "measure before optimizing", "great talk", "a bit hand-wavy",
    "very practical", "good war stories", "slides were dense", "want to read the paper",
    "same problem we have", "ask the team about this", "this is the key point",
    "hard to do retroactively",
];

pub const ACTIONS: &[&str] = &[
    "moving off a monolith", "splitting the database", "adding a cache layer",
    "rewriting the parser", "turning on compression", "batching writes", "dropping an unused index",
    "upgrading the kernel", "pinning dependencies", "removing the ORM", "adding read replicas",
    "switching to async IO", "pre-warming the cache", "sharding by tenant", "tuning the GC",
    "replacing cron with a queue",
];

pub const FEATURES: &[&str] = &[
    "async traits", "incremental compilation", "a new query planner", "native JSON support",
    "logical replication", "a faster allocator", "tiered storage", "exactly-once delivery",
    "structured concurrency", "pattern matching", "a plugin API", "row-level security",
];

pub const QUOTES: &[&str] = &[
    "you can't fix what you don't measure",
    "the database is the API whether you like it or not",
    "every cache is a distributed systems problem in disguise",
    "delete code, not tests",
    "the pager is a product",
    "defaults are destiny",
    "make the right thing the easy thing",
    "latency is a feature",
    "nobody reads the runbook at 3am",
    "migrations are forever",
];

/// Names of the parts a talk is sometimes split into.
pub const SECTIONS: &[&str] = &[
    "Q&A", "Takeaways", "Links", "Background", "Demo", "Questions", "My thoughts", "Architecture",
    "Results", "Follow up", "Slides", "Summary",
];

pub const ORG_TAGS: &[&str] = &[
    "db", "perf", "infra", "keynote", "followup", "rust", "python", "ops", "data", "security",
];

pub const WEEKDAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];
pub const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// Top-level bullets: a point the speaker made.
pub const TOP: &[&str] = &[
    "{tool} handles {concept} for them",
    "they moved from {tool} to {tool} in {n} months",
    "{tool} & {tool} together cover most of {concept}",
    "{pct}% of {thing} hit the {db} directly",
    "{latency} went from {n}ms to {n}ms after {action}",
    "{company} runs {big} {thing} a day on {tool}",
    "why {concept} matters more than the choice of {tool}",
    "demo: {concept} with {tool} and a tiny {lang} service",
    "TODO: try {tool} for {concept}",
    "{db} schema changes go through {tool} now",
    "{tool} {ver} ships {feature}",
    "the {db} was the bottleneck, not the app servers",
    "use {concept} before reaching for {tool}",
    "{n} teams, {n} services, one {db}",
    "read replicas for analytics, the {db} only takes writes",
    "{concept} is mostly a people problem",
    "started with {action}, ended with {action}",
    "history: {company} tried {concept} twice before it stuck",
    "{lang} rewrite cut {metric} by {pct}%",
    "three kinds of {thing}: hot, warm and cold",
    "they test {concept} in CI with a throwaway cluster",
    "{metric} is the number everyone watches",
    "on-call load dropped once teams owned their own migrations",
    "{tool} vs {tool} for {concept}: {opinion}",
    "biggest surprise: {action} helped more than {action}",
    "{concept} without {concept} just moves the problem",
    "their {tool} cluster runs on {n} nodes with {concept}",
    "rule of thumb: one {db} per bounded context",
    "cost: ~{big} USD a month for {tool}",
    "key idea: treat {thing} as immutable {thing}",
    "{person} showed the {tool} dashboards live",
];

/// Deeper bullets: details, examples, asides.
pub const DETAIL: &[&str] = &[
    "e.g. {tool} or {tool}",
    "{n} {thing} per second at peak",
    "{metric} dropped {pct}%",
    "see {url}",
    "same idea works for {tool}",
    "not for {db} writes though",
    "caveat: only with {concept}",
    "{opinion}",
    "{action} first",
    "uses {feature} under the hood",
    "written in {lang}, about {big} lines",
    "config lives next to the code it configures",
    "{thing} are sharded by tenant id",
    "took {n} weeks end to end",
    "alerting on {metric}, not on CPU",
    "they open-sourced the {tool} plugin",
    "fallback: plain {tool}",
    "{pct}% of incidents start in the {db}",
    "ask {person} about {concept}",
    "{latency} ~{n}ms before, ~{n}ms after",
    "compare with {concept}",
    "{tool} config is checked into git",
    "target: p99 < {n}ms for {thing}",
    "pipeline: {tool} -> {tool} -> the {db}",
];

/// Clauses that lengthen a bullet the way an afterthought does.
pub const TAILS: &[&str] = &[
    ", at least at {company}", ", mostly for {thing}", " (they use {tool} for this)",
    ", according to {person}", "; {opinion}", " - {opinion}", ", even with {concept}",
    " (slide {n})", ", which surprised me", ", same as last year", " - ask about {concept}",
    ", in {lang} of course", " after {action}", ", {pct}% of the time",
];

pub const QUESTIONS: &[&str] = &[
    "Q: how does this work with {concept}?",
    "Q: what about {tool} on a single {db}?",
    "Q: did {metric} get worse during the migration?",
    "Q: would you pick {lang} again? A: yes, mostly",
    "Q: who owns the {db} schema? A: the {team} team",
    "A: they rely on {concept} and good dashboards",
];

pub const TEAMS: &[&str] = &[
    "platform", "data", "payments", "search", "infra", "growth", "storage", "mobile",
];

/// Sentences for prose paragraphs (one paragraph is 150 to 400 characters).
pub const PROSE: &[&str] = &[
    "The talk opened with a story about {action} at {company}, which set the tone for the rest of the session.",
    "{person} argued that {concept} is less about tools than about habits, and that {tool} only helps once the basics are in place.",
    "Most of the time went to a live demo of {tool}, which mostly worked; the parts that failed were the most instructive.",
    "I had not thought much about {concept} before, but the examples made it concrete: {n} incidents in a year, all traced back to the {db}.",
    "The slides are online and the recording should be up in a couple of weeks.",
    "Questions from the audience were mostly about {concept} and how {tool} behaves when the {db} is under load.",
    "If you only remember one thing from this one: {opinion}.",
    "Their numbers were impressive ({big} {thing} per second on {n} nodes), but the setup sounded expensive to run.",
    "I'd like to try {tool} on our side, although our {db} is a lot smaller than theirs.",
    "It reminded me of an older talk about {concept}, with far more detail about the failure modes this time.",
    "The room was packed, so I watched from the overflow area with a laggy stream.",
    "A good reminder that {concept} and {concept} pull in opposite directions, and someone has to decide which one wins.",
    "They spent {n} months on {action} and said it was worth every week.",
    "The second half was a deep dive into how {tool} stores {thing}, which I will need to rewatch.",
    "Halfway through, the projector died and {person} carried on from memory, which honestly made it better.",
    "What struck me was how little of it was specific to {tool}; the same lessons apply to any {db} with real traffic.",
    "There was a short detour into {concept} that deserved a talk of its own.",
    "The main claim was that {action} bought them more than any amount of tuning, and the graphs backed it up.",
    "Nobody in the room had a good answer for {concept} at scale, including the speaker, which was refreshing.",
    "I skipped the hallway track for this one and do not regret it.",
    "Several people asked whether the approach survives a {db} failover; the answer was \"mostly\".",
    "The {team} team at {company} apparently rebuilt the whole pipeline around {tool} in {n} weeks.",
    "Slide {n} had the one diagram worth photographing: {thing} flowing from {tool} into the {db}.",
    "Lunch afterwards turned into a long argument about {concept} versus {concept}.",
    "The pace was quick and the examples were in {lang}, which made it easy to follow.",
];

/// (language, body) for the occasional code block.
pub const SNIPPETS: &[(&str, &str)] = &[
    ("python", "async def fetch(pool, key):\n    async with pool.acquire() as conn:\n        return await conn.fetchrow(\"SELECT * FROM items WHERE id = $1\", key)"),
    ("sql", "CREATE INDEX CONCURRENTLY idx_orders_user\n    ON orders (user_id, created_at DESC);"),
    ("rust", "let pool = Pool::builder().max_size(16).build(manager)?;\nlet row = pool.get()?.query_one(\"select 1\", &[])?;"),
    ("go", "ctx, cancel := context.WithTimeout(ctx, 250*time.Millisecond)\ndefer cancel()\nrows, err := db.QueryContext(ctx, q)"),
    ("sh", "kubectl rollout status deploy/api --timeout=120s\nkubectl get pods -l app=api -o wide"),
    ("yaml", "retries:\n  attempts: 3\n  backoff: exponential\n  jitter: true"),
    ("js", "const res = await fetch(`/api/items/${id}`);\nif (!res.ok) throw new Error(res.statusText);"),
    ("elixir", "Task.async_stream(ids, &fetch/1, max_concurrency: 8)\n|> Enum.to_list()"),
];

/// (phrase, bullets per million, template) that benchmarks can search for at
/// a known rate. The template spells the phrase out; no other list has it.
pub const NEEDLES: &[(&str, usize, &str)] = &[
    (
        "consistent hashing",
        1000,
        "consistent hashing keeps {pct}% of keys in place when {thing} move",
    ),
    (
        "bloom filter",
        250,
        "a bloom filter in front of the {db} skips most negative lookups",
    ),
    (
        "thundering herd",
        100,
        "cache expiry caused a thundering herd on the {db}",
    ),
];

/// Page furniture of a copied blog post (first the top, then the bottom).
pub const WEB_HEADER: &[&str] = &[
    "Skip to content", "Menu", "Home", "About", "Archive", "Search for:", "Posted in Conferences",
];
pub const WEB_FOOTER: &[&str] = &[
    "Share this post", "Twitter", "Facebook", "LinkedIn", "Like this:", "Related",
    "Leave a comment", "comments powered by Disqus", "Newer posts", "Older posts",
    "Powered by WordPress",
];
