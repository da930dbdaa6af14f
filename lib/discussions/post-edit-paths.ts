/** Pages about one post, under its thread's address. */
export const editPostPath = (threadId: string, threadSlug: string, postId: string) => `/t/${threadId}/${threadSlug}/posts/${postId}/edit`;
export const postRevisionsPath = (threadId: string, threadSlug: string, postId: string) => `/t/${threadId}/${threadSlug}/posts/${postId}/revisions`;
