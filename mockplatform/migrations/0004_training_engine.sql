-- The training engine (issue 9): class clocks, timelines, stored evaluation, objects by key.
-- Existing rows keep their data; a task done before this keeps its time as its first pass.
ALTER TABLE workspace ADD COLUMN clock_frozen TEXT;  -- sandbox time standing still (a paused class), or NULL

-- Objects named by key: the world's keyed posts and comments, and a scenario's own items
-- (seeded at its start or arriving on its timeline). Checks name the object they are about.
CREATE TABLE object_key (
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,                  -- post, comment, mail
    object_id INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, key)
);

ALTER TABLE training_run ADD COLUMN evaluated_action INTEGER NOT NULL DEFAULT 0; -- last action id seen
ALTER TABLE training_run ADD COLUMN mistakes TEXT NOT NULL DEFAULT '[]';       -- JSON, last evaluation
ALTER TABLE training_run ADD COLUMN ended_real TEXT;  -- real time the trainee chose 'Avsluta' (kept for the review)

ALTER TABLE training_task ADD COLUMN first_done_at TEXT;  -- sandbox time when its check first passed
ALTER TABLE training_task ADD COLUMN opened_at TEXT;      -- sandbox time the task opened (timeline tasks)
ALTER TABLE training_task ADD COLUMN why TEXT NOT NULL DEFAULT ''; -- the coach's words for why not done
UPDATE training_task SET first_done_at = done_at WHERE done_at IS NOT NULL;

-- Timeline entries that have fired in a workspace (each exactly once).
CREATE TABLE training_event (
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    entry_index INTEGER NOT NULL,
    fired_at TEXT NOT NULL,              -- sandbox time it arrived
    fired_real TEXT NOT NULL,
    PRIMARY KEY (workspace_id, entry_index)
);

ALTER TABLE training_class ADD COLUMN started_at TEXT;     -- sandbox time the class's scenario starts from
ALTER TABLE training_class ADD COLUMN clock_offset REAL NOT NULL DEFAULT 0; -- class clock offset (seconds)
ALTER TABLE training_class ADD COLUMN paused_at TEXT;      -- real time the class clock was paused (NULL: running)
