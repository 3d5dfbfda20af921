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
