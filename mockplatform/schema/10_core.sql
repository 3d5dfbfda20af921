-- Core: workspaces (one seeded world per trainee), people, sandbox time, log, mail, media.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE workspace (
    id TEXT PRIMARY KEY,                 -- random token, kept in the browser's cookie
    label TEXT,                          -- e.g. a trainee's name
    created_at TEXT NOT NULL,            -- real time, UTC ISO
    clock_offset REAL NOT NULL DEFAULT 0,-- sandbox time = real time + offset (seconds)
    fb_persona_id INTEGER,               -- who is logged in on Facebook in this workspace
    clock_frozen TEXT                    -- sandbox time standing still (a paused class), or NULL
);

CREATE TABLE persona (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    password_changed INTEGER NOT NULL DEFAULT 0, -- 1: no longer the world's practice password
    signature TEXT NOT NULL DEFAULT '',
    avatar TEXT NOT NULL DEFAULT '',
    UNIQUE (workspace_id, key),
    UNIQUE (workspace_id, email)
);

CREATE TABLE action (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    at TEXT NOT NULL,                    -- sandbox time, UTC ISO
    real_at TEXT NOT NULL,
    actor TEXT,                          -- persona key, Instagram username or 'system'
    platform TEXT NOT NULL,              -- sandbox, facebook, business, instagram, training
    verb TEXT NOT NULL,                  -- e.g. post.published, comment.hidden
    object_type TEXT,
    object_id INTEGER,
    detail TEXT NOT NULL DEFAULT '{}'    -- JSON
);
CREATE INDEX action_ws ON action(workspace_id, id);

CREATE TABLE mail (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    to_addr TEXT NOT NULL,
    sender TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT,                           -- an in-sandbox path the mail points to
    sent_at TEXT NOT NULL,               -- sandbox time
    read_at TEXT
);

CREATE TABLE media (
    id TEXT PRIMARY KEY,                 -- random; the file name under MEDIA_DIR/<workspace>/
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('image', 'video')),
    mime TEXT NOT NULL,
    filename TEXT NOT NULL,              -- the name the user's file had
    size INTEGER NOT NULL,
    width INTEGER,
    height INTEGER,
    created_at TEXT NOT NULL
);

-- Objects named by key: the world's keyed posts and comments, and a scenario's own items
-- (seeded at its start or arriving on its timeline). Checks name the object they are about.
CREATE TABLE object_key (
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,                  -- post, comment, mail
    object_id INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, key)
);
