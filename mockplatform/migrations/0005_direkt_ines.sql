-- Östhammar Direkt's case tool (diarium) and the Ines intranet's account list (issue 10).
-- Östhammar Direkt's case tool (a mock): comments registered as allmän handling in a diarium.
CREATE TABLE diary_entry (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    number TEXT NOT NULL,                -- diarienummer, e.g. "ÖD 2026/0001"
    title TEXT NOT NULL,                 -- ärendemening
    comment_id INTEGER REFERENCES comment(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL DEFAULT '',-- who wrote what was registered
    source_text TEXT NOT NULL DEFAULT '',-- what was registered, as it was written
    private_contact INTEGER NOT NULL DEFAULT 0, -- 1: the person is answered in a private channel
    registered_by INTEGER REFERENCES persona(id) ON DELETE SET NULL,
    registered_at TEXT NOT NULL,         -- sandbox time
    UNIQUE (workspace_id, number)
);
CREATE INDEX diary_comment ON diary_entry(comment_id);

-- The intranet Ines (a mock): new accounts planned by the handbook's questions, closed accounts.
CREATE TABLE account_plan (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,                  -- the unit that wants the account
    channel TEXT NOT NULL,               -- Facebooksida, Instagramkonto, …
    answers TEXT NOT NULL,               -- JSON: the handbook's questions and the answers
    editors TEXT NOT NULL,               -- JSON list of the (at least two) editors' e-mail
    planned_by INTEGER REFERENCES persona(id) ON DELETE SET NULL,
    mail_id INTEGER REFERENCES mail(id) ON DELETE SET NULL, -- the mail to the communications unit
    created_at TEXT NOT NULL
);

CREATE TABLE account_closure (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    ig_account_id INTEGER NOT NULL REFERENCES ig_account(id) ON DELETE CASCADE,
    closed_at TEXT NOT NULL,             -- sandbox time
    mail_id INTEGER REFERENCES mail(id) ON DELETE SET NULL, -- the notification to the unit
    UNIQUE (ig_account_id)
);
