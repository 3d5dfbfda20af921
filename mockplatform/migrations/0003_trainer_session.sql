-- Signed-in trainer sessions, kept on the server: 'Logga ut' deletes the row, so a copied
-- cookie stops working everywhere at once.
CREATE TABLE trainer_session (
    id TEXT PRIMARY KEY,                 -- random, also in the trainer's (signed) session cookie
    created_at TEXT NOT NULL             -- real time, UTC ISO
);
