-- Facebook: Pages, who holds which role on them, posts and comments.
CREATE TABLE page (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    about TEXT NOT NULL DEFAULT '',
    avatar TEXT NOT NULL DEFAULT '',
    cover TEXT NOT NULL DEFAULT '',
    UNIQUE (workspace_id, slug)
);

CREATE TABLE page_role (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    page_id INTEGER NOT NULL REFERENCES page(id) ON DELETE CASCADE,
    persona_id INTEGER NOT NULL REFERENCES persona(id) ON DELETE CASCADE,
    role TEXT NOT NULL,                  -- Administratör, Redaktör, Moderator, Annonsör, Analytiker, Anpassad
    tasks TEXT NOT NULL DEFAULT '[]',    -- JSON list of tasks, used by Anpassad
    UNIQUE (page_id, persona_id)
);

CREATE TABLE post (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    page_id INTEGER NOT NULL REFERENCES page(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES persona(id) ON DELETE SET NULL,
    text TEXT NOT NULL DEFAULT '',
    feeling TEXT NOT NULL DEFAULT '',
    media_id TEXT REFERENCES media(id) ON DELETE SET NULL,
    image TEXT NOT NULL DEFAULT '',      -- a static image of the seeded world
    link_url TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('published', 'scheduled', 'draft')),
    publish_at TEXT NOT NULL,            -- sandbox time it was (or will be) published
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted_at TEXT
);
CREATE INDEX post_page ON post(page_id, status, publish_at);

CREATE TABLE comment (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    post_id INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES comment(id) ON DELETE CASCADE,
    author_name TEXT NOT NULL,           -- a citizen, or the Page's name when the Page answers
    as_page INTEGER NOT NULL DEFAULT 0,  -- 1: written by the Page
    persona_id INTEGER REFERENCES persona(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',       -- seeded world's note: ok, question, against_rules
    created_at TEXT NOT NULL,
    hidden_at TEXT,
    deleted_at TEXT
);
CREATE INDEX comment_post ON comment(post_id);
