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
