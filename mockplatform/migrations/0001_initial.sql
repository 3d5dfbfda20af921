-- Core: workspaces (one seeded world per trainee), people, sandbox time, log, mail, media.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE workspace (
    id TEXT PRIMARY KEY,                 -- random token, kept in the browser's cookie
    label TEXT,                          -- e.g. a trainee's name
    created_at TEXT NOT NULL,            -- real time, UTC ISO
    clock_offset REAL NOT NULL DEFAULT 0,-- sandbox time = real time + offset (seconds)
    fb_persona_id INTEGER                -- who is logged in on Facebook in this workspace
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

-- Business Manager: businesses, the Pages they own and their people.
CREATE TABLE business (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (workspace_id, slug)
);

CREATE TABLE business_page (
    business_id INTEGER NOT NULL REFERENCES business(id) ON DELETE CASCADE,
    page_id INTEGER NOT NULL REFERENCES page(id) ON DELETE CASCADE,
    PRIMARY KEY (business_id, page_id)
);

CREATE TABLE business_member (
    id INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES business(id) ON DELETE CASCADE,
    persona_id INTEGER NOT NULL REFERENCES persona(id) ON DELETE CASCADE,
    access TEXT NOT NULL CHECK (access IN ('Administratör', 'Medarbetare')),
    UNIQUE (business_id, persona_id)
);

-- Invitations from "+ Lägg till": business access plus a role on each chosen Page.
CREATE TABLE invitation (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    business_id INTEGER NOT NULL REFERENCES business(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    access TEXT NOT NULL CHECK (access IN ('Administratör', 'Medarbetare')),
    token TEXT NOT NULL UNIQUE,          -- the link in the invitation mail
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'withdrawn')),
    invited_by INTEGER REFERENCES persona(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,            -- sandbox time
    answered_at TEXT
);

CREATE TABLE invitation_page (
    invitation_id INTEGER NOT NULL REFERENCES invitation(id) ON DELETE CASCADE,
    page_id INTEGER NOT NULL REFERENCES page(id) ON DELETE CASCADE,
    role TEXT NOT NULL,                  -- one of roles.ROLE_TASKS
    tasks TEXT NOT NULL DEFAULT '[]',    -- JSON list, for Anpassad
    PRIMARY KEY (invitation_id, page_id)
);

-- Instagram: accounts, their posts, and which accounts this workspace's phone is logged in to.
CREATE TABLE ig_account (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    username TEXT NOT NULL,
    full_name TEXT NOT NULL,
    bio TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    password_changed INTEGER NOT NULL DEFAULT 0, -- 1: no longer the world's practice password
    avatar TEXT NOT NULL DEFAULT '',
    UNIQUE (workspace_id, username)
);

CREATE TABLE ig_post (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES ig_account(id) ON DELETE CASCADE,
    image TEXT NOT NULL DEFAULT '',      -- a static image of the seeded world
    media_id TEXT REFERENCES media(id) ON DELETE SET NULL,
    caption TEXT NOT NULL DEFAULT '',
    shows_person TEXT NOT NULL DEFAULT '',   -- the composer's answer: '', none, adult, child
    consent INTEGER,                         -- 1: the signed consent form exists (guardian's for a child)
    created_at TEXT NOT NULL
);

CREATE TABLE ig_session (
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES ig_account(id) ON DELETE CASCADE,
    logged_in_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, account_id)
);

-- A password reset link sent from "Glömt lösenordet?" to the account's e-mail.
CREATE TABLE ig_reset (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES ig_account(id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,            -- sandbox time
    used_at TEXT
);

-- Apps installed on this workspace's phone from the mock App Store / Google Play.
CREATE TABLE phone_app (
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    app TEXT NOT NULL,                   -- e.g. instagram
    store TEXT NOT NULL CHECK (store IN ('app-store', 'google-play')),
    installed_at TEXT NOT NULL,          -- sandbox time
    PRIMARY KEY (workspace_id, app)
);

-- Training: the scenario running in a workspace, its tasks, and trainers' classes.
CREATE TABLE training_run (
    workspace_id TEXT PRIMARY KEY REFERENCES workspace(id) ON DELETE CASCADE,
    scenario_id TEXT NOT NULL,
    started_at TEXT NOT NULL,            -- sandbox time when the scenario started
    started_real TEXT NOT NULL,          -- real time, for the debrief's "time taken"
    finished_real TEXT                   -- real time when the last task's check passed
);

CREATE TABLE training_task (
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    task_index INTEGER NOT NULL,
    hints_used INTEGER NOT NULL DEFAULT 0,
    done_at TEXT,                        -- sandbox time when its check first passed
    PRIMARY KEY (workspace_id, task_index)
);

CREATE TABLE training_class (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,           -- the join code trainees type at /ga-med
    scenario_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Class membership survives "Återställ" (workspaces.keep_on_reset).
CREATE TABLE training_member (
    workspace_id TEXT PRIMARY KEY REFERENCES workspace(id) ON DELETE CASCADE,
    class_id INTEGER NOT NULL REFERENCES training_class(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    stopped INTEGER NOT NULL DEFAULT 0   -- 1: the trainee chose "Avsluta"; no restart after a reset
);
CREATE INDEX training_member_class ON training_member(class_id);
