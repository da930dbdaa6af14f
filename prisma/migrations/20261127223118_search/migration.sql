-- Full-text search over thread titles and post bodies, stemmed in each row's own language.
-- Expression indexes (not generated columns) so prisma/schema.prisma needs no change; queries
-- must repeat exactly this expression (see server/discussions/search-sql.ts) to use them.

CREATE INDEX "Thread_title_search_idx" ON "Thread" USING GIN (
  to_tsvector(CASE WHEN "language" = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END, "title")
);

CREATE INDEX "Post_body_search_idx" ON "Post" USING GIN (
  to_tsvector(CASE WHEN "language" = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END, "bodyMarkdown")
);
