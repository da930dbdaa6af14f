/** React Query keys of the thread page's interactive islands (one entry per post / thread). */
export const discussionQueryKeys = {
  postVote: (postId: string) => ["discussions", "post-vote", postId] as const,
  meToo: (threadId: string) => ["discussions", "me-too", threadId] as const,
};

/** What a vote button shows: the viewer's own vote and the post's count. */
export type PostVoteState = { helpful: boolean; helpfulCount: number };
/** What the "I have this question too" button shows. */
export type MeTooState = { meToo: boolean; meTooCount: number };

/** vote: a member who may react · signIn / join: a link instead · readOnly: the author sees the count only. */
export type ReactionAccess = "vote" | "signIn" | "join" | "readOnly";
