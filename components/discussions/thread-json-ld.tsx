import { useTranslations } from "next-intl";
import { postPath, threadPath } from "@/lib/discussions/discussion-paths";
import { htmlToText } from "@/lib/discussions/html-to-excerpt";
import { serializeJsonLd } from "@/lib/discussions/serialize-json-ld";
import { getSiteUrl } from "@/server/catalog/get-site-url";
import type { ThreadView } from "@/server/discussions/get-thread";
import type { PostView } from "@/server/discussions/post-view";

const SUGGESTED_ANSWER_COUNT = 3;

type ThreadJsonLdProps = { thread: ThreadView; firstReplies: PostView[] };

/**
 * schema.org QAPage for a question, so search engines can show the accepted answer. `<` is
 * escaped: post text is user-written, and "</script>" inside it must not end the script element.
 */
export function ThreadJsonLd({ thread, firstReplies }: ThreadJsonLdProps) {
  const t = useTranslations("discussions.read");
  // Only what everyone may read: a question waiting for review (seen by its author or a moderator) has none.
  if (thread.opening.visibility !== "VISIBLE") return null;
  const site = getSiteUrl();
  const absolute = (path: string) => new URL(path, site).toString();
  const answer = (post: PostView) => ({
    "@type": "Answer",
    text: htmlToText(post.bodyHtml ?? ""),
    dateCreated: post.createdAt.toISOString(),
    upvoteCount: post.helpfulCount,
    url: absolute(postPath(thread.id, thread.slug, post.id)),
    author: { "@type": "Person", name: post.authorName ?? t("formerMember") },
  });
  const suggested = firstReplies
    .filter((reply) => !reply.isDeleted && reply.visibility === "VISIBLE" && reply.id !== thread.acceptedAnswer?.id)
    .slice(0, SUGGESTED_ANSWER_COUNT);

  const data = {
    "@context": "https://schema.org",
    "@type": "QAPage",
    mainEntity: {
      "@type": "Question",
      name: thread.title,
      text: htmlToText(thread.opening.bodyHtml ?? ""),
      answerCount: thread.replyCount,
      upvoteCount: thread.meTooCount,
      dateCreated: thread.createdAt.toISOString(),
      url: absolute(threadPath(thread.id, thread.slug)),
      author: { "@type": "Person", name: thread.opening.authorName ?? t("formerMember") },
      ...(thread.acceptedAnswer?.visibility === "VISIBLE" ? { acceptedAnswer: answer(thread.acceptedAnswer) } : {}),
      ...(suggested.length > 0 ? { suggestedAnswer: suggested.map(answer) } : {}),
    },
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
