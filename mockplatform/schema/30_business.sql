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
