-- The embedding its state events carry (ExperienceState.embedding: base64 of little-endian float32), computed when
-- the experience is first published and again only if the embedding model changes; the text it is made of never does.
alter table experience
    add column embedding       text,
    add column embedding_model text;
