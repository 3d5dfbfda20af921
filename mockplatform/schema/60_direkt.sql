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
