-- Training: the scenario running in a workspace, its tasks, and trainers' classes.
CREATE TABLE training_run (
    workspace_id TEXT PRIMARY KEY REFERENCES workspace(id) ON DELETE CASCADE,
    scenario_id TEXT NOT NULL,
    started_at TEXT NOT NULL,            -- sandbox time when the scenario started
    started_real TEXT NOT NULL,          -- real time, for the debrief's "time taken"
    finished_real TEXT,                  -- real time when the last task's check passed
    evaluated_action INTEGER NOT NULL DEFAULT 0, -- the last action id the stored state has seen
    mistakes TEXT NOT NULL DEFAULT '[]', -- JSON: the mistakes found at the last evaluation
    ended_real TEXT                      -- real time the trainee chose 'Avsluta' (kept for the review)
);

CREATE TABLE training_task (
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    task_index INTEGER NOT NULL,
    hints_used INTEGER NOT NULL DEFAULT 0,
    done_at TEXT,                        -- sandbox time since when its check passes (NULL: not now)
    first_done_at TEXT,                  -- sandbox time when its check first passed
    opened_at TEXT,                      -- sandbox time the task opened (timeline tasks)
    why TEXT NOT NULL DEFAULT '',        -- the coach's words for why it is not done yet
    PRIMARY KEY (workspace_id, task_index)
);

-- Timeline entries that have fired in a workspace (each exactly once).
CREATE TABLE training_event (
    workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
    entry_index INTEGER NOT NULL,
    fired_at TEXT NOT NULL,              -- sandbox time it arrived
    fired_real TEXT NOT NULL,
    PRIMARY KEY (workspace_id, entry_index)
);

CREATE TABLE training_class (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,           -- the join code trainees type at /ga-med
    scenario_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    started_at TEXT,                     -- sandbox time the class's scenario starts from
    clock_offset REAL NOT NULL DEFAULT 0,-- the class clock: sandbox time = real time + offset
    paused_at TEXT                       -- real time the trainer paused the class clock (NULL: running)
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
