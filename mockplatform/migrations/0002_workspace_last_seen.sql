-- When each world was last used (real time, UTC ISO), so that idle worlds can be removed
-- (WORKSPACE_IDLE_DAYS, 'mockplatform workspaces --prune'). Existing worlds count from creation.
ALTER TABLE workspace ADD COLUMN last_seen TEXT;
UPDATE workspace SET last_seen = created_at;
CREATE INDEX workspace_last_seen ON workspace(last_seen);
