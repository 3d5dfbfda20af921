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
