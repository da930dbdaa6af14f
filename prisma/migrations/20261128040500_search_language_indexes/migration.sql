-- Search on a large community: one full-text index per stemming language, over live visible
-- rows only. With the combined index (Post_body_search_idx, kept for similar questions), a word
-- stemmed alike in both languages ("firmware") made the French branch of a search visit every
-- English post holding it (70,000 heap rows for none kept, half a second). Each search branch
-- repeats exactly these expressions and predicates (server/discussions/search-posts.ts).

CREATE INDEX "Post_body_search_fr_idx" ON "Post" USING GIN (to_tsvector('french'::regconfig, "bodyMarkdown"))
  WHERE "language" = 'fr' AND "deletedAt" IS NULL AND "visibility" = 'VISIBLE';

CREATE INDEX "Post_body_search_en_idx" ON "Post" USING GIN (to_tsvector('english'::regconfig, "bodyMarkdown"))
  WHERE "language" <> 'fr' AND "deletedAt" IS NULL AND "visibility" = 'VISIBLE';

CREATE INDEX "Thread_title_search_fr_idx" ON "Thread" USING GIN (to_tsvector('french'::regconfig, "title"))
  WHERE "language" = 'fr' AND "deletedAt" IS NULL;

CREATE INDEX "Thread_title_search_en_idx" ON "Thread" USING GIN (to_tsvector('english'::regconfig, "title"))
  WHERE "language" <> 'fr' AND "deletedAt" IS NULL;
